package io.meetzy.verifier;

import io.meetzy.core.TokenRejection;
import io.meetzy.verifier.internal.AuthorizationHeader;
import io.meetzy.verifier.internal.Challenges;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Builds the rejections of one {@link TokenVerifier}, with their messages and RFC 6750 challenges in its realm. */
final class Rejections {

    private static final String INVALID_REQUEST = "invalid_request";
    private static final String INVALID_TOKEN = "invalid_token";
    private static final String INVALID_REQUEST_ERROR = "invalid_request_error";
    private static final String AUTHENTICATION_ERROR = "authentication_error";
    private static final String RATE_LIMIT_ERROR = "rate_limit_error";
    private static final String SEND_HEADER = "Send 'Authorization: Bearer <token>' with a Meetzy API token.";
    private static final String CREATE_NEW = "Create a new token and update the applications that use it.";

    private final String realm;

    Rejections(String realm) {
        this.realm = realm;
    }

    /** Returns the rejection of the request shapes RFC 6750 section 2 forbids and those Meetzy refuses, if any. */
    Optional<Rejection> checkRequest(BearerRequest request) {
        int headerCount = request.authorizationHeaders().size();
        if (headerCount > 1) {
            return Optional.of(invalidRequest("The request has " + headerCount
                    + " Authorization headers. Send exactly one: 'Authorization: Bearer <token>'."));
        }

        String place = request.tokenInQuery() ? "the URL query parameter access_token" : "the request body";
        boolean tokenOutsideHeader = request.tokenInQuery() || request.tokenInBody();
        if (tokenOutsideHeader && headerCount == 1) {
            return Optional.of(tokenInHeaderAnd(place));
        }
        if (request.tokenInQuery()) {
            return Optional.of(invalidRequest("The token was sent in the URL query parameter access_token, and URLs "
                    + "get logged. Send it in the Authorization header instead: 'Authorization: Bearer <token>'."));
        }
        if (request.tokenInBody()) {
            return Optional.of(tokenInBodyOnly());
        }
        return Optional.empty();
    }

    Optional<Rejection> checkHeader(AuthorizationHeader header) {
        return switch (header.kind()) {
            case ABSENT -> Optional.of(missingCredentials("The request has no Authorization header. " + SEND_HEADER));
            case EMPTY -> Optional.of(missingCredentials("The Authorization header is empty. " + SEND_HEADER));
            case OTHER_SCHEME -> Optional.of(missingCredentials(
                    "The Authorization header does not use the Bearer scheme. " + SEND_HEADER));
            case BEARER_WITH_TAB -> Optional.of(invalidToken(Rejection.Reason.MALFORMED_TOKEN,
                    "The Authorization header separates 'Bearer' from the token with a tab. Use a single space."));
            case BEARER -> header.credentials().isEmpty()
                    ? Optional.of(invalidToken(Rejection.Reason.MALFORMED_TOKEN,
                            "The Authorization header has the Bearer scheme but no token. " + SEND_HEADER))
                    : Optional.empty();
        };
    }

    Rejection tokenInHeaderAnd(String place) {
        return invalidRequest("The request carries credentials both in the Authorization header and in "
                + place + ". Send the token only in the Authorization header.");
    }

    Rejection tokenInBodyOnly() {
        return invalidRequest("The token was sent in the request body. "
                + "Send it in the Authorization header instead: 'Authorization: Bearer <token>'.");
    }

    Rejection malformed(TokenRejection rejection) {
        return invalidToken(Rejection.Reason.MALFORMED_TOKEN,
                "Invalid Meetzy token: " + rejection.describeWithFix() + ".");
    }

    Rejection pastEmbeddedExpiry(LocalDate expiryDay) {
        return invalidToken(Rejection.Reason.EXPIRED_TOKEN, "The token expired on " + expiryDay + " (UTC). " + CREATE_NEW);
    }

    Rejection unknown() {
        return invalidToken(Rejection.Reason.UNKNOWN_TOKEN, "The token is not recognized: no issued token matches it. "
                + "Check that the complete token was copied, or create a new one.");
    }

    Rejection revoked() {
        return invalidToken(Rejection.Reason.REVOKED_TOKEN, "The token was revoked. " + CREATE_NEW);
    }

    Rejection expired(Instant expiresAt) {
        return invalidToken(Rejection.Reason.EXPIRED_TOKEN, "The token expired at " + expiresAt + ". " + CREATE_NEW);
    }

    Rejection rateLimited(RateLimitPolicy policy, Duration retryAfter) {
        Rejection.Reason reason = Rejection.Reason.RATE_LIMITED;
        String message = "The token exceeded its rate limit of " + policy.limit() + " requests per "
                + policy.periodSeconds() + " s. Retry after the time in the Retry-After header.";
        return new Rejection(reason, 429, RATE_LIMIT_ERROR, message, Optional.empty(), Optional.of(retryAfter));
    }

    Rejection tooManyFailures(RateLimitPolicy policy, Duration retryAfter) {
        String message = "Too many requests from this address failed authentication (limit " + policy.limit()
                + " per " + policy.periodSeconds() + " s). Check the token, then retry after the time in the"
                + " Retry-After header.";
        return new Rejection(Rejection.Reason.TOO_MANY_FAILURES, 429, RATE_LIMIT_ERROR, message, Optional.empty(),
                Optional.of(retryAfter));
    }

    private Rejection missingCredentials(String message) {
        return new Rejection(Rejection.Reason.MISSING_CREDENTIALS, 401, AUTHENTICATION_ERROR, message,
                Optional.of(Challenges.bare(realm)));
    }

    private Rejection invalidRequest(String message) {
        return new Rejection(Rejection.Reason.INVALID_REQUEST, 400, INVALID_REQUEST_ERROR, message,
                Optional.of(Challenges.withError(realm, INVALID_REQUEST, message)));
    }

    private Rejection invalidToken(Rejection.Reason reason, String message) {
        return new Rejection(reason, 401, AUTHENTICATION_ERROR, message,
                Optional.of(Challenges.withError(realm, INVALID_TOKEN, message)));
    }
}
