package io.meetzy.verifier.rest;

import static io.meetzy.verifier.rest.ApiCall.errorMessage;
import static io.meetzy.verifier.rest.ApiCall.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.meetzy.core.Expiration;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.MeetzyAuthFilter;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the token API, on a JDK HttpServer behind MeetzyAuthFilter, over real HTTP on loopback. */
class IdempotencyHttpTest {

    private static final Instant START = Instant.parse("2025-06-15T10:00:00Z");
    private static final String KEY = "5f0c3c1e-6a4b-4d7e-9b55-0c1f0e9d2a11";
    private static final String BODY = "{\"name\":\"CI\",\"expires_in\":\"30d\"}";
    private static final String OTHER_BODY = "{\"name\":\"CD\",\"expires_in\":\"30d\"}";
    private static final String REUSED_MESSAGE = "This Idempotency-Key was already used for a different request in this"
            + " account. A key belongs to the method, path, body and calling token of its first request: send a new"
            + " key for a new request, and reuse a key only to retry the same request.";
    private static final String KEY_RULE = "The Idempotency-Key header must be 1 to 255 printable ASCII characters,"
            + " such as a UUID";

    private final FixedStepClock clock = new FixedStepClock(START);
    private final GatedTokenStore store = new GatedTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(16);
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(16);
    private HttpServer server;
    private URI base;
    private CreatedToken admin;

