package io.meetzy.client;

import io.meetzy.client.internal.HeaderMaps;
import io.meetzy.client.internal.RetryAfter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when the API returns a status outside 2xx, or a 2xx response whose body is not JSON.
 * A redirect (3xx) arrives here when the client does not follow it: from https to http, to a
 * scheme other than http and https, without a usable {@code Location}, or after too many
 * redirects. Statuses 401, 403, 404 and 429 have their own subclasses.
 *
 * <p>The message gives the method, the path without its query, the status, the error type, the
 * server's message and the request id, and the number of attempts when there was more than one.
 * Quote the request id when you contact Meetzy support.
 */
public class MeetzyApiException extends MeetzyException {

    /**
     * The {@link #errorType()} of a response whose body has no {@code error.type} field, such as
     * an HTML page from a proxy or an empty body.
     */
    public static final String UNKNOWN_ERROR_TYPE = "unknown";

    private final int statusCode;
    private final String errorType;
    private final String requestId;
    private final String responseBody;
    private final transient Map<String, List<String>> headers;
    private final transient RateLimit rateLimit;
    private final int attempts;
    private final Duration retryAfter;

    /**
     * Creates an exception for a response to the first attempt, with the rate-limit state and
     * the {@code Retry-After} wait read from {@code headers} as of now.
     *
     * @param message the full message, which must not contain the API token
     * @param statusCode the HTTP status code
     * @param errorType the {@code error.type} from the body, or {@link #UNKNOWN_ERROR_TYPE}
     * @param requestId the request id from the body or the {@code Meetzy-Request-Id} header
     * @param responseBody the response body as text, empty when there was none
     * @param headers the response headers, copied, with lookups that ignore case
     */
    public MeetzyApiException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers) {
        this(message, statusCode, errorType, requestId, responseBody, headers,
                RateLimit.parse(headers, Instant.now()), 1);
    }

    /**
     * Creates an exception for the response to the last of {@code attempts} attempts, with the
     * {@code Retry-After} wait read from {@code headers} as of now.
     *
     * @param rateLimit the rate-limit state read from the response
     * @param attempts how many attempts the client made, at least 1
     * @see #MeetzyApiException(String, int, String, Optional, String, Map)
     */
    public MeetzyApiException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, RateLimit rateLimit, int attempts) {
        this(message, statusCode, errorType, requestId, responseBody, headers, rateLimit, attempts,
                RetryAfter.parse(Objects.requireNonNull(headers, "headers").get("Retry-After"), Instant.now()));
    }

    /**
     * Creates an exception for the response to the last of {@code attempts} attempts.
     *
     * @param retryAfter the wait from the {@code Retry-After} header, counted from when the
     *     response arrived, or empty
     * @see #MeetzyApiException(String, int, String, Optional, String, Map, RateLimit, int)
     */
    public MeetzyApiException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, RateLimit rateLimit, int attempts,
            Optional<Duration> retryAfter) {
        super(message);
        this.statusCode = statusCode;
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.requestId = Objects.requireNonNull(requestId, "requestId").orElse(null);
        this.responseBody = Objects.requireNonNull(responseBody, "responseBody");
        this.headers = HeaderMaps.copyOf(headers);
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts + ".");
        }
        this.attempts = attempts;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter").orElse(null);
    }

    /** Returns the HTTP status code, such as 400 or 500. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the server's {@code error.type}, such as {@code invalid_request_error}, or
     * {@link #UNKNOWN_ERROR_TYPE} when the body carries none.
     */
    public String errorType() {
        return errorType;
    }

    /**
     * Returns the request id from the error body, or from the {@code Meetzy-Request-Id} header when
     * the body has none.
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Returns the response body decoded as UTF-8; empty when the response had no body. */
    public String responseBody() {
        return responseBody;
    }

    /** Returns the response headers, unmodifiable; lookups ignore case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns the rate-limit state of the response; see {@link RateLimit} for the fields read. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Returns how many attempts the client made before it gave up, 1 when it did not retry. */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns the wait from the {@code Retry-After} header, read as delay-seconds or as an HTTP date
     * counted from when the response arrived. The client fails at once, without retrying, when a
     * 429 or a retryable status such as 503 asks for a wait longer than
     * {@link RetryPolicy#maxRetryAfter()}; wait this long before the next request. It is empty when
     * the header is absent or unusable: a negative or fractional number, a date in the past, a
     * list, an empty value or other text.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
