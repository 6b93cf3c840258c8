package io.meetzy.verifier;

import io.meetzy.core.Expiration;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-token rate limits and the per-address failure limit, on a fake clock. */
class RateLimitTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingTokenStore store = new CountingTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();

    @Test
    void tokenGetsExactlyItsLimitUnder64Threads() throws Exception {
        int limit = 50;
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(limit, Duration.ofHours(1))).build();
        String header = "Bearer " + manager.create("acct_1", "Hot", Expiration.THIRTY_DAYS).token().value();
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        ExecutorService threads = Executors.newFixedThreadPool(64);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            tasks.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                    VerificationResult result = verifier.verify(header);
                    if (result.isVerified()) {
                        verified.incrementAndGet();
                    } else if (result.rejection().orElseThrow().reason() == Rejection.Reason.RATE_LIMITED) {
                        limited.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(verified).hasValue(limit);
        assertThat(limited).hasValue(64 * 20 - limit);
    }

    @Test
    void rejectionCarriesRetryAfterAndState() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(2, Duration.ofMinutes(1))).build();
        String header = "Bearer " + manager.create("acct_1", "Limited", Expiration.THIRTY_DAYS).token().value();

        RateLimitStatus first = verifier.verify(header).rateLimit().orElseThrow();
        clock.advance(Duration.ofSeconds(15));
        RateLimitStatus second = verifier.verify(header).rateLimit().orElseThrow();
        VerificationResult third = verifier.verify(header);

        assertThat(first).isEqualTo(new RateLimitStatus(new RateLimitPolicy(2, Duration.ofMinutes(1)), 1,
                Duration.ofMinutes(1)));
        assertThat(second.remaining()).isZero();
        assertThat(second.reset()).isEqualTo(Duration.ofSeconds(45));
        Rejection rejection = third.rejection().orElseThrow();
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.RATE_LIMITED);
        assertThat(rejection.httpStatus()).isEqualTo(429);
        assertThat(rejection.errorType()).isEqualTo("rate_limit_error");
        assertThat(rejection.message()).isEqualTo("The token exceeded its rate limit of 2 requests per 60 s."
                + " Retry after the time in the Retry-After header.");
        assertThat(rejection.retryAfter()).contains(Duration.ofSeconds(45));
        assertThat(rejection.retryAfterSeconds()).contains(45L);
        assertThat(rejection.wwwAuthenticate()).isEmpty();
        assertThat(third.rateLimit().orElseThrow().remaining()).isZero();
    }

    @Test
    void windowRefillsWithClock() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(1, Duration.ofMinutes(1))).build();
        String header = "Bearer " + manager.create("acct_1", "Slow", Expiration.THIRTY_DAYS).token().value();

        assertThat(verifier.verify(header).isVerified()).isTrue();
        assertThat(verifier.verify(header).isVerified()).isFalse();
        clock.advance(Duration.ofMinutes(1));

        assertThat(verifier.verify(header).isVerified()).isTrue();
    }

    @Test
    void tokensHaveSeparateLimits() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(1, Duration.ofMinutes(1))).build();
        String first = "Bearer " + manager.create("acct_1", "One", Expiration.THIRTY_DAYS).token().value();
        String second = "Bearer " + manager.create("acct_1", "Two", Expiration.THIRTY_DAYS).token().value();

        assertThat(verifier.verify(first).isVerified()).isTrue();
        assertThat(verifier.verify(second).isVerified()).isTrue();
        assertThat(verifier.verify(first).isVerified()).isFalse();
    }

    @Test
    void failuresFromAddressAreLimited() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .failureLimit(new RateLimitPolicy(3, Duration.ofMinutes(1))).build();
        String valid = "Bearer " + manager.create("acct_1", "Real", Expiration.THIRTY_DAYS).token().value();
        InetAddress guesser = InetAddress.getByName("192.0.2.10");
        InetAddress other = InetAddress.getByName("192.0.2.11");

        for (int i = 0; i < 3; i++) {
            assertThat(reason(verifier.verify(BearerRequest.ofHeader("Bearer mzy_guess" + i), "req_" + i, guesser)))
                    .isEqualTo(Rejection.Reason.MALFORMED_TOKEN);
        }
        int lookupsBefore = store.lookups.get();
        clock.advance(Duration.ofSeconds(20));
        VerificationResult blocked = verifier.verify(BearerRequest.ofHeader(valid), "req_blocked", guesser);

        Rejection rejection = blocked.rejection().orElseThrow();
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.TOO_MANY_FAILURES);
        assertThat(rejection.httpStatus()).isEqualTo(429);
        assertThat(rejection.retryAfter()).contains(Duration.ofSeconds(40));
        assertThat(rejection.message()).isEqualTo("Too many requests from this address failed authentication"
                + " (limit 3 per 60 s). Check the token, then retry after the time in the Retry-After header.");
        assertThat(store.lookups).as("a blocked address costs no lookup").hasValue(lookupsBefore);
        assertThat(verifier.verify(BearerRequest.ofHeader(valid), "req_other", other).isVerified()).isTrue();

        clock.advance(Duration.ofSeconds(40));
        assertThat(verifier.verify(BearerRequest.ofHeader(valid), "req_later", guesser).isVerified()).isTrue();
    }

    @Test
    void successesNeverCountAsFailures() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .failureLimit(new RateLimitPolicy(1, Duration.ofMinutes(1))).build();
        String valid = "Bearer " + manager.create("acct_1", "Real", Expiration.THIRTY_DAYS).token().value();
        InetAddress client = InetAddress.getByName("192.0.2.20");

        for (int i = 0; i < 50; i++) {
            assertThat(verifier.verify(BearerRequest.ofHeader(valid), "req_" + i, client).isVerified()).isTrue();
        }
        assertThat(reason(verifier.verify(BearerRequest.ofHeader(null), "req_none", client)))
                .as("a missing header is not a failed guess").isEqualTo(Rejection.Reason.MISSING_CREDENTIALS);
        assertThat(verifier.verify(BearerRequest.ofHeader(valid), "req_last", client).isVerified()).isTrue();
    }

    @Test
    void rateLimitedTokenIsNoFailure() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(1, Duration.ofMinutes(1)))
                .failureLimit(new RateLimitPolicy(1, Duration.ofMinutes(1))).build();
        String valid = "Bearer " + manager.create("acct_1", "Real", Expiration.THIRTY_DAYS).token().value();
        InetAddress client = InetAddress.getByName("192.0.2.21");

        verifier.verify(BearerRequest.ofHeader(valid), "req_1", client);
        verifier.verify(BearerRequest.ofHeader(valid), "req_2", client);
        VerificationResult third = verifier.verify(BearerRequest.ofHeader(valid), "req_3", client);

        assertThat(reason(third)).isEqualTo(Rejection.Reason.RATE_LIMITED);
    }

    @Test
    void ipv6FailuresCountPerNetwork() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .failureLimit(new RateLimitPolicy(1, Duration.ofMinutes(1))).build();

        verifier.verify(BearerRequest.ofHeader("Bearer x"), "req_1", InetAddress.getByName("2001:db8:1:2::1"));
        VerificationResult sameNetwork = verifier.verify(BearerRequest.ofHeader("Bearer x"), "req_2",
                InetAddress.getByName("2001:db8:1:2:ffff::9"));
        VerificationResult otherNetwork = verifier.verify(BearerRequest.ofHeader("Bearer x"), "req_3",
                InetAddress.getByName("2001:db8:1:3::1"));

        assertThat(reason(sameNetwork)).isEqualTo(Rejection.Reason.TOO_MANY_FAILURES);
        assertThat(reason(otherNetwork)).isEqualTo(Rejection.Reason.MALFORMED_TOKEN);
    }

    @Test
    void withoutAddressFailuresAreNotLimited() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .failureLimit(new RateLimitPolicy(1, Duration.ofMinutes(1))).build();

        for (int i = 0; i < 5; i++) {
            assertThat(reason(verifier.verify("Bearer x"))).isEqualTo(Rejection.Reason.MALFORMED_TOKEN);
        }
    }

    private static Rejection.Reason reason(VerificationResult result) {
        return result.rejection().orElseThrow().reason();
    }
}
