package io.meetzy.verifier;

import io.meetzy.core.Expiration;
import io.meetzy.core.GeneratedToken;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenGenerator;
import io.meetzy.core.TokenHasher;
import io.meetzy.core.TokenMetadata;
import io.meetzy.core.TokenNames;
import io.meetzy.verifier.internal.Instants;
import io.meetzy.verifier.internal.RandomIds;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Creates, lists, rotates and revokes an account's tokens in a {@link TokenStore}. Every method
 * takes the account id, and an id from another account behaves exactly like an unknown id.
 *
 * <p>The manager keeps no state of its own, so it is as thread-safe as its store. Revocation is
 * written to the store before {@link #revoke} returns, and {@link TokenVerifier} reads the store
 * on every verification, so no verification that starts afterwards accepts the token.
 */
public final class TokenManager {

    /** The maximum length of an account id, matching the {@code account_id} column. */
    public static final int MAX_ACCOUNT_ID_LENGTH = 200;

    /**
     * The maximum time a rotated token keeps working next to its replacement. A week covers a
     * deployment cycle with a weekend in it. Beyond that, two live tokens for one purpose are a
     * risk rather than a convenience.
     */
    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(7);

    private final TokenStore store;
    private final Clock clock;
    private final TokenHasher hasher;
    private final SecureRandom random;
    private final TokenGenerator generator;

    private TokenManager(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.hasher = builder.hasher;
        this.random = builder.random;
        this.generator = new TokenGenerator(random, clock);
    }

    public static Builder builder(TokenStore store) {
        return new Builder(store);
    }

    /**
     * Creates a token with every scope ({@link Scopes#ALL}) and stores its hash. The returned
     * token is the only copy of its value: show it once, never log it.
     *
     * @throws IllegalArgumentException if the account id is blank or too long, or the name breaks
     *     the rule of {@link TokenNames#normalize}
     */
    public CreatedToken create(String accountId, String name, Expiration expiration) {
        return create(accountId, name, expiration, Scopes.ALL);
    }

    /**
     * Creates a token that carries only {@code scopes} and stores its hash. The manager does not
     * know who sends the request, so a service that lets one token create another must check that
     * the new scopes are a subset of the caller's, as the REST API in {@code io.meetzy.verifier.rest}
     * does.
     *
     * @throws IllegalArgumentException if the account id is blank or too long, the name breaks the
     *     rule of {@link TokenNames#normalize}, or the scopes are empty or contain one outside
     *     {@link Scopes#ALL}
     */
    public CreatedToken create(String accountId, String name, Expiration expiration, Set<String> scopes) {
        String account = checkAccountId(accountId);
        String normalizedName = TokenNames.normalize(name);
        Objects.requireNonNull(expiration, "expiration");
        Set<String> checkedScopes = checkScopes(scopes);

        return issue(account, normalizedName, checkedScopes, expiration);
    }

    /** Returns the account's tokens, newest first. Metadata carries only masked values. */
    public List<TokenMetadata> list(String accountId) {
        return store.listByAccount(checkAccountId(accountId));
    }

    /** Returns the token with this id if the account owns it; another account's id gives empty. */
    public Optional<TokenMetadata> find(String accountId, String id) {
        String account = checkAccountId(accountId);
        Objects.requireNonNull(id, "id");
        return store.findById(id).filter(metadata -> metadata.accountId().equals(account));
    }

    /**
     * Revokes the token now and returns its metadata. Revoking a token again changes nothing and
     * returns it with its first revocation instant, so a retried request succeeds.
     *
     * @throws TokenNotFoundException if the id is unknown or belongs to another account
     */
    public TokenMetadata revoke(String accountId, String id) {
        TokenMetadata metadata = find(accountId, id).orElseThrow(() -> new TokenNotFoundException(id));

        Instant now = Instants.truncate(clock.instant());
        if (store.revoke(id, now)) {
            return metadata.withRevokedAt(now);
        }
        return store.findById(id).orElseThrow(() -> new TokenNotFoundException(id));
    }

    /**
     * Rotates a token with the expiration preset it was created with; see
     * {@link #rotate(String, String, Duration, Expiration)}.
     *
     * @throws IllegalArgumentException also if the token's expiry was shortened, for example by
     *     an earlier rotation, so that its preset can no longer be derived from its instants
     */
    public RotatedToken rotate(String accountId, String id, Duration gracePeriod) {
        TokenMetadata previous = find(accountId, id).orElseThrow(() -> new TokenNotFoundException(id));
        checkNotRevoked(previous);
        Expiration preset = presetOf(previous).orElseThrow(() -> new IllegalArgumentException("Token '" + id
                + "' was already rotated: its expiry was shortened to "
                + previous.expiresAt().truncatedTo(ChronoUnit.SECONDS) + ", so the expiration it was created with is"
                + " unknown. To renew, rotate its replacement instead. To replace this token once more, which leaves"
                + " the earlier replacement active, choose an expiration (" + Expiration.codes() + "): --expires on"
                + " the command line, expires_in in the API."));
        return rotate(accountId, id, gracePeriod, preset);
    }

    /**
     * Creates a replacement for a token, with the same name and scopes, that expires after
     * {@code expiration} from now. The old token's expiry moves to now plus the grace period
     * when that is earlier, and never later, so both tokens work during the grace period and the
     * owner can update their applications before the old one stops. A grace period of zero
     * makes the old token expire at once. This is the renewal process of create, update, test
     * and revoke, as one call.
     *
     * <p>The replacement is stored before the old expiry is shortened: if the store fails in
     * between, the old token still works and the call can be repeated.
     *
     * @return the replacement, whose full value exists only here, and the old token as stored now
     * @throws TokenNotFoundException if the id is unknown or belongs to another account
     * @throws IllegalArgumentException if the grace period is negative or longer than
     *     {@link #MAX_GRACE_PERIOD}, or the token is revoked
     */
    public RotatedToken rotate(String accountId, String id, Duration gracePeriod, Expiration expiration) {
        checkGracePeriod(gracePeriod);
        Objects.requireNonNull(expiration, "expiration");
        TokenMetadata previous = find(accountId, id).orElseThrow(() -> new TokenNotFoundException(id));
        checkNotRevoked(previous);

        CreatedToken replacement = issue(previous.accountId(), previous.name(), previous.scopes(), expiration);

        Instant now = Instants.truncate(clock.instant());
        store.shortenExpiry(id, now.plus(gracePeriod));
        TokenMetadata updated = store.findById(id).orElseThrow(() -> new TokenNotFoundException(id));
        return new RotatedToken(replacement, updated);
    }

    @Override
    public String toString() {
        return "TokenManager[" + store + ", " + hasher + "]";
    }

    private static void checkNotRevoked(TokenMetadata token) {
        if (token.isRevoked()) {
            throw new IllegalArgumentException("Token '" + token.id() + "' is revoked, so it cannot be rotated."
                    + " Create a new token instead.");
        }
    }

    private CreatedToken issue(String accountId, String name, Set<String> scopes, Expiration expiration) {
        GeneratedToken generated = generator.generate(expiration);
        TokenMetadata metadata = new TokenMetadata(
                RandomIds.tokenId(random),
                accountId,
                name,
                generated.token().displayPrefix(),
                scopes,
                Instants.truncate(generated.createdAt()),
                Instants.truncate(generated.expiresAt()),
                Optional.empty(),
                Optional.empty());

        store.insert(new StoredToken(metadata, hasher.hash(generated.token())));
        return new CreatedToken(generated.token(), metadata);
    }

    /**
     * Returns the preset whose expiry from the creation instant is the stored expiry. Stores keep
     * microseconds, and adding days or months keeps the sub-second part, so the match is exact.
     */
    private static Optional<Expiration> presetOf(TokenMetadata metadata) {
        return Arrays.stream(Expiration.values())
                .filter(preset -> preset.expiresAt(metadata.createdAt()).equals(metadata.expiresAt()))
                .findFirst();
    }

    private static Set<String> checkScopes(Set<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope; choose from " + Scopes.allNames() + ".");
        }
        Scopes.requireKnown(scopes);
        return Set.copyOf(scopes);
    }

    private static void checkGracePeriod(Duration gracePeriod) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("The grace period must not be negative, got " + gracePeriod + ".");
        }
        if (gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw new IllegalArgumentException("The grace period " + gracePeriod + " is longer than the maximum of "
                    + MAX_GRACE_PERIOD.toDays() + " days; use 0 to 7 days.");
        }
    }

    private static String checkAccountId(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("An account id is required; pass the id of the account that owns the tokens.");
        }
        if (accountId.length() > MAX_ACCOUNT_ID_LENGTH) {
            throw new IllegalArgumentException("The account id has " + accountId.length()
                    + " characters; use at most " + MAX_ACCOUNT_ID_LENGTH + ".");
        }
        return accountId;
    }

    /** Configures a {@link TokenManager}. Defaults: the UTC system clock, SHA-256, a new {@link SecureRandom}. */
    public static final class Builder {

        private final TokenStore store;
        private Clock clock = Clock.systemUTC();
        private TokenHasher hasher = TokenHasher.sha256();
        private SecureRandom random = new SecureRandom();

        private Builder(TokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Sets the clock that gives creation and revocation instants. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the hasher; it must match the one every {@link TokenVerifier} on this store uses. */
        public Builder hasher(TokenHasher hasher) {
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /** Sets the source of token secrets and ids. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public TokenManager build() {
            return new TokenManager(this);
        }
    }
}
