package io.meetzy.benchmarks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.meetzy.client.MeetzyClient;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cost of {@link MeetzyClient} over the raw {@link HttpClient} it wraps: both send the same
 * authenticated GET to the same JDK {@link HttpServer} on 127.0.0.1, started by this benchmark, in
 * the same run. The raw call does what a user of the JDK client minimally does to get the body: it
 * sends a request built once, reads the body as a String and checks the status. Per call, the
 * client also asks its token provider for the token, resolves the path, builds the request, keeps
 * retry state, checks the expiry header and checks that the body is JSON. It parses the JSON tree
 * and the rate-limit headers only when they are read, so {@link #meetzyClientReadBody()} measures
 * a caller that also reads the tree.
 *
 * <p>JMH runs the benchmark methods one after the other, each in its own forks, so background load
 * can favour one of them. {@link ClientOverheadLoadLoop} alternates the two in one JVM instead.
 *
 * <p>The forks set {@code sun.net.httpserver.nodelay}: the JDK server writes the headers and the
 * body separately, and with Nagle's algorithm on, the second write waits for the client's delayed
 * ACK, about 40 ms on Linux. That wait would hide any difference between the two clients.
 *
 * <p>Run latency with {@code -bm sample -t 1} and throughput with {@code -bm thrpt -t 2}; see
 * BENCHMARKS.md for the commands and results.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ClientOverheadBenchmark {

    private static final String PATH = "/v1/assistants";

    /** A small list response with the headers the Meetzy API sends on every authenticated response. */
    private static final byte[] BODY = "{\"data\":[{\"id\":\"asst_1\",\"name\":\"Notes\"},{\"id\":\"asst_2\",\"name\":\"Mail\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService serverThreads;
    private MeetzyClient meetzyClient;
    private HttpClient rawClient;
    private HttpRequest rawRequest;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext(PATH, ClientOverheadBenchmark::respond);
        server.start();

        String token = TokenGenerator.ofDefaults().generate(Expiration.ONE_YEAR).token().value();
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        meetzyClient = MeetzyClient.builder().token(token).baseUrl(baseUrl).build();

        rawClient = HttpClient.newBuilder().connectTimeout(MeetzyClient.DEFAULT_CONNECT_TIMEOUT).build();
        rawRequest = HttpRequest.newBuilder(baseUrl.resolve(PATH))
                .timeout(MeetzyClient.DEFAULT_REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", "raw-benchmark")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /** Returns the response, which JMH consumes, so the call cannot be optimized away. */
    @Benchmark
    public MeetzyResponse meetzyClient() {
        return meetzyClient.get(PATH);
    }

    /** Also builds the JSON tree, which {@link #meetzyClient()} leaves unparsed. */
    @Benchmark
    public JsonNode meetzyClientReadBody() {
        return meetzyClient.get(PATH).body();
    }

    @Benchmark
    public String rawHttpClient() throws IOException, InterruptedException {
        HttpResponse<String> response = rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The benchmark server returned status " + response.statusCode());
        }
        return response.body();
    }

    private static void respond(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Meetzy-Request-Id", "req_benchmark");
        exchange.getResponseHeaders().add("RateLimit-Policy", "\"default\";q=100;w=60");
        exchange.getResponseHeaders().add("RateLimit", "\"default\";r=42;t=17");
        exchange.getResponseHeaders().add("Meetzy-Token-Expires", "Thu, 04 Mar 2027 20:21:10 GMT");
        exchange.sendResponseHeaders(200, BODY.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
        }
    }
}
