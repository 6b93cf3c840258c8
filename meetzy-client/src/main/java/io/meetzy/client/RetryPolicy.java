package io.meetzy.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link MeetzyClient} retries a request that failed for a reason that may pass: a connection
 * failure, a timeout, or status 408, 429, 500, 502, 503 or 504. Statuses 400, 401, 403 and 404 are
 * not retried, because sending the same request again gives the same result. The one exception is
 * a 401 after which the token source returns a different token: the client then repeats the
 * request once with it, outside this policy's attempt count.
 *
 * <p>The wait before retry {@code n} (counting from 1) is {@code initialDelay * multiplier^(n-1)},
 * capped at {@link #maxDelay()}, and then shortened by a random fraction of up to {@link #jitter()}.
 * The jitter is applied after the cap, so clients that all reached the cap still spread out instead
 * of retrying in lockstep. A {@code Retry-After} header replaces the computed wait: the client waits
 * the server's delay plus a random extra of up to {@code jitter} times that delay or times
 * {@link #maxDelay()}, whichever is shorter, and fails at once with a {@link RateLimitException}
 * when the server requests a longer wait than {@link #maxRetryAfter()}.
 *
 * <p>{@link #deadline()} bounds one logical call, all attempts and waits included: the client does
 * not start a wait that would end after it, and shortens the last attempt's timeout to fit it.
 *
 * <p>Create one with {@link #builder()}, {@link #ofDefaults()} or {@link #none()}. Instances are
 * immutable values.
 *
 * @param maxAttempts the number of attempts, the first included; 1 disables retries
 * @param initialDelay the wait before the first retry, before jitter
 * @param multiplier the factor between consecutive waits, at least 1
 * @param maxDelay the cap on a computed wait, before jitter
 * @param jitter the largest fraction, from 0 to 1, by which a computed wait is randomly shortened and a
 *     {@code Retry-After} wait lengthened (a fraction of at most {@code maxDelay} for a longer wait)
 * @param deadline the longest time one logical call may take, retries included
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for; longer fails at once
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
        double jitter, Duration deadline, Duration maxRetryAfter) {

    /**
     * Three attempts, the default of the AWS SDKs' standard retry mode: two retries ride out a
     * restarting server or a dropped connection without making a caller wait long for an outage.
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Half a second, the initial interval of Google's HTTP client for Java (ExponentialBackOff). */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);

    /** Doubling, so that the waits of the default three attempts are about 0.5 and 1 second. */
    public static final double DEFAULT_MULTIPLIER = 2.0;

    /**
     * Ten seconds: with more attempts configured the waits stop growing here, so a caller that
     * blocks on a call still gets a result within about a minute.
     */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);

    /**
     * Up to half of each wait, the randomization factor of Google's ExponentialBackOff: enough to
     * spread many clients that failed at the same moment over a wide window.
     */
    public static final double DEFAULT_JITTER = 0.5;

    /**
     * Two minutes: three attempts that each use the full 30-second request timeout, plus their
     * waits, fit inside it. No retry starts after the deadline, and each attempt's request timeout
     * is cut to end by it; connecting (up to the connect timeout) and reading a slow body come on top.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

    /**
     * One minute, the window of the API's default rate-limit policy: waiting longer than that in a
     * blocking call is rarely what a caller wants, so the client fails and reports the wait.
     */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** Validates each component; the messages name the component and the allowed range. */
    public RetryPolicy {
        requireAtLeastOne(maxAttempts);
        requireNotNegative(initialDelay, "initialDelay");
        requireValidMultiplier(multiplier);
        requireNotNegative(maxDelay, "maxDelay");
        requireValidJitter(jitter);
        requirePositive(deadline, "deadline");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (initialDelay.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("initialDelay (" + initialDelay + ") must not exceed maxDelay ("
                    + maxDelay + ").");
        }
    }

    /** Returns the policy with every default of this class. */
    public static RetryPolicy ofDefaults() {
        return builder().build();
    }

    /** Returns a policy that sends each request once and never retries. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** Returns a builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this policy's values. */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialDelay(initialDelay)
                .multiplier(multiplier)
                .maxDelay(maxDelay)
                .jitter(jitter)
                .deadline(deadline)
                .maxRetryAfter(maxRetryAfter);
    }

    private static void requireAtLeastOne(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts + ".");
        }
    }

    private static void requireValidMultiplier(double multiplier) {
        boolean valid = multiplier >= 1.0 && !Double.isInfinite(multiplier);
        if (!valid) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, got "
                    + multiplier + ".");
        }
    }

    private static void requireValidJitter(double jitter) {
        boolean valid = jitter >= 0.0 && jitter <= 1.0;
        if (!valid) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter + ".");
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration + ".");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        requireNotNegative(duration, name);
        if (duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration + ".");
        }
    }

    /** Builds a {@link RetryPolicy}; each setter checks its argument at once. */
    public static final class Builder {

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialDelay = DEFAULT_INITIAL_DELAY;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private double jitter = DEFAULT_JITTER;
        private Duration deadline = DEFAULT_DEADLINE;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

        private Builder() {
        }

        /** Sets the number of attempts, the first included; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            requireAtLeastOne(maxAttempts);
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Sets the number of retries after the first attempt; {@code maxRetries(2)} is {@code maxAttempts(3)}. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries + ".");
            }
            return maxAttempts(Math.addExact(maxRetries, 1));
        }

        /** Sets the wait before the first retry, before jitter. */
        public Builder initialDelay(Duration initialDelay) {
            requireNotNegative(initialDelay, "initialDelay");
            this.initialDelay = initialDelay;
            return this;
        }

        /** Sets the factor between consecutive waits, at least 1. */
        public Builder multiplier(double multiplier) {
            requireValidMultiplier(multiplier);
            this.multiplier = multiplier;
            return this;
        }

        /** Sets the cap on a computed wait, before jitter. */
        public Builder maxDelay(Duration maxDelay) {
            requireNotNegative(maxDelay, "maxDelay");
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * Sets the largest fraction, from 0 to 1, by which a computed wait is randomly shortened and
         * a {@code Retry-After} wait lengthened; 0 makes every wait exact.
         */
        public Builder jitter(double jitter) {
            requireValidJitter(jitter);
            this.jitter = jitter;
            return this;
        }

        /** Sets the longest time one logical call may take, all attempts and waits included. */
        public Builder deadline(Duration deadline) {
            requirePositive(deadline, "deadline");
            this.deadline = deadline;
            return this;
        }

        /** Sets the longest {@code Retry-After} the client waits for; a longer one fails at once. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            requireNotNegative(maxRetryAfter, "maxRetryAfter");
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException if the initial delay exceeds the maximum delay
         */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, deadline, maxRetryAfter);
        }
    }
}
