package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenHasher;
import io.meetzy.core.TokenMetadata;
import io.meetzy.core.TokenParseResult;
import io.meetzy.core.TokenStatus;
import io.meetzy.verifier.internal.AuthorizationHeader;
import io.meetzy.verifier.internal.Challenges;
import io.meetzy.verifier.internal.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the credentials of a request into a {@link VerificationResult}: the token's principal, or
 * a {@link Rejection} with its HTTP status, JSON error type, message and {@code WWW-Authenticate}
 * value.
 *
 * <p>The checks run in this order, and the first that fails decides:
 * <ol>
 *   <li>several {@code Authorization} headers, or a token in the query or body: 400
 *       {@code invalid_request} (a token in the URL gets logged, so it is rejected even alone);</li>
 *   <li>no header, or a scheme other than {@code Bearer}: 401 with a bare challenge;</li>
 *   <li>an empty, malformed or checksum-failing token: 401 {@code invalid_token};</li>
 *   <li>a token whose embedded expiry day has passed: 401 {@code invalid_token}, expired;</li>
 *   <li>no stored token with that display prefix, or a hash that differs: 401 {@code invalid_token}, unknown;</li>
 *   <li>a revoked, then an expired stored token: 401 {@code invalid_token}, revoked or expired.</li>
 * </ol>
 * The first four never touch the store, so garbage and stale tokens cost no lookup. Hashes are
 * compared in constant time. A message mentions revocation, or an expiry that only the store
 * knows, after the hash matched and not before. So someone who has only a display prefix learns
 * nothing from it beyond the embedded expiry day, which the prefix shows anyway.
 *
 * <p>Nothing is cached: every verification reads the store, so once {@link TokenManager#revoke}
 * returns, no verification that starts later accepts the token. On success the verifier records
 * {@code last_used_at}, at most once a minute per token. Each verification logs one INFO line on
 * the logger {@code meetzy.audit} with the display prefix (or {@code -}), the outcome and the
 * request id; never the token.
 *
 * <p>Thread-safe, and as fast as one indexed store lookup.
 */
public final class TokenVerifier {

    /** The realm RFC 6750 challenges carry unless the builder sets another. */
    public static final String DEFAULT_REALM = "meetzy";

    /**
     * How often {@code last_used_at} is written per token. Usage is shown to people with minute
     * precision at best, and one write per token per minute keeps a busy token from turning every
     * request into a database write.
     */
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);

    /** Caller-supplied request ids go into log lines, so they are limited to characters that cannot forge one. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final Logger AUDIT = LoggerFactory.getLogger("meetzy.audit");
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);

    private static final String INVALID_REQUEST = "invalid_request";
    private static final String INVALID_TOKEN = "invalid_token";
    private static final String INVALID_REQUEST_ERROR = "invalid_request_error";
    private static final String AUTHENTICATION_ERROR = "authentication_error";
    private static final String SEND_HEADER = "Send 'Authorization: Bearer <token>' with a Meetzy API token.";
    private static final String CREATE_NEW = "Create a new token and update the applications that use it.";

    private final TokenStore store;
    private final Clock clock;
    private final TokenHasher hasher;
    private final String realm;
    private final SecureRandom random = new SecureRandom();

    private TokenVerifier(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.hasher = builder.hasher;
        this.realm = builder.realm;
    }

    public static Builder builder(TokenStore store) {
        return new Builder(store);
    }

    /**
     * Verifies one {@code Authorization} header value; {@code null} means the header is absent.
     * Bad input gives a rejection and never an exception.
     *
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(String authorizationHeader) {
        return verify(BearerRequest.ofHeader(authorizationHeader));
    }

    /**
     * Verifies a request's credentials under a new request id.
     *
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(BearerRequest request) {
        return verify(request, RandomIds.requestId(random));
    }

    /**
     * Verifies a request's credentials and logs the outcome under {@code requestId}, which the
     * caller also returns to its client.
     *
     * @throws IllegalArgumentException if the request id is not 1 to 100 characters of
     *     {@code A-Z a-z 0-9 . _ -}
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(BearerRequest request, String requestId) {
        Objects.requireNonNull(request, "request");
        checkRequestId(requestId);

        Optional<Rejection> requestRejection = checkRequest(request);
        if (requestRejection.isPresent()) {
            return rejected(requestRejection.get(), "-", requestId);
        }

        List<String> headers = request.authorizationHeaders();
        AuthorizationHeader header = headers.isEmpty()
                ? AuthorizationHeader.absent()
                : AuthorizationHeader.parse(headers.get(0));
        Optional<Rejection> headerRejection = checkHeader(header);
        if (headerRejection.isPresent()) {
            return rejected(headerRejection.get(), "-", requestId);
        }

        TokenParseResult parsed = ApiToken.parse(header.credentials());
        if (!parsed.isValid()) {
            String message = "Invalid Meetzy token: " + parsed.rejection().orElseThrow().describeWithFix() + ".";
            return rejected(invalidToken(Rejection.Reason.MALFORMED_TOKEN, message), "-", requestId);
        }

        ApiToken token = parsed.token().orElseThrow();
        try {
            return verifyWellFormed(token, requestId);
        } catch (RuntimeException e) {
            audit(token.displayPrefix(), "error", requestId);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "TokenVerifier[" + store + ", " + hasher + ", realm=" + realm + "]";
    }

    private VerificationResult verifyWellFormed(ApiToken token, String requestId) {
        Instant now = clock.instant();
        String prefix = token.displayPrefix();

        // The embedded day bounds the stored expiry, which may be shortened but never extended.
        if (token.isPastEmbeddedExpiry(now)) {
            String message = "The token expired on " + token.expiryDay() + " (UTC). " + CREATE_NEW;
            return rejected(invalidToken(Rejection.Reason.EXPIRED_TOKEN, message), prefix, requestId);
        }

        Optional<StoredToken> stored = store.findByDisplayPrefix(prefix);
        boolean hashMatches = stored.isPresent() && stored.get().hash().matches(hasher.hash(token));
        if (!hashMatches) {
            String message = "The token is not recognized: no issued token matches it. "
                    + "Check that the complete token was copied, or create a new one.";
            return rejected(invalidToken(Rejection.Reason.UNKNOWN_TOKEN, message), prefix, requestId);
        }

        TokenMetadata metadata = stored.get().metadata();
        TokenStatus status = metadata.status(now);
        if (status == TokenStatus.REVOKED) {
            return rejected(invalidToken(Rejection.Reason.REVOKED_TOKEN, "The token was revoked. " + CREATE_NEW),
                    prefix, requestId);
        }
        if (status == TokenStatus.EXPIRED) {
            String message = "The token expired at " + metadata.expiresAt() + ". " + CREATE_NEW;
            return rejected(invalidToken(Rejection.Reason.EXPIRED_TOKEN, message), prefix, requestId);
        }

        recordLastUsed(metadata, now, requestId);
        audit(prefix, "verified", requestId);
        return VerificationResult.verified(new VerifiedToken(metadata.id(), metadata.accountId(), metadata.name(),
                prefix, metadata.scopes(), metadata.expiresAt()), requestId);
    }

    /** Rejects the request shapes RFC 6750 section 2 forbids and those Meetzy refuses, before reading any header. */
    private Optional<Rejection> checkRequest(BearerRequest request) {
        int headerCount = request.authorizationHeaders().size();
        if (headerCount > 1) {
            return Optional.of(invalidRequest("The request has " + headerCount
                    + " Authorization headers. Send exactly one: 'Authorization: Bearer <token>'."));
        }

        String place = request.tokenInQuery() ? "the URL query parameter access_token" : "the request body";
        boolean tokenOutsideHeader = request.tokenInQuery() || request.tokenInBody();
        if (tokenOutsideHeader && headerCount == 1) {
            return Optional.of(invalidRequest("The request carries credentials both in the Authorization header and in "
                    + place + ". Send the token only in the Authorization header."));
        }
        if (request.tokenInQuery()) {
            return Optional.of(invalidRequest("The token was sent in the URL query parameter access_token, and URLs "
                    + "get logged. Send it in the Authorization header instead: 'Authorization: Bearer <token>'."));
        }
        if (request.tokenInBody()) {
            return Optional.of(invalidRequest("The token was sent in the request body. "
                    + "Send it in the Authorization header instead: 'Authorization: Bearer <token>'."));
        }
        return Optional.empty();
    }

    private Optional<Rejection> checkHeader(AuthorizationHeader header) {
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

    private VerificationResult rejected(Rejection rejection, String displayPrefix, String requestId) {
        audit(displayPrefix, rejection.reason().name().toLowerCase(Locale.ROOT), requestId);
        return VerificationResult.rejected(rejection, requestId);
    }

    /**
     * Writes {@code last_used_at} when the stored value is absent or at least a minute old. A failed
     * write is logged and does not fail the request, because usage data must not cost availability.
     */
    private void recordLastUsed(TokenMetadata metadata, Instant now, String requestId) {
        boolean isDue = metadata.lastUsedAt()
                .map(lastUsed -> !now.isBefore(lastUsed.plus(LAST_USED_INTERVAL)))
                .orElse(true);
        if (!isDue) {
            return;
        }

        try {
            store.recordLastUsed(metadata.id(), now);
        } catch (RuntimeException e) {
            LOG.warn("Could not record last use of token {} ({}) for request {}; verification goes on: {}",
                    metadata.id(), metadata.displayPrefix(), requestId, e.toString());
        }
    }

    private static void audit(String displayPrefix, String outcome, String requestId) {
        AUDIT.info("token={} outcome={} request_id={}", displayPrefix, outcome, requestId);
    }

    private static void checkRequestId(String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("The request id must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_'"
                    + " or '-'; got one of " + requestId.length() + " characters.");
        }
    }

    /** Configures a {@link TokenVerifier}. Defaults: the UTC system clock, SHA-256, realm {@value #DEFAULT_REALM}. */
    public static final class Builder {

        private final TokenStore store;
        private Clock clock = Clock.systemUTC();
        private TokenHasher hasher = TokenHasher.sha256();
        private String realm = DEFAULT_REALM;

        private Builder(TokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Sets the clock that decides expiry. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the hasher; it must match the one that {@link TokenManager} used to store the tokens. */
        public Builder hasher(TokenHasher hasher) {
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /**
         * Sets the realm of the {@code WWW-Authenticate} challenges.
         *
         * @throws IllegalArgumentException if the realm is empty or has a character outside printable
         *     ASCII, or a {@code "} or {@code \}, which cannot stand in a quoted parameter
         */
        public Builder realm(String realm) {
            Objects.requireNonNull(realm, "realm");
            if (realm.isEmpty() || !Challenges.isAllowedParameterText(realm)) {
                throw new IllegalArgumentException("Invalid realm '" + realm + "': use printable ASCII without '\"' or '\\'.");
            }
            this.realm = realm;
            return this;
        }

        public TokenVerifier build() {
            return new TokenVerifier(this);
        }
    }
}