    @BeforeEach
    void startServer() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
        TokenApi api = TokenApi.builder(manager).clock(clock).build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/tokens", new TokenApiHandler(api)).getFilters().add(new MeetzyAuthFilter(verifier));
        // Requests must run in parallel for a repeat to arrive while the first is in progress.
        server.setExecutor(serverThreads);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        admin = manager.create("acct_a", "Admin", Expiration.NINETY_DAYS);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        clientThreads.shutdownNow();
        serverThreads.shutdownNow();
        assertThat(serverThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    // --- replay

    @Test
    void repeatReplaysFirstResponse() {
        HttpResponse<String> first = create(admin, KEY, BODY);
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> repeat = create(admin, KEY, BODY);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(json(repeat).get("id").asText()).isEqualTo(json(first).get("id").asText());
        assertThat(json(repeat).get("token").asText()).isEqualTo(json(first).get("token").asText());
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(repeat.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(repeat.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void postWithoutKeyRunsEachTime() {
        HttpResponse<String> first = ApiCall.send(base.resolve("/v1/tokens"), "POST", admin.token().value(), BODY);
        HttpResponse<String> second = ApiCall.send(base.resolve("/v1/tokens"), "POST", admin.token().value(), BODY);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json(second).get("id").asText()).isNotEqualTo(json(first).get("id").asText());
        assertThat(manager.list("acct_a")).hasSize(3);
    }

    @Test
    void collectionPathWithSlashIsSameRequest() {
        HttpResponse<String> first = create(admin, KEY, BODY);
        HttpResponse<String> repeat = send("/v1/tokens/", admin, KEY, BODY);

        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void rotateWithSameKeyRotatesOnce() {
        CreatedToken old = manager.create("acct_a", "Service", Expiration.NINETY_DAYS);
        String path = "/v1/tokens/" + old.metadata().id() + "/rotate";

        HttpResponse<String> first = send(path, admin, KEY, "{\"grace_period\":\"24h\"}");
        clock.advance(Duration.ofHours(1));
        HttpResponse<String> repeat = send(path, admin, KEY, "{\"grace_period\":\"24h\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(manager.list("acct_a")).extracting(token -> token.name())
                .containsExactlyInAnyOrder("Admin", "Service", "Service");
        assertThat(store.findById(old.metadata().id()).orElseThrow().expiresAt())
                .isEqualTo(START.plus(Duration.ofHours(24)));
    }

    @Test
    void validationErrorIsReplayed() {
        String invalid = "{\"name\":\"\",\"expires_in\":\"30d\"}";

        HttpResponse<String> first = create(admin, KEY, invalid);
        HttpResponse<String> repeat = create(admin, KEY, invalid);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(repeat.statusCode()).isEqualTo(400);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(create(admin, KEY, BODY).statusCode()).isEqualTo(422);
    }

    // --- outcomes that are not remembered

    @Test
    void notFoundIsNotRemembered() {
        String path = "/v1/tokens/tok_0000000000000000/rotate";

        HttpResponse<String> first = send(path, admin, KEY, null);
        HttpResponse<String> repeat = send(path, admin, KEY, null);
        HttpResponse<String> createWithSameKey = create(admin, KEY, BODY);

        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(repeat.statusCode()).isEqualTo(404);
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(createWithSameKey.statusCode()).isEqualTo(201);
    }

    @Test
    void serverErrorIsNotRemembered() {
        store.failNextInsert(new IllegalStateException("The database is down"));

        HttpResponse<String> first = create(admin, KEY, BODY);
        HttpResponse<String> retry = create(admin, KEY, BODY);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void keyIsForgottenAfterRetention() {
        HttpResponse<String> first = create(admin, KEY, BODY);

        clock.advance(TokenApi.DEFAULT_IDEMPOTENCY_KEY_RETENTION.minusSeconds(1));
        HttpResponse<String> beforeEnd = create(admin, KEY, BODY);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> afterEnd = create(admin, KEY, BODY);

        assertThat(beforeEnd.body()).isEqualTo(first.body());
        assertThat(afterEnd.statusCode()).isEqualTo(201);
        assertThat(afterEnd.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(afterEnd).get("id").asText()).isNotEqualTo(json(first).get("id").asText());
        assertThat(manager.list("acct_a")).hasSize(3);
    }

    // --- key reuse

    @Test
    void sameKeyWithOtherBodyIs422() {
        create(admin, KEY, BODY);

        HttpResponse<String> reused = create(admin, KEY, OTHER_BODY);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).path("error").path("type").asText()).isEqualTo("idempotency_error");
        assertThat(errorMessage(reused)).isEqualTo(REUSED_MESSAGE);
        assertThat(reused.body()).doesNotContain(KEY);
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void sameKeyOnOtherPathIs422() {
        create(admin, KEY, BODY);

        HttpResponse<String> reused = send("/v1/tokens/" + admin.metadata().id() + "/rotate", admin, KEY, null);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(errorMessage(reused)).isEqualTo(REUSED_MESSAGE);
        assertThat(store.findById(admin.metadata().id()).orElseThrow().expiresAt())
                .isEqualTo(admin.metadata().expiresAt());
    }

    @Test
    void sameKeyFromOtherTokenIs422() {
        CreatedToken colleague = manager.create("acct_a", "Colleague", Expiration.NINETY_DAYS);
        HttpResponse<String> first = create(admin, KEY, BODY);

        HttpResponse<String> reused = create(colleague, KEY, BODY);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).doesNotContain(json(first).get("token").asText());
        assertThat(manager.list("acct_a")).hasSize(3);
    }

    @Test
    void sameKeyInOtherAccountIsIndependent() {
        CreatedToken other = manager.create("acct_b", "Other admin", Expiration.NINETY_DAYS);
        HttpResponse<String> ours = create(admin, KEY, BODY);

        HttpResponse<String> theirs = create(other, KEY, BODY);

        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(theirs).get("id").asText()).isNotEqualTo(json(ours).get("id").asText());
        assertThat(manager.list("acct_b")).hasSize(2);
    }

    // --- concurrency

    @Test
    void repeatDuringFirstRequestIs409() throws Exception {
        GatedTokenStore.Gate gate = store.holdNextInsert();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> create(admin, KEY, BODY), clientThreads);
        gate.awaitEntered();

        HttpResponse<String> repeat = create(admin, KEY, BODY);
        HttpResponse<String> otherBody = create(admin, KEY, OTHER_BODY);
        gate.release();
        HttpResponse<String> firstResponse = first.get(10, TimeUnit.SECONDS);
        HttpResponse<String> afterFirst = create(admin, KEY, BODY);

        assertThat(repeat.statusCode()).isEqualTo(409);
        assertThat(json(repeat).path("error").path("type").asText()).isEqualTo("idempotency_error");
        assertThat(errorMessage(repeat)).isEqualTo("A request with this Idempotency-Key is still in progress."
                + " Retry after the time in the Retry-After header to get its response.");
        assertThat(repeat.headers().firstValue("Retry-After")).contains("1");
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(firstResponse.statusCode()).isEqualTo(201);
        assertThat(afterFirst.body()).isEqualTo(firstResponse.body());
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void concurrentDuplicatesCreateOneToken() throws Exception {
        int requests = 8;
        GatedTokenStore.Gate gate = store.holdNextInsert();
        CyclicBarrier start = new CyclicBarrier(requests);
        CountDownLatch answered = new CountDownLatch(requests - 1);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                HttpResponse<String> response = create(admin, KEY, BODY);
                answered.countDown();
                return response;
            }, clientThreads));
        }

