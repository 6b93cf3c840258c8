package io.meetzy.verifier.rest;

import io.meetzy.verifier.VerifiedToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request to the token API, as an adapter hands it over from its server.
 *
 * @param method the HTTP method, in upper case
 * @param path the raw path below the mount point: empty or {@code /}, {@code /{id}} or {@code /{id}/rotate}
 * @param principal the verified token of the caller, empty when no authentication filter ran
 * @param requestId the id that the response and its error body carry
 * @param idempotencyKeys every {@code Idempotency-Key} header value, in order; usually none or one
 * @param body the request body, read only by the operations that take one
 */
record ApiRequest(String method, String path, Optional<VerifiedToken> principal, String requestId,
                  List<String> idempotencyKeys, Body body) {

    ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
        idempotencyKeys = List.copyOf(idempotencyKeys);
        Objects.requireNonNull(body, "body");
    }

    /** The body of a server's request. The API opens it at most once, and only to read a JSON body. */
    interface Body {

        /** Returns the {@code Content-Length}, when the request declares one. */
        OptionalLong declaredLength();

        InputStream open() throws IOException;
    }
}
