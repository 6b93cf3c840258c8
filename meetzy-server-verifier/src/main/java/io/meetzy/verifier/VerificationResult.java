package io.meetzy.verifier;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link TokenVerifier#verify}: a verified token or a rejection, never both, with
 * the request id that the audit log line carries. Immutable.
 */
public final class VerificationResult {

    private final VerifiedToken token;
    private final Rejection rejection;
    private final String requestId;
    private final RateLimitStatus rateLimit;

    private VerificationResult(VerifiedToken token, Rejection rejection, String requestId, RateLimitStatus rateLimit) {
        this.token = token;
        this.rejection = rejection;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.rateLimit = rateLimit;
    }

    static VerificationResult verified(VerifiedToken token, String requestId, RateLimitStatus rateLimit) {
        return new VerificationResult(Objects.requireNonNull(token, "token"), null, requestId,
                Objects.requireNonNull(rateLimit, "rateLimit"));
    }

    static VerificationResult rejected(Rejection rejection, String requestId, Optional<RateLimitStatus> rateLimit) {
        return new VerificationResult(null, Objects.requireNonNull(rejection, "rejection"), requestId,
                rateLimit.orElse(null));
    }

    public boolean isVerified() {
        return token != null;
    }

    /** Returns the verified token; present exactly when {@link #isVerified()}. */
    public Optional<VerifiedToken> token() {
        return Optional.ofNullable(token);
    }

    /** Returns the rejection; present exactly when not {@link #isVerified()}. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * Returns the token's rate-limit state after this request: present when the token was
     * verified, and on a {@link Rejection.Reason#RATE_LIMITED} rejection.
     */
    public Optional<RateLimitStatus> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** Returns the request id under which the verification was logged. */
    public String requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return isVerified()
                ? "VerificationResult[verified " + token.displayPrefix() + ", " + requestId + "]"
                : "VerificationResult[" + rejection.reason() + ", " + requestId + "]";
    }
}