        // One request holds the insert, and every other one must get its response before the release.
        gate.awaitEntered();
        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        gate.release();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> future : futures) {
            responses.add(future.get(10, TimeUnit.SECONDS));
        }
        HttpResponse<String> afterwards = create(admin, KEY, BODY);

        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        List<HttpResponse<String>> conflicts = responses.stream().filter(r -> r.statusCode() == 409).toList();
        assertThat(created).hasSize(1);
        assertThat(conflicts).hasSize(requests - 1);
        assertThat(afterwards.body()).isEqualTo(created.get(0).body());
        assertThat(manager.list("acct_a")).hasSize(2);
        assertThat(store.inserts()).isEqualTo(2);
    }

    @Test
    void parallelDuplicatesRunOnce() throws Exception {
        int requests = 8;
        CyclicBarrier start = new CyclicBarrier(requests);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return create(admin, KEY, BODY);
            }, clientThreads));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> future : futures) {
            responses.add(future.get(10, TimeUnit.SECONDS));
        }

        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        long ran = created.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()).count();
        assertThat(responses).extracting(HttpResponse::statusCode).isSubsetOf(201, 409);
        assertThat(ran).isEqualTo(1);
        assertThat(created).extracting(HttpResponse::body).containsOnly(created.get(0).body());
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    // --- key format

    @Test
    void keyAtMaximumLengthIsAccepted() {
        String key = "k".repeat(255);

        HttpResponse<String> first = create(admin, key, BODY);
        HttpResponse<String> repeat = create(admin, key, BODY);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
    }

    @Test
    void invalidKeysAreRejected() {
        HttpResponse<String> empty = create(admin, "", BODY);
        HttpResponse<String> tooLong = create(admin, "k".repeat(256), BODY);
        HttpResponse<String> twoKeys = ApiCall.send(base.resolve("/v1/tokens"), "POST", admin.token().value(), BODY,
                List.of(Map.entry("Idempotency-Key", "a"), Map.entry("Idempotency-Key", "b")));

        assertBadRequest(empty, KEY_RULE + ", but it is empty.");
        assertBadRequest(tooLong, KEY_RULE + ", but it has 256 characters.");
        assertBadRequest(twoKeys, "The request has 2 Idempotency-Key headers. Send one, with the same key on every"
                + " attempt of a request.");
        assertThat(manager.list("acct_a")).hasSize(1);
    }

    @Test
    void keyIsIgnoredOnGetAndDelete() {
        String id = manager.create("acct_a", "Old", Expiration.THIRTY_DAYS).metadata().id();

        HttpResponse<String> list = send("GET", "/v1/tokens", admin, "", null);
        HttpResponse<String> revoke = send("DELETE", "/v1/tokens/" + id, admin, "", null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(revoke.statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> create(CreatedToken caller, String key, String body) {
        return send("/v1/tokens", caller, key, body);
    }

    private HttpResponse<String> send(String path, CreatedToken caller, String key, String body) {
        return send("POST", path, caller, key, body);
    }

    private HttpResponse<String> send(String method, String path, CreatedToken caller, String key, String body) {
        return ApiCall.send(base.resolve(path), method, caller.token().value(), body,
                List.of(Map.entry("Idempotency-Key", key)));
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The requests did not start together", e);
        }
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(errorMessage(response)).isEqualTo(message);
    }
}
