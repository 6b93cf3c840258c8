package io.meetzy.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetzy.core.Expiration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract of the verifier, run against each adapter in a real server on loopback: every
 * row of the error table, the rate-limit headers, the limits and the principal handed to the
 * application. The application behind the filter responds with {@code {"account_id":...,"body":...}}.
 */
abstract class HttpAdapterContractTest {

    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_NEW = "Create a new token and update the applications that use it.";
    private static final String FORM = "application/x-www-form-urlencoded";

    final MutableClock clock = new MutableClock(NOW);
    final CountingTokenStore store = new CountingTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private URI assistants;
    private CreatedToken created;

    /** Starts the server with the adapter in front of {@code /v1/assistants} and returns that URL. */
    abstract URI start(TokenVerifier verifier) throws Exception;

    abstract void stop() throws Exception;

    @BeforeEach
    void startServer() throws Exception {
        assistants = start(verifier(Set.of()));
        created = manager.create("acct_1", "Production API", Expiration.THIRTY_DAYS);
    }

    @AfterEach
    void stopServer() throws Exception {
        stop();
    }

    private TokenVerifier verifier(Set<InetAddress> trustedProxies) {
        return TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(3, Duration.ofMinutes(1)))
                .failureLimit(new RateLimitPolicy(4, Duration.ofMinutes(1)))
                .trustedProxies(trustedProxies)
                .build();
    }

    @Test
    void validTokenReachesApplication() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("account_id").asText()).isEqualTo("acct_1");
        assertThat(header(response, "Meetzy-Request-Id")).matches("req_[0-9A-Za-z]{20}");
        assertThat(header(response, "Meetzy-Token-Expires")).isEqualTo("Tue, 15 Jul 2025 10:00:00 GMT");
        assertThat(header(response, "RateLimit-Policy")).isEqualTo("\"default\";q=3;w=60");
        assertThat(header(response, "RateLimit")).isEqualTo("\"default\";r=2;t=60");
        assertThat(header(response, "RateLimit-Limit")).isEqualTo("3");
        assertThat(header(response, "RateLimit-Remaining")).isEqualTo("2");
        assertThat(header(response, "RateLimit-Reset")).isEqualTo("60");
    }

    @Test
    void schemeCaseAndSpacesAreAccepted() throws Exception {
        assertThat(send(request().header("Authorization", "bearer " + value())).statusCode()).isEqualTo(200);
        assertThat(send(request().header("Authorization", "BEARER    " + value())).statusCode()).isEqualTo(200);
    }

    @Test
    void missingHeaderGetsBareChallenge() throws Exception {
        HttpResponse<String> response = send(request());

        assertError(response, 401, "authentication_error", "The request has no Authorization header."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.");
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\"");
    }

    @Test
    void otherSchemeGetsBareChallenge() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", "Basic dXNlcjpwYXNz"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\"");
    }

    @Test
    void emptyTokenIsInvalidToken() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", "Bearer "));

        assertInvalidToken(response, "The Authorization header has the Bearer scheme but no token."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.");
    }

    @Test
    void checksumFailureIsInvalidToken() throws Exception {
        String typo = value().substring(0, 40) + (value().charAt(40) == 'a' ? 'b' : 'a') + value().substring(41);

        HttpResponse<String> response = send(request().header("Authorization", "Bearer " + typo));

        assertInvalidToken(response, "Invalid Meetzy token: the token failed its checksum: it was mistyped or changed."
                + " Copy it again from where it was stored.");
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void unknownExpiredAndRevokedAreInvalidToken() throws Exception {
        String stranger = TestTokens.issue("tok_x", "acct_x", NOW, NOW.plus(Duration.ofDays(30))).token().value();
        assertInvalidToken(send(request().header("Authorization", "Bearer " + stranger)),
                "The token is not recognized: no issued token matches it."
                        + " Check that the complete token was copied, or create a new one.");

        manager.revoke("acct_1", created.metadata().id());
        assertInvalidToken(send(request().header("Authorization", bearer())), "The token was revoked. " + CREATE_NEW);

        CreatedToken other = manager.create("acct_1", "Ends", Expiration.THIRTY_DAYS);
        clock.set(other.metadata().expiresAt());
        assertInvalidToken(send(request().header("Authorization", "Bearer " + other.token().value())),
                "The token expired at " + other.metadata().expiresAt() + ". " + CREATE_NEW);
    }

    @Test
    void twoHeadersAreInvalidRequest() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", bearer()).header("Authorization", bearer()));

        String message = "The request has 2 Authorization headers. Send exactly one: 'Authorization: Bearer <token>'.";
        assertError(response, 400, "invalid_request_error", message);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\","
                + " error=\"invalid_request\", error_description=\"" + message + "\"");
    }

    @Test
    void queryTokenIsInvalidRequest() throws Exception {
        HttpResponse<String> alone = send(HttpRequest.newBuilder(URI.create(assistants + "?access_token=" + value())));
        HttpResponse<String> both = send(HttpRequest.newBuilder(URI.create(assistants + "?access_token=" + value()))
                .header("Authorization", bearer()));

        assertError(alone, 400, "invalid_request_error", "The token was sent in the URL query parameter access_token,"
                + " and URLs get logged. Send it in the Authorization header instead: 'Authorization: Bearer <token>'.");
        assertError(both, 400, "invalid_request_error", "The request carries credentials both in the Authorization"
                + " header and in the URL query parameter access_token. Send the token only in the Authorization header.");
        assertThat(alone.body() + both.body()).doesNotContain(value());
    }

    @Test
    void bodyTokenIsInvalidRequest() throws Exception {
        HttpResponse<String> both = send(request().header("Authorization", bearer()).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("note=hi&access_token=" + value())));
        HttpResponse<String> alone = send(request().header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + value())));

        assertError(both, 400, "invalid_request_error", "The request carries credentials both in the Authorization"
                + " header and in the request body. Send the token only in the Authorization header.");
        assertError(alone, 400, "invalid_request_error", "The token was sent in the request body."
                + " Send it in the Authorization header instead: 'Authorization: Bearer <token>'.");
    }

    @Test
    void formBodyReachesApplicationIntact() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", bearer()).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("note=hello+world")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("body").asText()).isEqualTo("hello world");
    }

    @Test
    void rateLimitIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(request().header("Authorization", bearer())).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(20));

        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        assertError(response, 429, "rate_limit_error", "The token exceeded its rate limit of 3 requests per 60 s."
                + " Retry after the time in the Retry-After header.");
        assertThat(header(response, "Retry-After")).isEqualTo("40");
        assertThat(header(response, "RateLimit")).isEqualTo("\"default\";r=0;t=40");
        assertThat(header(response, "RateLimit-Remaining")).isEqualTo("0");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void repeatedFailuresAre429() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(send(request().header("Authorization", "Bearer mzy_guess" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        assertError(response, 429, "rate_limit_error", "Too many requests from this address failed authentication"
                + " (limit 4 per 60 s). Check the token, then retry after the time in the Retry-After header.");
        assertThat(header(response, "Retry-After")).isEqualTo("60");
    }

    @Test
    void forwardedForIsIgnoredFromUntrustedPeer() throws Exception {
        for (int i = 0; i < 4; i++) {
            send(request().header("Authorization", "Bearer bad").header("X-Forwarded-For", "203.0.113." + i));
        }

        HttpResponse<String> response = send(request().header("Authorization", bearer())
                .header("X-Forwarded-For", "203.0.113.99"));

        assertThat(response.statusCode()).as("all failures counted under the socket's address").isEqualTo(429);
    }

    @Test
    void forwardedForIsReadFromTrustedProxy() throws Exception {
        stop();
        assistants = start(verifier(Set.of(InetAddress.getByName("127.0.0.1"))));
        for (int i = 0; i < 4; i++) {
            send(request().header("Authorization", "Bearer bad").header("X-Forwarded-For", "203.0.113.1"));
        }

        HttpResponse<String> blocked = send(request().header("Authorization", bearer())
                .header("X-Forwarded-For", "203.0.113.1"));
        HttpResponse<String> other = send(request().header("Authorization", bearer())
                .header("X-Forwarded-For", "203.0.113.2"));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(other.statusCode()).isEqualTo(200);
        String log = Files.readString(Path.of("target", "meetzy-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("outcome=too_many_failures request_id=" + header(blocked, "Meetzy-Request-Id")
                + " client=203.0.113.1");
    }

    @Test
    void storeFailureIs500WithRequestId() throws Exception {
        store.failure = new JdbcStoreException("findByDisplayPrefix", "jdbc:postgresql://127.0.0.1/db",
                new java.sql.SQLException("Connection refused"));

        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        assertError(response, 500, "api_error", "The server could not verify the token because of an internal"
                + " error. Retry later; if the error persists, report the request id.");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("jdbc:");
    }

    @Test
    void auditLineNamesClientAndNeverToken() throws Exception {
        HttpResponse<String> response = send(request().header("Authorization", bearer()));

        String log = Files.readString(Path.of("target", "meetzy-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("meetzy.audit - token=" + created.token().displayPrefix() + " outcome=verified"
                + " request_id=" + header(response, "Meetzy-Request-Id") + " client=127.0.0.1");
        assertThat(log).doesNotContain(value().substring(24, 56));
    }

    private String value() {
        return created.token().value();
    }

    private String bearer() {
        return "Bearer " + value();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(assistants).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static void assertInvalidToken(HttpResponse<String> response, String message) throws IOException {
        assertError(response, 401, "authentication_error", message);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"meetzy\","
                + " error=\"invalid_token\", error_description=\"" + message + "\"");
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String message)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("message").asText()).isEqualTo(message);
        assertThat(error.path("request_id").asText()).isEqualTo(header(response, "Meetzy-Request-Id"));
    }

    /** Returns the application response: the principal's account and the {@code note} form field or raw body. */
    static String applicationBody(String accountId, String body) {
        return JSON.createObjectNode().put("account_id", accountId).put("body", body).toString();
    }
}
