package io.meetzy.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown for status 429: the token or the client address sent too many requests. Wait for
 * {@link #retryAfter()} when it is present before sending the next request.
 */
public class RateLimitException extends MeetzyApiException {

    private final Duration retryAfter;

    public RateLimitException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, Optional<Duration> retryAfter) {
        super(message, statusCode, errorType, requestId, responseBody, headers);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter").orElse(null);
    }

    /**
     * Returns the wait from the {@code Retry-After} header in its delay-seconds form. It is empty
     * when the header is absent, or is not a whole number of seconds (an HTTP date, a negative or
     * fractional number, a list or other text), because this version reads only that form.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
