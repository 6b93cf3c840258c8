package io.meetzy.client.internal;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional client-side limit of N requests per period, on resilience4j's rate limiter. Each
 * attempt, retries included, takes one permit. The limiter only computes waits; the client waits
 * with its own sleeper, so no thread is parked inside resilience4j and tests need no real time.
 */
public final class ClientRateLimiter {

    private final RateLimiter limiter;
    private final int permits;
    private final Duration period;

    /**
     * @param maxWait the longest wait for a permit; a longer one is reported as unavailable
     * @param clock the time source of the limiter's periods.
     *     NOTE: the limiter reads the wall clock through it, so a wall-clock step backwards can
     *     lengthen one wait. The JDK's monotonic clock cannot be injected, so tests could not use it.
     */
    public ClientRateLimiter(int permits, Duration period, Duration maxWait, Clock clock) {
        this.permits = permits;
        this.period = Objects.requireNonNull(period, "period");
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(maxWait)
                .build();
        this.limiter = RateLimiter.of("meetzy-client", config, () -> nanos(clock.instant()));
    }

    /**
     * Reserves a permit and returns how long to wait before using it. Returns empty, and takes no
     * permit, when the wait would exceed the maximum.
     */
    public Optional<Duration> reserve() {
        long nanos = limiter.reservePermission();
        return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** Returns the limit as text, such as {@code 10 requests per PT1S}. */
    public String describe() {
        return permits + " requests per " + period;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
