package io.meetzy.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP contract through {@link MeetzyAuthFilter} in the JDK {@code HttpServer}. */
class JdkFilterContractTest extends HttpAdapterContractTest {

    private HttpServer server;
    private ExecutorService executor;

    @Override
    URI start(TokenVerifier verifier) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/v1/assistants", JdkFilterContractTest::handle).getFilters().add(new MeetzyAuthFilter(verifier));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/assistants");
    }

    @Override
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String note = form.startsWith("note=") ? URLDecoder.decode(form.substring(5), StandardCharsets.UTF_8) : form;
        String account = MeetzyAuthFilter.principal(exchange).orElseThrow().accountId();

        byte[] body = applicationBody(account, note).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
