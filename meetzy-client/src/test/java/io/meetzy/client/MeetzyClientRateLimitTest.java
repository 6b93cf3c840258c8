package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

/** Rate-limit state on responses and exceptions, and the client-side limiter with a fake clock. */
class MeetzyClientRateLimitTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final ApiToken token = TestTokens.newToken();
    private FakeTime time;

    @BeforeEach
    void resetTime() {
        time = new FakeTime(Instant.parse("2026-03-02T10:00:00Z"));
    }

    private MeetzyClient.Builder builder() {
        return MeetzyClient.builder().token(token.value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort())
                .sleeper(time)
                .clock(time);
    }

    @Test
    void responseExposesRateLimit() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")
                .withHeader("RateLimit-Policy", "\"default\";q=100;w=60")
                .withHeader("RateLimit", "\"default\";r=42;t=17")));

        MeetzyResponse response = builder().build().get("/v1/assistants");

        assertThat(response.rateLimit().limit()).hasValue(100);
        assertThat(response.rateLimit().remaining()).hasValue(42);
        assertThat(response.rateLimit().reset()).contains(Duration.ofSeconds(17));
    }

    @Test
    void exceptionExposesRateLimit() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")
                .withHeader("RateLimit-Limit", "100")
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", "120")));

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> builder().build().get("/v1/assistants"));

        assertThat(e.rateLimit().limit()).hasValue(100);
        assertThat(e.rateLimit().remaining()).hasValue(0);
        assertThat(e.rateLimit().reset()).contains(Duration.ofSeconds(120));
    }

    @Test
    void malformedHeadersNeverFailRequest() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")
                .withHeader("RateLimit", "\"default\";r=;t=-3, ,\"")
                .withHeader("RateLimit-Policy", "q=abc")
                .withHeader("X-RateLimit-Reset", "tomorrow")));

        MeetzyResponse response = builder().build().get("/v1/assistants");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.rateLimit().remaining()).isEmpty();
        assertThat(response.rateLimit().reset()).isEmpty();
    }

    @Test
    void clientLimiterWaitsForNextPeriod() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")));
        MeetzyClient client = builder().rateLimit(2, Duration.ofSeconds(10)).build();

        client.get("/v1/assistants");
        client.get("/v1/assistants");
        assertThat(time.sleeps()).isEmpty();

        client.get("/v1/assistants");

        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        SERVER.verify(3, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void clientLimiterPastDeadlineFailsWithoutRequest() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")));
        MeetzyClient client = builder().rateLimit(1, Duration.ofHours(1)).build();
        client.get("/v1/assistants");

        ClientRateLimitException e = catchThrowableOfType(ClientRateLimitException.class,
                () -> client.get("/v1/assistants"));

        assertThat(e).hasMessage("GET /v1/assistants was not sent: the client-side rate limit of 1 requests per PT1H"
                + " would delay it past the deadline of 120 seconds (RetryPolicy.deadline). Raise the limit or the"
                + " deadline, or send fewer requests.");
        assertThat(e.requiredWait()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void clientLimiterCountsRetries() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(503)));
        MeetzyClient client = builder().rateLimit(1, Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2).build()).build();

        catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/assistants"));

        // The retry waits 0.5 s of backoff, then the rest of the 5-second period for its permit.
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(time.sleeps().get(1)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void asyncLimiterDoesNotBlock() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")));
        MeetzyClient client = builder().rateLimit(1, Duration.ofSeconds(10)).build();

        client.getAsync("/v1/assistants").join();
        client.getAsync("/v1/assistants").join();

        assertThat(time.sleeps()).isEmpty();
        assertThat(time.delays()).containsExactly(Duration.ofSeconds(10));
    }
}
