package io.meetzy.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Thrown for status 404: the resource does not exist or belongs to another account. */
public class NotFoundException extends MeetzyApiException {

    public NotFoundException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers) {
        super(message, statusCode, errorType, requestId, responseBody, headers);
    }

    public NotFoundException(String message, int statusCode, String errorType, Optional<String> requestId,
            String responseBody, Map<String, List<String>> headers, RateLimit rateLimit, int attempts) {
        super(message, statusCode, errorType, requestId, responseBody, headers, rateLimit, attempts);
    }
}
