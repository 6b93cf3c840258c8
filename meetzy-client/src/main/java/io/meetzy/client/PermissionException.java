package io.meetzy.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Thrown for status 403: the token is valid but lacks a scope this request needs. */
public class PermissionException extends MeetzyApiException {

    public PermissionException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers) {
        super(message, statusCode, errorType, requestId, responseBody, headers);
    }

    public PermissionException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, RateLimit rateLimit, int attempts) {
        super(message, statusCode, errorType, requestId, responseBody, headers, rateLimit, attempts);
    }
}
