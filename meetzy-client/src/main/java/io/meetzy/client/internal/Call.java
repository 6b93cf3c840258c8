package io.meetzy.client.internal;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One logical API call, which may take several attempts.
 *
 * @param method the HTTP method
 * @param uri the request URI, the base URL and path joined
 * @param logPath the path without its query string, with tokens masked, for messages and logs
 * @param jsonBody the serialized body, or empty
 * @param idempotencyKey the {@code Idempotency-Key}, the same on every attempt, or empty
 */
public record Call(String method, URI uri, String logPath, Optional<byte[]> jsonBody,
        Optional<String> idempotencyKey) {

    /** Methods that RFC 9110 section 9.2.2 defines as idempotent: repeating them changes nothing more. */
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    public Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(logPath, "logPath");
        Objects.requireNonNull(jsonBody, "jsonBody");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /**
     * Returns whether the call may be sent again after the server may have processed it: an
     * idempotent method, or any method with an {@code Idempotency-Key}.
     */
    public boolean replayable() {
        return IDEMPOTENT_METHODS.contains(method) || idempotencyKey.isPresent();
    }

    /** Returns the method and the path without its query, such as {@code GET /v1/tokens}. */
    public String describe() {
        return method + " " + logPath;
    }
}
