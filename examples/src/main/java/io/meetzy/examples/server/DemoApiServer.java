package io.meetzy.examples.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meetzy.core.Scopes;
import io.meetzy.verifier.MeetzyAuthFilter;
import io.meetzy.verifier.ScopeCheck;
import io.meetzy.verifier.ScopeRejection;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.VerifiedToken;
import io.meetzy.verifier.rest.TokenApi;
import io.meetzy.verifier.rest.TokenApiHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo Meetzy API on the JDK {@link HttpServer}: {@code GET /v1/assistants} (scope
 * {@code assistants:read}) and, when a {@link TokenApi} is given, the token API at
 * {@code /v1/tokens}, both behind {@link MeetzyAuthFilter}, plus an unauthenticated
 * {@code GET /health}. It shows how a service mounts the verifier. The assistants it lists are
 * sample data.
 */
public final class DemoApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scope checks of the demo's own endpoints, with the verifier's default realm. */
    private static final ScopeCheck SCOPES = ScopeCheck.of(TokenVerifier.DEFAULT_REALM);

    /** Seconds that {@link #close()} lets in-flight exchanges finish. */
    private static final int STOP_DELAY_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService executor;

    private DemoApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the server with the token API at {@code /v1/tokens}; port 0 picks a free port. The API
     * and the verifier must use the same store.
     * The server does not close the verifier: close it after the server, so that pending
     * {@code last_used_at} updates are written.
     *
     * @throws IOException if the address cannot be bound, for example because the port is taken
     */
    public static DemoApiServer start(String host, int port, TokenVerifier verifier, TokenApi tokenApi)
            throws IOException {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(tokenApi, "tokenApi");
        MeetzyAuthFilter authentication = new MeetzyAuthFilter(verifier);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/v1/assistants", DemoApiServer::listAssistants).getFilters().add(authentication);
        server.createContext("/v1/tokens", new TokenApiHandler(tokenApi)).getFilters().add(authentication);
        server.createContext("/health", DemoApiServer::health);
        server.createContext("/", DemoApiServer::notFound);

        ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        server.setExecutor(executor);
        server.start();
        LOG.debug("Demo API server started on {}", server.getAddress());
        return new DemoApiServer(server, executor);
    }

    /** Returns the base URL clients use, such as {@code http://127.0.0.1:8080}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private static void listAssistants(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                writeJson(exchange, 405, Map.of("error", Map.of(
                        "type", "invalid_request_error",
                        "message", "Use GET on /v1/assistants.")));
                return;
            }

            Optional<VerifiedToken> caller = MeetzyAuthFilter.principal(exchange);
            Optional<ScopeRejection> missingScope = caller.flatMap(token ->
                    SCOPES.require(token, Scopes.ASSISTANTS_READ, "GET /v1/assistants"));
            if (missingScope.isPresent()) {
                reject(exchange, missingScope.get());
                return;
            }

            String accountId = caller.map(VerifiedToken::accountId).orElse("unknown");
            List<Map<String, String>> assistants = List.of(
                    Map.of("id", "asst_notes", "name", "Meeting notes", "account_id", accountId),
                    Map.of("id", "asst_actions", "name", "Action items", "account_id", accountId));
            writeJson(exchange, 200, Map.of("data", assistants));
        }
    }

    /** Sends 403 {@code insufficient_scope} with the challenge that RFC 6750 section 3.1 defines. */
    private static void reject(HttpExchange exchange, ScopeRejection rejection) throws IOException {
        String requestId = Optional.ofNullable(exchange.getResponseHeaders().getFirst("Meetzy-Request-Id")).orElse("-");
        exchange.getResponseHeaders().set("WWW-Authenticate", rejection.wwwAuthenticate());
        writeRaw(exchange, rejection.httpStatus(), rejection.jsonBody(requestId));
    }

    /** Unauthenticated liveness check; also the baseline for measuring what verification costs. */
    private static void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            writeJson(exchange, 200, Map.of("status", "ok"));
        }
    }

    /**
     * Responds to any other path with a JSON 404 instead of the JDK server's HTML page. The path is not
     * repeated, because a mistaken URL can carry a token.
     */
    private static void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            writeJson(exchange, 404, Map.of("error", Map.of(
                    "type", "not_found_error",
                    "message", "No such endpoint. The demo API serves /v1/assistants, /v1/tokens and /health."
                            + " Check that the base URL is the server's root, such as http://127.0.0.1:8080,"
                            + " without /v1.")));
        }
    }

    private static void writeJson(HttpExchange exchange, int status, Object body) throws IOException {
        writeRaw(exchange, status, JSON.writeValueAsString(body));
    }

    private static void writeRaw(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
        executor.shutdownNow();
        LOG.debug("Demo API server stopped");
    }
}
