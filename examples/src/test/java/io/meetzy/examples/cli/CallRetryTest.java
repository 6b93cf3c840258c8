package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code meetzy call} against a loopback server that returns 503 once, then 200. */
class CallRetryTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/assistants", this::unavailableOnce);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void retryIsAnnouncedOnStandardError() throws Exception {
        String token = new TokenGenerator(new SecureRandom(), Clock.systemUTC()).generate(Expiration.THIRTY_DAYS)
                .token().value();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

        ChildCli.Result call = ChildCli.run(Map.of("MEETZY_API_TOKEN", token),
                "call", "GET", "/v1/assistants", "--base-url", baseUrl, "--max-retries", "1");

        assertThat(call.exitCode()).as(call.err()).isZero();
        assertThat(requests).hasValue(2);
        assertThat(call.err()).containsPattern("GET /v1/assistants: attempt 1 failed with status 503\\. Retrying in"
                + " [12]\\.\\d s\\.");
        assertThat(call.err()).doesNotContain(token.substring(24));
    }

    private void unavailableOnce(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean isFirst = requests.incrementAndGet() == 1;
            byte[] body = (isFirst ? "{\"error\":{\"type\":\"api_error\",\"message\":\"Try again.\"}}" : "{\"data\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (isFirst) {
                exchange.getResponseHeaders().set("Retry-After", "1");
            }
            exchange.sendResponseHeaders(isFirst ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
