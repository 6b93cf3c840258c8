package io.meetzy.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One retry: which attempt failed, why, and how long the client waits before the next one.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the request path without its query string, with any token masked
 * @param attempt the number of the attempt that failed, counting from 1
 * @param statusCode the status of the failed attempt, or empty when no response arrived
 * @param exceptionType the simple class name of the failure when no response arrived, such as
 *     {@code HttpTimeoutException}, or empty
 * @param delay the wait before the next attempt
 */
public record RetryEvent(String method, String path, int attempt, OptionalInt statusCode,
        Optional<String> exceptionType, Duration delay) {

    public RetryEvent {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(exceptionType, "exceptionType");
        Objects.requireNonNull(delay, "delay");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt + ".");
        }
    }

    /** Returns the cause as text: {@code status 503} or the exception's class name. */
    public String cause() {
        if (statusCode.isPresent()) {
            return "status " + statusCode.getAsInt();
        }
        return exceptionType.orElse("unknown failure");
    }
}
