package io.meetzy.verifier.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.client.RetryEvent;
import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.MeetzyAuthFilter;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MeetzyClient} with its default retries creates a token through a server that runs the
 * first request and then drops the connection, as if the response were lost on the way back.
 */
class DroppedResponseRetryTest {

    private static final Instant START = Instant.parse("2025-06-15T10:00:00Z");

    private final FixedStepClock clock = new FixedStepClock(START);
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private final ResponseDropper dropper = new ResponseDropper();
    private HttpServer server;
    private URI base;
    private CreatedToken admin;

    @BeforeEach
    void startServer() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
        dropper.delegate = new TokenApiHandler(TokenApi.builder(manager).clock(clock).build());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/tokens", dropper).getFilters().add(new MeetzyAuthFilter(verifier));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        admin = manager.create("acct_a", "Admin", Expiration.NINETY_DAYS);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void retryAfterLostResponseGetsFirstToken() {
        List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        MeetzyClient client = MeetzyClient.builder()
                .token(admin.token().value())
                .baseUrl(base)
                .clock(clock)
                .sleeper(waits::add)
                .retryListener(retries::add)
                .build();

        MeetzyResponse response = client.post("/v1/tokens", Map.of("name", "Lost response", "expires_in", "30d"));

        ApiToken token = ApiToken.of(response.body().get("token").asText());
        assertThat(dropper.dropped).hasValue(1);
        assertThat(retries).hasSize(1);
        assertThat(waits).hasSize(1);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Idempotent-Replayed")).contains("true");
        assertThat(manager.list("acct_a")).extracting(metadata -> metadata.name())
                .containsExactlyInAnyOrder("Admin", "Lost response");
        assertThat(store.findByDisplayPrefix(token.displayPrefix())).isPresent();
    }

    /** Runs the first request fully, then fails the exchange, so the JDK server closes the connection unanswered. */
    private static final class ResponseDropper implements HttpHandler {

        final AtomicInteger dropped = new AtomicInteger();
        volatile HttpHandler delegate;

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            if (dropped.compareAndSet(0, 1)) {
                delegate.handle(new DiscardingExchange(exchange));
                throw new IOException("The test drops this response, as a broken connection would");
            }
            delegate.handle(exchange);
        }
    }

    /** Passes the request through and swallows the response, which then never reaches the client. */
    private static final class DiscardingExchange extends HttpExchange {

        private final HttpExchange exchange;
        private final ByteArrayOutputStream discarded = new ByteArrayOutputStream();
        private int status = -1;

        DiscardingExchange(HttpExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public Headers getRequestHeaders() {
            return exchange.getRequestHeaders();
        }

        @Override
        public Headers getResponseHeaders() {
            return exchange.getResponseHeaders();
        }

        @Override
        public URI getRequestURI() {
            return exchange.getRequestURI();
        }

        @Override
        public String getRequestMethod() {
            return exchange.getRequestMethod();
        }

        @Override
        public HttpContext getHttpContext() {
            return exchange.getHttpContext();
        }

        @Override
        public void close() {
            // The real exchange stays open until the handler fails it.
        }

        @Override
        public InputStream getRequestBody() {
            return exchange.getRequestBody();
        }

        @Override
        public OutputStream getResponseBody() {
            return discarded;
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) {
            status = rCode;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return exchange.getRemoteAddress();
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return exchange.getLocalAddress();
        }

        @Override
        public String getProtocol() {
            return exchange.getProtocol();
        }

        @Override
        public Object getAttribute(String name) {
            return exchange.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            exchange.setAttribute(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            throw new UnsupportedOperationException("The token API does not replace streams.");
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return exchange.getPrincipal();
        }
    }
}
