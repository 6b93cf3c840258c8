package io.meetzy.verifier.rest;

import java.util.Map;
import java.util.Objects;

/**
 * Ends a request with an error response: a status, a JSON error type, a message that states what
 * failed and what to do, and extra headers. Messages never contain a token.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final transient Map<String, String> headers;

    ApiException(int status, String errorType, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.headers = Map.copyOf(headers);
    }

    /** Returns a 400 {@code invalid_request_error}. */
    static ApiException invalidRequest(String message) {
        return new ApiException(400, "invalid_request_error", message, Map.of());
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    Map<String, String> headers() {
        return headers;
    }
}
