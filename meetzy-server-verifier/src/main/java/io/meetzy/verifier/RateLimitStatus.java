package io.meetzy.verifier;

import java.time.Duration;
import java.util.Objects;

/**
 * A token's rate-limit state after a verification, for the response headers
 * {@code RateLimit-Policy}, {@code RateLimit}, {@code RateLimit-Limit}, {@code RateLimit-Remaining}
 * and {@code RateLimit-Reset}.
 *
 * @param policy the policy the token is limited by
 * @param remaining the grants left in the current window, from 0 to the policy's limit
 * @param reset the time until the window ends and the full limit is available again
 */
public record RateLimitStatus(RateLimitPolicy policy, int remaining, Duration reset) {

    public RateLimitStatus {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reset, "reset");
        if (remaining < 0 || remaining > policy.limit()) {
            throw new IllegalArgumentException("remaining must be from 0 to " + policy.limit() + ", got " + remaining + ".");
        }
        if (reset.isNegative()) {
            throw new IllegalArgumentException("reset must not be negative, got " + reset + ".");
        }
    }

    /** Returns the time until the window ends in whole seconds, rounded up, as the headers carry it. */
    public long resetSeconds() {
        long millis = reset.toMillis();
        return (millis + 999) / 1000;
    }
}
