package io.meetzy.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thrown for status 429: the token or the client address sent too many requests. The client has
 * already retried when its {@link RetryPolicy} allowed it; it fails at once when the server
 * requests a wait longer than {@link RetryPolicy#maxRetryAfter()}. Wait for {@link #retryAfter()} when
 * it is present before sending the next request.
 */
public class RateLimitException extends MeetzyApiException {

    /** Creates an exception for a response to the first attempt; see {@link MeetzyApiException}. */
    public RateLimitException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, Optional<Duration> retryAfter) {
        this(message, statusCode, errorType, requestId, responseBody, headers, RateLimit.parse(headers, Instant.now()),
                1, retryAfter);
    }

    /**
     * Creates an exception for the response to the last of {@code attempts} attempts.
     *
     * @param retryAfter the wait from the {@code Retry-After} header, or empty
     */
    public RateLimitException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, RateLimit rateLimit, int attempts,
            Optional<Duration> retryAfter) {
        super(message, statusCode, errorType, requestId, responseBody, headers, rateLimit, attempts, retryAfter);
    }
}
