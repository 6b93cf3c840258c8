package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Retries against WireMock scenarios, with a fake clock and sleeper and jitter off so waits are exact. */
class MeetzyClientRetryTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    /** Exact waits: 0.5 s, 1 s, 2 s and so on, capped at 4 s. */
    private static final RetryPolicy EXACT = RetryPolicy.builder()
            .jitter(0)
            .maxDelay(Duration.ofSeconds(4))
            .build();

    private final ApiToken token = TestTokens.newToken();
    private FakeTime time;
    private List<RetryEvent> events;

    @BeforeEach
    void resetTime() {
        time = new FakeTime(START);
        events = new ArrayList<>();
    }

    private MeetzyClient.Builder clientBuilder(RetryPolicy policy) {
        return MeetzyClient.builder().token(token.value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort())
                .retryPolicy(policy)
                .sleeper(time)
                .clock(time)
                .retryListener(events::add);
    }

    private MeetzyClient client() {
        return clientBuilder(EXACT).build();
    }

    /** Stubs {@code GET path} to return {@code first}, then 200 with {@code {"ok":true}}. */
    private static void firstThenOk(String path, ResponseDefinitionBuilder first) {
        SERVER.stubFor(get(path).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        SERVER.stubFor(get(path).inScenario(path).whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"ok\":true}")));
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"test_error\",\"message\":\"Status " + status + ".\"}}");
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @Test
    void status429ThenSuccessWaitsRetryAfterSeconds() {
        firstThenOk("/v1/assistants", status(429).withHeader("Retry-After", "7"));

        MeetzyResponse response = client().get("/v1/assistants");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        firstThenOk("/v1/assistants", status(503).withHeader("Retry-After", httpDate(START.plusSeconds(12))));

        client().get("/v1/assistants");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "1.5", "3, 4", "", "soon", "Wed, 21 Oct 2015 07:28:00 GMT",
            "99999999999999999999999", "Sunday, 06-Nov-94 08:49:37 GMT", "0x10"})
    void unusableRetryAfterUsesBackoff(String retryAfter) {
        firstThenOk("/v1/assistants", status(429).withHeader("Retry-After", retryAfter));

        MeetzyResponse response = client().get("/v1/assistants");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(RetryPolicy.DEFAULT_INITIAL_DELAY);
    }

    @Test
    void pastRetryAfterDateUsesBackoff() {
        firstThenOk("/v1/assistants", status(503).withHeader("Retry-After", httpDate(START.minusSeconds(30))));

        client().get("/v1/assistants");

        assertThat(time.sleeps()).containsExactly(RetryPolicy.DEFAULT_INITIAL_DELAY);
    }

    @Test
    void retryAfterGetsJitterOnTop() {
        firstThenOk("/v1/assistants", status(429).withHeader("Retry-After", "10"));
        MeetzyClient client = clientBuilder(RetryPolicy.builder().jitter(0.5).build()).build();

        client.get("/v1/assistants");

        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    @Test
    void retryAfterBeyondCapFailsAtOnce() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(429).withHeader("Retry-After", "3600")));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client().get("/v1/assistants"));

        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e).hasMessageEndingWith("Wait 3600 seconds before the next request. The client did not retry,"
                + " because the server asked to wait 3600 seconds, longer than the maximum of 60 seconds"
                + " (RetryPolicy.maxRetryAfter).");
        assertThat(time.sleeps()).isEmpty();
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void status503RetryAfterBeyondCapCarriesWait() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(503).withHeader("Retry-After", "3600")));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e).isExactlyInstanceOf(MeetzyApiException.class);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void status503RetryAfterDateBeyondCapCarriesWait() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(503)
                .withHeader("Retry-After", httpDate(START.plus(Duration.ofMinutes(10))))));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(e).hasMessageContaining("the server asked to wait 600 seconds");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void exhaustedRetriesKeepLastRetryAfter() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(503).withHeader("Retry-After", "2")));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void failureWithoutRetryAfterHasNone() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(500)));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void largestRetryAfterFailsAtOnce() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(503)
                .withHeader("Retry-After", String.valueOf(Long.MAX_VALUE))));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e).hasMessageContaining("the server asked to wait " + Long.MAX_VALUE + " seconds");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void status503StormExhaustsAttempts() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(503)));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e).hasMessageEndingWith("The client made 3 attempts.");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        SERVER.verify(3, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void waitsGrowToCap() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(500)));
        MeetzyClient client = clientBuilder(EXACT.toBuilder().maxAttempts(6).build()).build();

        catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/assistants"));

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 504})
    void transientStatusIsRetried(int statusCode) {
        firstThenOk("/v1/assistants", status(statusCode));

        MeetzyResponse response = client().get("/v1/assistants");

        assertThat(response.statusCode()).isEqualTo(200);
        SERVER.verify(2, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 501})
    void permanentStatusIsNotRetried(int statusCode) {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(statusCode)));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants"));

        assertThat(e.statusCode()).isEqualTo(statusCode);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).doesNotContain("attempts");
        assertThat(time.sleeps()).isEmpty();
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void deadlineStopsRetries() {
        SERVER.stubFor(get("/v1/assistants").willReturn(status(503)));
        MeetzyClient client = clientBuilder(EXACT.toBuilder().maxAttempts(10).deadline(Duration.ofMillis(1200))
                .build()).build();

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/assistants"));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e).hasMessageEndingWith("The client stopped retrying, because the next attempt would start after"
                + " the deadline of 1.2 seconds (RetryPolicy.deadline). The client made 2 attempts.");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void listenerSeesEachRetry() {
        SERVER.stubFor(get("/v1/assistants?page=2").willReturn(status(502)));

        catchThrowableOfType(MeetzyApiException.class, () -> client().get("/v1/assistants?page=2"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).method()).isEqualTo("GET");
        assertThat(events.get(0).path()).isEqualTo("/v1/assistants");
        assertThat(events.get(0).attempt()).isEqualTo(1);
        assertThat(events.get(0).statusCode()).hasValue(502);
        assertThat(events.get(0).delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(events.get(1).attempt()).isEqualTo(2);
        assertThat(events.get(1).cause()).isEqualTo("status 502");
    }

    @Test
    void throwingListenerDoesNotBreakCall() {
        firstThenOk("/v1/assistants", status(503));
        MeetzyClient client = clientBuilder(EXACT).retryListener(event -> {
            throw new IllegalStateException("listener bug");
        }).build();

        assertThat(client.get("/v1/assistants").statusCode()).isEqualTo(200);
    }

    @Test
    void retryIsLoggedAtDebug() {
        firstThenOk("/v1/assistants", status(503));

        String log;
        try (StandardErrorCapture capture = new StandardErrorCapture()) {
            client().get("/v1/assistants");
            log = capture.text();
        }

        assertThat(log).contains("DEBUG io.meetzy.client.MeetzyClient - GET /v1/assistants attempt 1 of 3 failed"
                + " (status 503); retrying in 500 ms");
    }

    @Test
    void refusedConnectionIsRetried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MeetzyClient client = clientBuilder(EXACT).baseUrl("http://127.0.0.1:" + port).build();

        MeetzyConnectionException e = catchThrowableOfType(MeetzyConnectionException.class,
                () -> client.get("/v1/assistants"));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e).hasMessageEndingWith("the request was not sent. The client made 3 attempts.");
        assertThat(events).extracting(RetryEvent::cause).containsExactly("ConnectException", "ConnectException");
    }

    @Test
    void postRetriedWithSameGeneratedKey() {
        SERVER.stubFor(post("/v1/tokens").inScenario("post").whenScenarioStateIs(STARTED)
                .willReturn(status(503)).willSetStateTo("recovered"));
        SERVER.stubFor(post("/v1/tokens").inScenario("post").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\":\"tok_1\"}").withStatus(201)));

        MeetzyResponse response = client().post("/v1/tokens", Map.of("name", "CI"));

        assertThat(response.statusCode()).isEqualTo(201);
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo("/v1/tokens")));
        assertThat(requests).hasSize(2);
        String key = requests.get(0).getHeader("Idempotency-Key");
        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
        assertThat(requests.get(1).getBodyAsString()).isEqualTo("{\"name\":\"CI\"}");
    }

    @Test
    void eachPostGetsItsOwnKey() {
        SERVER.stubFor(post("/v1/tokens").willReturn(okJson("{}").withStatus(201)));
        MeetzyClient client = client();

        client.post("/v1/tokens", Map.of("name", "a"));
        client.post("/v1/tokens", Map.of("name", "b"));

        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo("/v1/tokens")));
        assertThat(requests.get(0).getHeader("Idempotency-Key"))
                .isNotEqualTo(requests.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void callerKeySentOnEveryAttempt() {
        SERVER.stubFor(post("/v1/tokens").willReturn(status(500)));

        catchThrowableOfType(MeetzyApiException.class,
                () -> client().post("/v1/tokens", Map.of("name", "CI"), "order-42-create-token"));

        SERVER.verify(3, postRequestedFor(urlEqualTo("/v1/tokens"))
                .withHeader("Idempotency-Key", equalTo("order-42-create-token")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak", "caf\u00e9"})
    void invalidCallerKeyRejected(String key) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> client().post("/v1/tokens", Map.of(), key));

        assertThat(e).hasMessageStartingWith("The idempotency key '");
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void postWithoutKeyNotReplayedAfterTimeout() {
        SERVER.stubFor(post("/v1/tokens").willReturn(okJson("{}").withStatus(201).withFixedDelay(1_000)));
        MeetzyClient client = clientBuilder(EXACT).automaticIdempotencyKeys(false)
                .requestTimeout(Duration.ofMillis(200)).build();

        MeetzyConnectionException e = catchThrowableOfType(MeetzyConnectionException.class,
                () -> client.post("/v1/tokens", Map.of("name", "CI")));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e).hasMessageContaining("timed out waiting for the response")
                .hasMessageEndingWith("The client did not retry, because the server may already have processed this"
                        + " POST, and it has no Idempotency-Key.");
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/tokens")).withoutHeader("Idempotency-Key"));
    }

    @Test
    void postWithoutKeyNotReplayedAfter503() {
        SERVER.stubFor(post("/v1/tokens").willReturn(status(503)));
        MeetzyClient client = clientBuilder(EXACT).automaticIdempotencyKeys(false).build();

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class,
                () -> client.post("/v1/tokens", Map.of("name", "CI")));

        assertThat(e.attempts()).isEqualTo(1);
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/tokens")));
    }

    @Test
    void postWithoutKeyRetriedWhenConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MeetzyClient client = clientBuilder(EXACT).automaticIdempotencyKeys(false)
                .baseUrl("http://127.0.0.1:" + port).build();

        MeetzyConnectionException e = catchThrowableOfType(MeetzyConnectionException.class,
                () -> client.post("/v1/tokens", Map.of()));

        assertThat(e.attempts()).isEqualTo(3);
    }

    @Test
    void asyncRetriesWithoutBlockingWait() {
        firstThenOk("/v1/assistants", status(429).withHeader("Retry-After", "3"));

        MeetzyResponse response = client().getAsync("/v1/assistants").join();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(time.delays()).containsExactly(Duration.ofSeconds(3));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void asyncPostKeepsKeyAcrossAttempts() {
        SERVER.stubFor(post("/v1/tokens").willReturn(status(502)));

        CompletableFuture<MeetzyResponse> future = client().postAsync("/v1/tokens", Map.of("name", "CI"));

        CompletionException e = catchThrowableOfType(CompletionException.class, future::join);
        assertThat(e.getCause()).isInstanceOf(MeetzyApiException.class);
        assertThat(((MeetzyApiException) e.getCause()).attempts()).isEqualTo(3);
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo("/v1/tokens")));
        assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key")).hasSize(3).containsOnly(
                requests.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void asyncFailureCarriesTypedException() {
        SERVER.stubFor(get("/v1/tokens/tok_9").willReturn(status(404)));

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> client().getAsync("/v1/tokens/tok_9").join());

        assertThat(e.getCause()).isExactlyInstanceOf(NotFoundException.class);
        assertThat(time.delays()).isEmpty();
    }
}
