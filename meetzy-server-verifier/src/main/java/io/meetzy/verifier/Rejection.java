package io.meetzy.verifier;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a request was not authenticated, and how to answer it.
 *
 * @param reason the kind of failure
 * @param httpStatus 400 or 401
 * @param errorType the JSON error {@code type}: {@code invalid_request_error} or {@code authentication_error}
 * @param message a sentence for the caller that says what failed and what to do; never contains the token
 * @param wwwAuthenticate the {@code WWW-Authenticate} value (RFC 6750 section 3), present for every rejection
 *     that this verifier makes
 */
public record Rejection(Reason reason, int httpStatus, String errorType, String message,
                        Optional<String> wwwAuthenticate) {

    /** The kinds of failure, in the order {@link TokenVerifier} checks for them. */
    public enum Reason {
        /** No {@code Authorization} header, or one with another scheme: 401 with a bare challenge. */
        MISSING_CREDENTIALS,
        /** Several {@code Authorization} headers, or a token in the query or body: 400 {@code invalid_request}. */
        INVALID_REQUEST,
        /** A {@code Bearer} header whose token is empty, malformed or fails its checksum: 401 {@code invalid_token}. */
        MALFORMED_TOKEN,
        /** A well-formed token that no store entry matches: 401 {@code invalid_token}. */
        UNKNOWN_TOKEN,
        /** A genuine token past its expiry: 401 {@code invalid_token}. */
        EXPIRED_TOKEN,
        /** A genuine token that was revoked: 401 {@code invalid_token}. */
        REVOKED_TOKEN
    }

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("A rejection needs an HTTP error status, got " + httpStatus + ".");
        }
    }
}
