package io.meetzy.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thrown for status 401: the server rejected the token because it is unknown, expired or revoked.
 * Create a new token if it has expired or was revoked.
 */
public class AuthenticationException extends MeetzyApiException {

    public AuthenticationException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers) {
        super(message, statusCode, errorType, requestId, responseBody, headers);
    }

    public AuthenticationException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, RateLimit rateLimit, int attempts) {
        super(message, statusCode, errorType, requestId, responseBody, headers, rateLimit, attempts);
    }
}
