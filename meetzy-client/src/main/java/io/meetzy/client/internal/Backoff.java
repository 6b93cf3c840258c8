package io.meetzy.client.internal;

import io.meetzy.client.RetryPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Computes the wait before a retry from a {@link RetryPolicy}. Jitter is applied after the cap,
 * so waits that reached {@link RetryPolicy#maxDelay()} still differ from client to client.
 */
public final class Backoff {

    private final RetryPolicy policy;
    private final DoubleSupplier random;

    /**
     * @param random returns a value in {@code [0, 1)} for each wait; the client passes
     *     {@link ThreadLocalRandom}
     */
    public Backoff(RetryPolicy policy, DoubleSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns a backoff drawing from {@link ThreadLocalRandom}, which is safe to share between threads. */
    public static Backoff withThreadLocalRandom(RetryPolicy policy) {
        return new Backoff(policy, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Returns the wait after failed attempt {@code attempt} (counting from 1):
     * {@code min(initialDelay * multiplier^(attempt-1), maxDelay)}, shortened by a random fraction
     * of up to the policy's jitter.
     */
    public Duration computed(int attempt) {
        double initialNanos = policy.initialDelay().toNanos();
        double growth = Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
        double cappedNanos = Math.min(initialNanos * growth, policy.maxDelay().toNanos());

        double shortening = policy.jitter() * random.getAsDouble();
        return Duration.ofNanos((long) (cappedNanos * (1.0 - shortening)));
    }

    /**
     * Returns the server's wait plus a random extra of up to the policy's jitter times that wait,
     * or times {@link RetryPolicy#maxDelay()} when the wait is longer, so many clients given the
     * same {@code Retry-After} do not all return at the same moment, yet a long wait is not
     * stretched by half. The extra is never negative, so the client never retries before the
     * server asked.
     */
    public Duration afterRetryAfter(Duration retryAfter) {
        double extra = policy.jitter() * random.getAsDouble();
        long spreadNanos = Math.min(retryAfter.toNanos(), policy.maxDelay().toNanos());
        return retryAfter.plusNanos((long) (spreadNanos * extra));
    }
}
