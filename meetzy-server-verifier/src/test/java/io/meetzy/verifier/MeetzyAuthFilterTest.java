package io.meetzy.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meetzy.core.Expiration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP error table, end to end: a real JDK server on loopback, the filter, and the JDK client. */
class MeetzyAuthFilterTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final String CREATE_NEW = "Create a new token and update the applications that use it.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingTokenStore store = new CountingTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private final AtomicInteger handled = new AtomicInteger();
    private volatile CyclicBarrier pairBarrier;

    private HttpServer server;
    private ExecutorService executor;
    private HttpClient client;
    private URI assistants;
    private CreatedToken created;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        HttpContext context = server.createContext("/v1/assistants", this::handleAssistants);
        context.getFilters().add(new MeetzyAuthFilter(TokenVerifier.builder(store).clock(clock).build()));
        server.start();

        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assistants = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/assistants");
        created = manager.create("acct_1", "Production API", Expiration.THIRTY_DAYS);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void validTokenReachesHandlerWithPrincipal() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":[],\"token_id\":\"" + created.metadata().id()
                + "\",\"account_id\":\"acct_1\"}");
        assertThat(response.headers().firstValue("Meetzy-Token-Expires")).contains("Tue, 15 Jul 2025 10:00:00 GMT");
        assertThat(response.headers().firstValue("Meetzy-Request-Id").orElseThrow()).matches("req_[0-9A-Za-z]{20}");
        assertThat(handled).hasValue(1);
    }

    @Test
    void eachTokenGetsItsOwnExpiryHeader() throws Exception {
        CreatedToken yearLong = manager.create("acct_1", "Nightly export", Expiration.ONE_YEAR);

        HttpResponse<String> first = send(request().header("Authorization", bearer()));
        HttpResponse<String> second = send(request().header("Authorization", "Bearer " + yearLong.token().value()));
        HttpResponse<String> firstAgain = send(request().header("Authorization", bearer()));

        assertThat(first.headers().firstValue("Meetzy-Token-Expires")).contains("Tue, 15 Jul 2025 10:00:00 GMT");
        assertThat(second.headers().firstValue("Meetzy-Token-Expires")).contains("Mon, 15 Jun 2026 10:00:00 GMT");
        assertThat(firstAgain.headers().firstValue("Meetzy-Token-Expires")).contains("Tue, 15 Jul 2025 10:00:00 GMT");
    }

    @Test
    void lowerCaseSchemeAndSeveralSpacesAreAccepted() throws Exception {
        HttpResponse<String> lower = send(request().header("Authorization", "bearer " + created.token().value()));
        HttpResponse<String> spaces = send(request().header("Authorization", "Bearer    " + created.token().value()));

        assertThat(lower.statusCode()).isEqualTo(200);
        assertThat(spaces.statusCode()).isEqualTo(200);
    }

    @Test
    void noHeaderIs401WithBareChallenge() throws Exception {
        HttpResponse<String> response = send(request());

        assertError(response, 401, "authentication_error", "The request has no Authorization header."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.");
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\"");
    }

    @Test
    void basicSchemeIs401WithBareChallenge() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", "Basic dXNlcjpwYXNz"));

        assertError(response, 401, "authentication_error", "The Authorization header does not use the Bearer scheme."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.");
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\"");
    }

    @Test
    void emptyTokenIsInvalidToken() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", "Bearer "));

        String message = "The Authorization header has the Bearer scheme but no token."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.";
        assertError(response, 401, "authentication_error", message);
        assertInvalidTokenChallenge(response, message);
    }

    @Test
    void malformedTokenIsInvalidToken() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", "Bearer mzy_short"));

        String message = "Invalid Meetzy token: the token has the wrong length (9); a Meetzy token has 62 characters."
                + " Copy the complete value, without quotes or spaces.";
        assertError(response, 401, "authentication_error", message);
        assertInvalidTokenChallenge(response, message);
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void badChecksumIsInvalidToken() throws Exception {
        String value = created.token().value();
        String typo = value.substring(0, 40) + (value.charAt(40) == 'a' ? 'b' : 'a') + value.substring(41);

        HttpResponse<String> response = send(request().header("Authorization", "Bearer " + typo));

        String message = "Invalid Meetzy token: the token failed its checksum: it was mistyped or changed."
                + " Copy it again from where it was stored.";
        assertError(response, 401, "authentication_error", message);
        assertInvalidTokenChallenge(response, message);
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void twoAuthorizationHeadersAre400() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", bearer())
                .header("Authorization", bearer()));

        String message = "The request has 2 Authorization headers. Send exactly one: 'Authorization: Bearer <token>'.";
        assertError(response, 400, "invalid_request_error", message);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\","
                + " error=\"invalid_request\", error_description=\"" + message + "\"");
        assertThat(handled).hasValue(0);
    }

    @Test
    void tokenInQueryOnlyIs400() throws Exception {
        URI withQuery = URI.create(assistants + "?limit=5&access_token=" + created.token().value());

        HttpResponse<String> response = send(HttpRequest.newBuilder(withQuery).GET());

        String message = "The token was sent in the URL query parameter access_token, and URLs get logged."
                + " Send it in the Authorization header instead: 'Authorization: Bearer <token>'.";
        assertError(response, 400, "invalid_request_error", message);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\","
                + " error=\"invalid_request\", error_description=\"" + message + "\"");
        assertThat(response.body()).doesNotContain(created.token().value());
    }

    @Test
    void tokenInHeaderAndQueryIs400() throws Exception {
        URI withQuery = URI.create(assistants + "?access%5Ftoken=" + created.token().value());

        HttpResponse<String> response = send(HttpRequest.newBuilder(withQuery).header("Authorization", bearer()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("both in the Authorization header and in the URL query");
    }

    @Test
    void unknownTokenIsInvalidToken() throws Exception {
        String stranger = TestTokens.issue("tok_x", "acct_x", NOW, NOW.plus(Duration.ofDays(30))).token().value();

        HttpResponse<String> response = send(request().header("Authorization", "Bearer " + stranger));

        String message = "The token is not recognized: no issued token matches it."
                + " Check that the complete token was copied, or create a new one.";
        assertError(response, 401, "authentication_error", message);
        assertInvalidTokenChallenge(response, message);
    }

    @Test
    void tokenExpiredByClockIsInvalidToken() throws Exception {
        clock.set(created.metadata().expiresAt());

        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        String message = "The token expired at 2025-07-15T10:00:00Z. " + CREATE_NEW;
        assertError(response, 401, "authentication_error", message);
        assertInvalidTokenChallenge(response, message);
    }

    @Test
    void revokedTokenFailsOnVeryNextRequest() throws Exception {
        assertThat(send(request().header("Authorization", bearer())).statusCode()).isEqualTo(200);

        manager.revoke("acct_1", created.metadata().id());
        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        String message = "The token was revoked. " + CREATE_NEW;
        assertError(response, 401, "authentication_error", message);
        assertInvalidTokenChallenge(response, message);
        assertThat(handled).hasValue(1);
    }

    @Test
    void storeFailureIs500WithoutDetails() throws Exception {
        store.failure = new JdbcStoreException("findByDisplayPrefix", "jdbc:postgresql://127.0.0.1/db",
                new java.sql.SQLException("Connection refused"));

        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        assertError(response, 500, "api_error", "The server could not verify the token because of an internal"
                + " error. Retry later; if the error persists, report the request id.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("jdbc:").doesNotContain("\tat ");
        assertThat(handled).hasValue(0);
    }

    @Test
    void headRequestGetsStatusWithoutBody() throws Exception {
        HttpResponse<String> response = send(request().method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\"");
    }

    @Test
    void principalIsPerRequestUnderConcurrency() throws Exception {
        CreatedToken other = manager.create("acct_2", "Other account", Expiration.THIRTY_DAYS);
        pairBarrier = new CyclicBarrier(2);

        for (int round = 0; round < 5; round++) {
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                    request().header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = client.sendAsync(
                    request().header("Authorization", "Bearer " + other.token().value()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(first.get(30, TimeUnit.SECONDS).body()).contains("\"account_id\":\"acct_1\"");
            assertThat(second.get(30, TimeUnit.SECONDS).body()).contains("\"account_id\":\"acct_2\"");
        }
    }

    @Test
    void auditLogNamesRequestAndNeverToken() throws Exception {
        manager.revoke("acct_1", created.metadata().id());
        HttpResponse<String> response = send(request().header("Authorization", bearer()));
        String requestId = response.headers().firstValue("Meetzy-Request-Id").orElseThrow();

        String log = Files.readString(Path.of("target", "meetzy-tests.log"), StandardCharsets.UTF_8);

        assertThat(log).contains("meetzy.audit - token=" + created.token().displayPrefix()
                + " outcome=revoked_token request_id=" + requestId);
        assertThat(log).doesNotContain(created.token().value().substring(24, 56));
    }

    /**
     * Responds with the principal the filter handed over. With a pair barrier set, it first waits
     * until the other request of the pair has passed the filter too, so a principal shared between
     * requests would show up as the wrong account.
     */
    private void handleAssistants(HttpExchange exchange) throws IOException {
        handled.incrementAndGet();
        CyclicBarrier barrier = pairBarrier;
        if (barrier != null) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("The paired request did not arrive", e);
            }
        }

        VerifiedToken token = MeetzyAuthFilter.principal(exchange).orElseThrow();
        byte[] body = ("{\"data\":[],\"token_id\":\"" + token.tokenId() + "\",\"account_id\":\""
                + token.accountId() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String bearer() {
        return "Bearer " + created.token().value();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(assistants).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("message").asText();
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String message)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("message").asText()).isEqualTo(message);
        String requestId = response.headers().firstValue("Meetzy-Request-Id").orElseThrow();
        assertThat(requestId).matches("req_[0-9A-Za-z]{20}");
        assertThat(error.path("request_id").asText()).isEqualTo(requestId);
    }

    private static void assertInvalidTokenChallenge(HttpResponse<String> response, String message) {
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\","
                + " error=\"invalid_token\", error_description=\"" + message + "\"");
    }
}
