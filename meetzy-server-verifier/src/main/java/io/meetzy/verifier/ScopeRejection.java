package io.meetzy.verifier;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 403 response to a verified token that lacks a scope, as {@link ScopeCheck} builds it: status
 * {@value #HTTP_STATUS}, JSON error type {@value #ERROR_TYPE} and a {@code WWW-Authenticate}
 * challenge with {@code error="insufficient_scope"} and the {@code scope} attribute (RFC 6750
 * section 3.1). Holds no secret.
 *
 * @param missingScopes the scopes the token lacks, sorted; never empty
 * @param message a sentence for the caller that states which scope is missing and what to do
 * @param wwwAuthenticate the complete {@code WWW-Authenticate} value
 */
public record ScopeRejection(Set<String> missingScopes, String message, String wwwAuthenticate) {

    /** The status of every scope rejection: the token is valid, but not for this request. */
    public static final int HTTP_STATUS = 403;

    /** The JSON error {@code type} of a 403, as {@link ErrorResponses} lists it. */
    public static final String ERROR_TYPE = "permission_error";

    public ScopeRejection {
        Objects.requireNonNull(missingScopes, "missingScopes");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
        if (missingScopes.isEmpty()) {
            throw new IllegalArgumentException("A scope rejection needs at least one missing scope.");
        }
        missingScopes = Collections.unmodifiableSortedSet(new TreeSet<>(missingScopes));
    }

    /** Returns {@value #HTTP_STATUS}, for symmetry with {@link Rejection#httpStatus()}. */
    public int httpStatus() {
        return HTTP_STATUS;
    }

    /** Returns {@value #ERROR_TYPE}. */
    public String errorType() {
        return ERROR_TYPE;
    }

    /** Returns the JSON error body, {@code {"error":{"type":"permission_error",...}}}, with {@code requestId}. */
    public String jsonBody(String requestId) {
        return ErrorResponses.json(ERROR_TYPE, message, requestId);
    }
}
