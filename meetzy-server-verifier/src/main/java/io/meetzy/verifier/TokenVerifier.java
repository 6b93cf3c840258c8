package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenHasher;
import io.meetzy.core.TokenMetadata;
import io.meetzy.core.TokenParseResult;
import io.meetzy.core.TokenStatus;
import io.meetzy.verifier.internal.AuthorizationHeader;
import io.meetzy.verifier.internal.Challenges;
import io.meetzy.verifier.internal.ClientAddresses;
import io.meetzy.verifier.internal.KeyedRateLimiters;
import io.meetzy.verifier.internal.PinnableNanoTime;
import io.meetzy.verifier.internal.RandomIds;
import io.meetzy.verifier.internal.UsageRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Turns the credentials of a request into a {@link VerificationResult}: the token's principal and
 * its rate-limit state, or a {@link Rejection} with its HTTP status, JSON error type, message,
 * {@code WWW-Authenticate} value and, for 429, {@code Retry-After}.
 *
 * <p>The checks run in this order, and the first that fails decides:
 * <ol>
 *   <li>the client address (when the caller passes one) reached its failure limit: 429;</li>
 *   <li>several {@code Authorization} headers, or a token in the query or body: 400
 *       {@code invalid_request} (a token in the URL gets logged, so it is rejected even alone);</li>
 *   <li>no header, or a scheme other than {@code Bearer}: 401 with a bare challenge;</li>
 *   <li>an empty, malformed or checksum-failing token: 401 {@code invalid_token};</li>
 *   <li>a token whose embedded expiry day has passed: 401 {@code invalid_token}, expired;</li>
 *   <li>no stored token with that display prefix, or a hash that differs: 401 {@code invalid_token}, unknown;</li>
 *   <li>a revoked, then an expired stored token: 401 {@code invalid_token}, revoked or expired;</li>
 *   <li>the token used up its rate limit for the current window: 429.</li>
 * </ol>
 * The first five never touch the store, so garbage and stale tokens cost no lookup. Hashes are
 * compared in constant time. A message mentions revocation, or an expiry that only the store
 * knows, after the hash matched and not before. So someone who has only a display prefix learns
 * nothing from it beyond the embedded expiry day, which the prefix shows anyway.
 *
 * <p><b>Rate limits.</b> Each token has a resilience4j rate limiter ({@link Builder#rateLimit},
 * default {@link RateLimitPolicy#DEFAULT_TOKEN_POLICY}). Each client address has a stricter one
 * for failures ({@link Builder#failureLimit}, default {@link RateLimitPolicy#DEFAULT_FAILURE_POLICY}):
 * every rejection of presented credentials takes a grant from it, and once it has none left,
 * requests from that address get 429 before any check. Successes never count. IPv6 addresses
 * count per /64. Limiters unused for a whole window are dropped, and at most
 * {@link Builder#maxTrackedKeys} of each kind are kept, so memory stays bounded. The failure check
 * and the count are two steps, so requests in flight at the moment the limit is reached can each
 * fail once more.
 *
 * <p><b>Revocation.</b> The verifier reads its {@link TokenStore} on every verification. With a
 * plain store, once {@link TokenManager#revoke} returns no later verification accepts the token.
 * With a {@link CachingTokenStore}, the same holds when the manager and the verifier share the
 * one instance.
 *
 * <p><b>Usage.</b> On success the token's {@code last_used_at} is noted at most once a minute per
 * token and written by a background thread in batches; {@link #close()} writes what is pending.
 * Each verification logs one INFO line on the logger {@code meetzy.audit} with the display prefix
 * (or {@code -}), the outcome, the request id and the client address (or {@code -}); never the
 * token. A {@link VerificationListener} receives every outcome.
 *
 * <p>Thread-safe.
 */
public final class TokenVerifier implements AutoCloseable {

    /** The realm RFC 6750 challenges carry unless the builder sets another. */
    public static final String DEFAULT_REALM = "meetzy";

    /**
     * How many tokens, and separately how many client addresses, get a rate limiter at most. A
     * limiter with its cache entry and key took about 545 bytes in the heap benchmark
     * (RateLimiterHeap, Java 17), so the default caps each kind near 52 MiB. Only verified tokens
     * and failing addresses get one.
     */
    public static final int DEFAULT_MAX_TRACKED_KEYS = 100_000;

    /** How often noted uses are written to the store: often enough that {@code tokens list} is current within seconds. */
    public static final Duration DEFAULT_USAGE_FLUSH_INTERVAL = Duration.ofSeconds(5);

    /**
     * How often {@code last_used_at} is written per token. Usage is shown to people with minute
     * precision at best, and one write per token per minute keeps a busy token from turning every
     * request into a database write.
     */
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);

    /** Caller-supplied request ids go into log lines, so they are limited in length and to characters that cannot forge one. */
    private static final int MAX_REQUEST_ID_LENGTH = 100;

    private static final Logger AUDIT = LoggerFactory.getLogger("meetzy.audit");
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
    private static final String NONE = "-";

    private final TokenStore store;
    private final Clock clock;
    private final TokenHasher hasher;
    private final String realm;
    private final Rejections rejections;
    private final KeyedRateLimiters tokenLimiters;
    private final KeyedRateLimiters failureLimiters;
    private final ClientAddresses clientAddresses;
    private final UsageRecorder usage;

    /** The time source of the limiters and usage notes, pinned to one reading per rate-limit grant. */
    private final PinnableNanoTime nanoTime;
    private final Optional<VerificationListener> listener;
    private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

    private TokenVerifier(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.hasher = builder.hasher;
        this.realm = builder.realm;
        this.rejections = new Rejections(builder.realm);
        this.listener = builder.listener;
        this.clientAddresses = new ClientAddresses(builder.trustedProxies);

        this.nanoTime = new PinnableNanoTime(nanoTimeOf(builder.clock));
        this.tokenLimiters = new KeyedRateLimiters(builder.rateLimit, builder.maxTrackedKeys, nanoTime, Runnable::run);
        this.failureLimiters = new KeyedRateLimiters(builder.failureLimit, builder.maxTrackedKeys, nanoTime, Runnable::run);
        this.usage = new UsageRecorder(store, LAST_USED_INTERVAL, builder.usageFlushInterval, builder.maxTrackedKeys,
                nanoTime);
    }

    public static Builder builder(TokenStore store) {
        return new Builder(store);
    }

    /**
     * Verifies one {@code Authorization} header value; {@code null} means the header is absent.
     * Bad input gives a rejection and never an exception. No failure limit applies, because no
     * client address is known.
     *
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(String authorizationHeader) {
        return verify(BearerRequest.ofHeader(authorizationHeader));
    }

    /**
     * Verifies a request's credentials under a new request id, without a failure limit.
     *
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(BearerRequest request) {
        return verify(request, newRequestId());
    }

    /**
     * Verifies a request's credentials, without a failure limit, and logs the outcome under
     * {@code requestId}, which the caller also returns to its client.
     *
     * @throws IllegalArgumentException if the request id is not 1 to 100 characters of
     *     {@code A-Z a-z 0-9 . _ -}
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(BearerRequest request, String requestId) {
        return verify(request, requestId, Optional.empty(), () -> false);
    }

    /**
     * Verifies a request's credentials from {@code clientAddress}, which the failure limit counts
     * under; get it from {@link #resolveClientAddress}. Logs the outcome under {@code requestId}.
     *
     * @throws IllegalArgumentException if the request id is not 1 to 100 characters of
     *     {@code A-Z a-z 0-9 . _ -}
     * @throws RuntimeException only what the store throws when it fails, such as {@link JdbcStoreException}
     */
    public VerificationResult verify(BearerRequest request, String requestId, InetAddress clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        return verify(request, requestId, Optional.of(clientAddress), () -> false);
    }

    /**
     * Returns the client address of a request whose TCP peer is {@code peer}: the peer itself, or,
     * when the peer is one of the {@link Builder#trustedProxies trusted proxies}, the address they
     * recorded in {@code X-Forwarded-For} (all values of the header, in order).
     */
    public InetAddress resolveClientAddress(InetAddress peer, List<String> forwardedFor) {
        return clientAddresses.resolve(peer, forwardedFor);
    }

    /** Returns a new request id: {@code req_} and 20 base62 digits. */
    public static String newRequestId() {
        // Request ids need to be unique, not secret, and SecureRandom's lock would serialize requests.
        return RandomIds.requestId(ThreadLocalRandom.current());
    }

    /**
     * Writes the pending {@code last_used_at} updates now rather than at the next flush interval,
     * for a listing that must show the latest use. The background writer keeps running.
     */
    public void flushUsage() {
        usage.flush();
    }

    /** Writes the pending {@code last_used_at} updates and stops the background writer; later uses are not recorded. */
    @Override
    public void close() {
        usage.close();
    }

    @Override
    public String toString() {
        return "TokenVerifier[" + store + ", " + hasher + ", realm=" + realm + ", rateLimit=" + tokenLimiters.policy()
                + ", failureLimit=" + failureLimiters.policy() + "]";
    }

    /**
     * Verifies with everything the HTTP adapters know. {@code bodyHasToken} reads the request body
     * for an {@code access_token} parameter; it is called only when the header is absent or its
     * token is genuine, so bad credentials are rejected before the body is read.
     */
    VerificationResult verify(BearerRequest request, String requestId, Optional<InetAddress> client,
                              BooleanSupplier bodyHasToken) {
        Objects.requireNonNull(request, "request");
        checkRequestId(requestId);
        Attempt attempt = new Attempt(requestId, client.map(ClientAddresses::limiterKey));

        if (attempt.clientKey.isPresent()) {
            Optional<Duration> failureWait = failureLimiters.waitTime(attempt.clientKey.get());
            if (failureWait.isPresent()) {
                return attempt.reject(rejections.tooManyFailures(failureLimiters.policy(), failureWait.get()));
            }
        }

        Optional<Rejection> requestRejection = rejections.checkRequest(request);
        if (requestRejection.isPresent()) {
            return attempt.reject(requestRejection.get());
        }

        List<String> headers = request.authorizationHeaders();
        if (headers.isEmpty() && bodyHasToken.getAsBoolean()) {
            return attempt.reject(rejections.tokenInBodyOnly());
        }
        AuthorizationHeader header = headers.isEmpty() ? AuthorizationHeader.absent() : AuthorizationHeader.parse(headers.get(0));
        Optional<Rejection> headerRejection = rejections.checkHeader(header);
        if (headerRejection.isPresent()) {
            return attempt.reject(headerRejection.get());
        }

        TokenParseResult parsed = ApiToken.parse(header.credentials());
        if (!parsed.isValid()) {
            return attempt.reject(rejections.malformed(parsed.rejection().orElseThrow()));
        }

        ApiToken token = parsed.orElseThrow();
        attempt.displayPrefix = token.displayPrefix();
        try {
            return verifyWellFormed(token, attempt, bodyHasToken);
        } catch (RuntimeException e) {
            audit(attempt, "error");
            throw e;
        }
    }

    private VerificationResult verifyWellFormed(ApiToken token, Attempt attempt, BooleanSupplier bodyHasToken) {
        Instant now = clock.instant();

        // The embedded day bounds the stored expiry, which may be shortened but never extended.
        if (token.isPastEmbeddedExpiry(now)) {
            return attempt.reject(rejections.pastEmbeddedExpiry(token.expiryDay()));
        }

        Optional<StoredToken> stored = store.findByDisplayPrefix(attempt.displayPrefix);
        boolean hashMatches = stored.isPresent() && stored.get().hash().matches(hasher.hash(token));
        if (!hashMatches) {
            return attempt.reject(rejections.unknown());
        }

        TokenMetadata metadata = stored.get().metadata();
        TokenStatus status = metadata.status(now);
        if (status == TokenStatus.REVOKED) {
            return attempt.reject(rejections.revoked());
        }
        if (status == TokenStatus.EXPIRED) {
            return attempt.reject(rejections.expired(metadata.expiresAt()));
        }
        if (bodyHasToken.getAsBoolean()) {
            return attempt.reject(rejections.tokenInHeaderAnd("the request body"));
        }

        KeyedRateLimiters.Decision limit = acquireAndRecordUse(metadata, now);
        if (!limit.granted()) {
            return attempt.reject(rejections.rateLimited(tokenLimiters.policy(), limit.retryAfter()), limit.status());
        }
        return attempt.verify(new VerifiedToken(metadata.id(), metadata.accountId(), metadata.name(),
                metadata.displayPrefix(), metadata.scopes(), metadata.expiresAt()), limit.status());
    }

    /**
     * Takes a grant from the token's rate limiter and, when granted, notes the use. The limiter, its
     * cache and the usage notes share one time reading. It is taken here, after the store lookup,
     * because a reading held across a slow lookup could be stale, and a limiter given a stale
     * reading can count a grant in a window that has already ended.
     */
    private KeyedRateLimiters.Decision acquireAndRecordUse(TokenMetadata metadata, Instant now) {
        nanoTime.pin();
        try {
            KeyedRateLimiters.Decision limit = tokenLimiters.acquire(metadata.id());
            if (limit.granted()) {
                usage.record(metadata.id(), now, metadata.lastUsedAt());
            }
            return limit;
        } finally {
            nanoTime.unpin();
        }
    }

    private void audit(Attempt attempt, String outcome) {
        if (AUDIT.isInfoEnabled()) {
            String displayPrefix = attempt.displayPrefix != null ? attempt.displayPrefix : NONE;
            AUDIT.info("token={} outcome={} request_id={} client={}", displayPrefix, outcome,
                    attempt.requestId, attempt.clientKey.orElse(NONE));
        }
    }

    /** Sends the outcome to the listener, if one is set. Without one, no event object is built. */
    private void notifyListener(Attempt attempt, Optional<Rejection.Reason> rejectionReason) {
        if (listener.isEmpty()) {
            return;
        }
        VerificationEvent event = new VerificationEvent(rejectionReason, Optional.ofNullable(attempt.displayPrefix),
                attempt.requestId, attempt.clientKey);
        try {
            listener.get().onVerification(event);
        } catch (RuntimeException e) {
            // Logged once at WARN, then at DEBUG, so a broken listener cannot flood the log.
            if (listenerFailureLogged.compareAndSet(false, true)) {
                LOG.warn("The verification listener {} failed; outcomes are unchanged. Fix the listener."
                        + " Later failures are logged at DEBUG.", listener.get(), e);
            } else {
                LOG.debug("The verification listener failed again", e);
            }
        }
    }

    private static void checkRequestId(String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        if (!isValidRequestId(requestId)) {
            throw new IllegalArgumentException("The request id must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_'"
                    + " or '-'; got one of " + requestId.length() + " characters.");
        }
    }

    /** Returns whether the id is 1 to 100 characters of {@code A-Z a-z 0-9 . _ -}; a loop, because this runs on every request. */
    private static boolean isValidRequestId(String requestId) {
        int length = requestId.length();
        if (length < 1 || length > MAX_REQUEST_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = requestId.charAt(i);
            boolean isAllowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!isAllowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the time source of the rate limiters and usage notes. For the system clock it is
     * {@link System#nanoTime}, which does not jump when the wall clock is set. Any other clock (a
     * test clock, for example) drives them through its instants.
     */
    private static LongSupplier nanoTimeOf(Clock clock) {
        if (clock.equals(Clock.systemUTC())) {
            return System::nanoTime;
        }
        return () -> {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        };
    }

    /** One verification in progress: what the audit line, the listener and the failure limit need to know. */
    private final class Attempt {

        private final String requestId;
        private final Optional<String> clientKey;

        /** The presented token's display prefix, or null until a well-formed token is parsed. */
        private String displayPrefix;

        Attempt(String requestId, Optional<String> clientKey) {
            this.requestId = requestId;
            this.clientKey = clientKey;
        }

        VerificationResult reject(Rejection rejection) {
            return reject(rejection, null);
        }

        VerificationResult reject(Rejection rejection, RateLimitStatus rateLimit) {
            if (rejection.reason().countsAsFailure()) {
                clientKey.ifPresent(failureLimiters::tryAcquire);
            }
            audit(this, rejection.reason().name().toLowerCase(Locale.ROOT));
            notifyListener(this, Optional.of(rejection.reason()));
            return VerificationResult.rejected(rejection, requestId, Optional.ofNullable(rateLimit));
        }

        VerificationResult verify(VerifiedToken token, RateLimitStatus rateLimit) {
            audit(this, "verified");
            notifyListener(this, Optional.empty());
            return VerificationResult.verified(token, requestId, rateLimit);
        }
    }

    /**
     * Configures a {@link TokenVerifier}. Defaults: the UTC system clock, SHA-256, realm
     * {@value #DEFAULT_REALM}, {@link RateLimitPolicy#DEFAULT_TOKEN_POLICY} per token,
     * {@link RateLimitPolicy#DEFAULT_FAILURE_POLICY} per client address, no trusted proxies, no listener.
     */
    public static final class Builder {

        private final TokenStore store;
        private Clock clock = Clock.systemUTC();
        private TokenHasher hasher = TokenHasher.sha256();
        private String realm = DEFAULT_REALM;
        private RateLimitPolicy rateLimit = RateLimitPolicy.DEFAULT_TOKEN_POLICY;
        private RateLimitPolicy failureLimit = RateLimitPolicy.DEFAULT_FAILURE_POLICY;
        private int maxTrackedKeys = DEFAULT_MAX_TRACKED_KEYS;
        private Set<InetAddress> trustedProxies = Set.of();
        private Optional<VerificationListener> listener = Optional.empty();
        private Duration usageFlushInterval = DEFAULT_USAGE_FLUSH_INTERVAL;

        private Builder(TokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets the clock that decides expiry. It also drives the rate limiters and the once-a-minute
         * usage rule, except that the default system clock uses {@link System#nanoTime} for them.
         */
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

        /** Sets how many requests each token may make per window. */
        public Builder rateLimit(RateLimitPolicy policy) {
            this.rateLimit = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Sets how many failed verifications each client address may cause per window before it gets 429. */
        public Builder failureLimit(RateLimitPolicy policy) {
            this.failureLimit = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how many tokens, and separately how many client addresses, keep a rate limiter at
         * once. Default {@value TokenVerifier#DEFAULT_MAX_TRACKED_KEYS}.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxTrackedKeys(int maxTrackedKeys) {
            if (maxTrackedKeys < 1) {
                throw new IllegalArgumentException("maxTrackedKeys must be at least 1, got " + maxTrackedKeys + ".");
            }
            this.maxTrackedKeys = maxTrackedKeys;
            return this;
        }

        /**
         * Sets the proxies whose {@code X-Forwarded-For} header is believed. Give the exact addresses
         * the requests arrive from (a load balancer's), never a client's: a request from any other
         * address is counted under its socket address, whatever header it sends.
         */
        public Builder trustedProxies(Collection<InetAddress> proxies) {
            this.trustedProxies = Set.copyOf(Objects.requireNonNull(proxies, "proxies"));
            return this;
        }

        /** Sets the listener that receives every outcome. */
        public Builder listener(VerificationListener listener) {
            this.listener = Optional.of(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets how often noted uses are written to the store. Default 5 seconds.
         *
         * @throws IllegalArgumentException if below 1 millisecond
         */
        public Builder usageFlushInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() < 1) {
                throw new IllegalArgumentException("The usage flush interval must be at least 1ms, got " + interval + ".");
            }
            this.usageFlushInterval = interval;
            return this;
        }

        public TokenVerifier build() {
            return new TokenVerifier(this);
        }
    }
}
