package io.meetzy.verifier.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.meetzy.verifier.RateLimitPolicy;
import io.meetzy.verifier.RateLimitStatus;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One resilience4j {@link AtomicRateLimiter} per key (a token id, or a client address), created on
 * first use and evicted when idle, so memory stays bounded however many keys are seen.
 *
 * <p>A limiter is evicted once it has gone unused for a whole period. A new limiter for the same key
 * then starts with the full limit, which is what the old one would have had too, since its window
 * has rolled over. The size bound is a second guard: if more than {@code maxKeys} keys are active
 * within one period, the least used lose their limiter early, and such a key can get a fresh
 * window before its old one ended.
 *
 * <p>Each limiter compares and swaps one immutable state object, so grants never exceed the
 * limit per window, whatever the number of threads. Thread-safe.
 */
public final class KeyedRateLimiters {

    private final RateLimitPolicy policy;
    private final RateLimiterConfig config;
    private final LongSupplier nanoTime;
    private final Supplier<Long> boxedNanoTime;
    private final Cache<String, KeyedLimiter> limiters;

    /** {@link #newLimiter}, bound once: a method reference written at the call would be a new object per call. */
    private final Function<String, KeyedLimiter> limiterFactory = this::newLimiter;

    /** A limiter and the nano time its windows count from, which resilience4j does not expose. */
    private record KeyedLimiter(AtomicRateLimiter limiter, long startNanos) {
    }

    /**
     * @param nanoTime the time source in nanoseconds, shared by the limiters and the idle eviction,
     *     so a test clock drives both. {@link #acquire} reads it four times (the cache, the grant, the
     *     remaining grants, the window's end), so a {@link PinnableNanoTime} lets them share one reading
     * @param maintenanceExecutor where Caffeine runs its eviction work
     */
    public KeyedRateLimiters(RateLimitPolicy policy, int maxKeys, LongSupplier nanoTime, Executor maintenanceExecutor) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.boxedNanoTime = nanoTime::getAsLong;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(policy.limit())
                .limitRefreshPeriod(policy.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(policy.period())
                .ticker(nanoTime::getAsLong)
                .executor(maintenanceExecutor)
                .build();
    }

    public RateLimitPolicy policy() {
        return policy;
    }

    /** Takes one grant for {@code key} if one is left and returns the state afterwards, with whether it was taken. */
    public Decision acquire(String key) {
        KeyedLimiter keyed = limiters.get(key, limiterFactory);
        boolean granted = keyed.limiter().acquirePermission();
        RateLimitStatus status = status(keyed);

        // Only a denial needs the wait; on a grant it is zero, and computing it costs a second state update.
        return new Decision(granted, status, granted ? Duration.ZERO : retryAfter(keyed));
    }

    /**
     * Returns how long {@code key} must wait for its next grant, or empty when it has one left
     * (or no limiter yet). Takes nothing, and creates no limiter.
     */
    public Optional<Duration> waitTime(String key) {
        KeyedLimiter keyed = limiters.getIfPresent(key);
        if (keyed == null) {
            return Optional.empty();
        }
        Duration wait = Duration.ofNanos(keyed.limiter().getDetailedMetrics().getNanosToWait());
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Takes one grant for {@code key} if one is left, creating the limiter if needed; returns whether it did. */
    public boolean tryAcquire(String key) {
        return limiters.get(key, limiterFactory).limiter().acquirePermission();
    }

    /** Returns the number of limiters held, after pending evictions ran. */
    public long size() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }

    private KeyedLimiter newLimiter(String key) {
        // The limiter reads the same time source in its constructor to start its first window, so
        // the start read here is that instant with a test clock and within microseconds of it otherwise.
        long start = nanoTime.getAsLong();
        return new KeyedLimiter(new AtomicRateLimiter(key, config, Map.of(), boxedNanoTime), start);
    }

    private RateLimitStatus status(KeyedLimiter keyed) {
        int remaining = Math.max(0, Math.min(policy.limit(), keyed.limiter().getMetrics().getAvailablePermissions()));
        long periodNanos = policy.period().toNanos();
        long elapsed = Math.max(0, nanoTime.getAsLong() - keyed.startNanos());
        long untilNextWindow = periodNanos - elapsed % periodNanos;
        return new RateLimitStatus(policy, remaining, Duration.ofNanos(untilNextWindow));
    }

    private static Duration retryAfter(KeyedLimiter keyed) {
        return Duration.ofNanos(Math.max(0, keyed.limiter().getDetailedMetrics().getNanosToWait()));
    }

    /**
     * The outcome of {@link #acquire}: whether a grant was taken, the state afterwards, and, after a
     * denial, the wait for the next grant (zero after a grant).
     */
    public record Decision(boolean granted, RateLimitStatus status, Duration retryAfter) {
    }
}
