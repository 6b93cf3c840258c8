package io.meetzy.client;

import io.meetzy.client.internal.HeaderMaps;
import io.meetzy.client.internal.RateLimitHeaders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server's rate-limit state from one response. Each part is empty when no header carried it
 * or its value was malformed: a bad header never fails a request.
 *
 * <p>The parts are read from, in this order of preference: the IETF httpapi draft fields
 * {@code RateLimit: "default";r=42;t=17} and {@code RateLimit-Policy: "default";q=100;w=60} (and
 * the draft's older {@code RateLimit: limit=100, remaining=42, reset=17} form), then the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} fields, then
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}. An
 * {@code X-RateLimit-Reset} larger than 10<sup>9</sup> is read as a Unix time, as GitHub sends it,
 * and turned into the wait from the moment the response arrived.
 *
 * @param limit the number of requests the policy allows per window
 * @param remaining the number of requests left in the current window
 * @param reset the time until the window resets
 * @param window the length of the policy's window
 * @param policy the name of the policy that the other parts describe
 */
public record RateLimit(OptionalLong limit, OptionalLong remaining, Optional<Duration> reset,
        Optional<Duration> window, Optional<String> policy) {

    private static final RateLimit UNKNOWN = new RateLimit(OptionalLong.empty(), OptionalLong.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public RateLimit {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(policy, "policy");
    }

    /** Returns the state with every part empty, as for a response without rate-limit headers. */
    public static RateLimit unknown() {
        return UNKNOWN;
    }

    /**
     * Reads the state from response headers. Lookups ignore the case of header names.
     *
     * @param receivedAt when the response arrived, to turn an {@code X-RateLimit-Reset} Unix time
     *     into a wait
     */
    public static RateLimit parse(Map<String, List<String>> headers, Instant receivedAt) {
        return RateLimitHeaders.parse(HeaderMaps.copyOf(headers), receivedAt);
    }

    /** Returns whether any part is known. */
    public boolean isKnown() {
        return limit.isPresent() || remaining.isPresent() || reset.isPresent() || window.isPresent()
                || policy.isPresent();
    }

    /**
     * Returns the known parts in one line, such as
     * {@code limit=100 remaining=42 reset=17s window=60s policy=default}, or {@code unknown}.
     */
    @Override
    public String toString() {
        if (!isKnown()) {
            return "unknown";
        }

        StringBuilder text = new StringBuilder();
        limit.ifPresent(value -> text.append(" limit=").append(value));
        remaining.ifPresent(value -> text.append(" remaining=").append(value));
        reset.ifPresent(value -> text.append(" reset=").append(value.toSeconds()).append('s'));
        window.ifPresent(value -> text.append(" window=").append(value.toSeconds()).append('s'));
        policy.ifPresent(value -> text.append(" policy=").append(value));
        return text.substring(1);
    }
}
