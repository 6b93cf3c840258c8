package io.meetzy.verifier;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a request was not authenticated, and how to answer it.
 *
 * @param reason the kind of failure
 * @param httpStatus 400, 401 or 429
 * @param errorType the JSON error {@code type}: {@code invalid_request_error}, {@code authentication_error}
 *     or {@code rate_limit_error}
 * @param message a sentence for the caller that says what failed and what to do; never contains the token
 * @param wwwAuthenticate the {@code WWW-Authenticate} value (RFC 6750 section 3), present for every 400
 *     and 401 that this verifier makes, absent for 429
 * @param retryAfter how long the caller must wait before a new attempt can succeed, for the
 *     {@code Retry-After} header; present exactly for 429
 */
public record Rejection(Reason reason, int httpStatus, String errorType, String message,
                        Optional<String> wwwAuthenticate, Optional<Duration> retryAfter) {

    /** The kinds of failure, in the order {@link TokenVerifier} checks for them. */
    public enum Reason {
        /** Too many failed verifications from the client's address: 429 with {@code Retry-After}. */
        TOO_MANY_FAILURES,
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
        REVOKED_TOKEN,
        /** A valid token that used up its rate limit for the current window: 429 with {@code Retry-After}. */
        RATE_LIMITED;

        /**
         * Returns whether this failure counts against the client address's failure limit: every
         * rejection of presented credentials does, while a missing header, a rate limit and the
         * failure limit itself do not.
         */
        public boolean countsAsFailure() {
            return this == INVALID_REQUEST || this == MALFORMED_TOKEN || this == UNKNOWN_TOKEN
                    || this == EXPIRED_TOKEN || this == REVOKED_TOKEN;
        }
    }

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("A rejection needs an HTTP error status, got " + httpStatus + ".");
        }
        if (retryAfter.isPresent() && retryAfter.get().isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter.get() + ".");
        }
    }

    /** Creates a rejection without {@code Retry-After}, as every status other than 429 has. */
    public Rejection(Reason reason, int httpStatus, String errorType, String message, Optional<String> wwwAuthenticate) {
        this(reason, httpStatus, errorType, message, wwwAuthenticate, Optional.empty());
    }

    /** Returns {@link #retryAfter} in whole seconds, rounded up and at least 1, as {@code Retry-After} carries it. */
    public Optional<Long> retryAfterSeconds() {
        return retryAfter.map(wait -> Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
