package io.meetzy.examples.snippets;

import com.sun.net.httpserver.HttpServer;
import io.meetzy.verifier.JdbcTokenStore;
import io.meetzy.verifier.MeetzyAuthFilter;
import io.meetzy.verifier.TokenStore;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.VerifiedToken;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Accepts Meetzy API tokens in a service built on the JDK {@link HttpServer}. Requests without a
 * valid {@code Authorization: Bearer} token get a 401 with a JSON error before the handler runs.
 */
public final class ProtectYourService {

    private ProtectYourService() {
    }

    public static void main(String[] args) throws IOException {
        // Embedded H2 under ./meetzy-data; use JdbcTokenStore.open("jdbc:postgresql://...") in production.
        TokenStore store = JdbcTokenStore.openH2(Path.of("meetzy-data"));
        TokenVerifier verifier = TokenVerifier.builder(store).build();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8081), 0);
        server.createContext("/hello", exchange -> {
            VerifiedToken caller = MeetzyAuthFilter.principal(exchange).orElseThrow();
            byte[] body = ("Hello, account " + caller.accountId() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }).getFilters().add(new MeetzyAuthFilter(verifier));
        server.start();
        System.out.println("Listening on http://127.0.0.1:8081/hello; call it with 'Authorization: Bearer <token>'.");
    }
}
