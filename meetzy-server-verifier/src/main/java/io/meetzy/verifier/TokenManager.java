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
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, lists and revokes an account's tokens in a {@link TokenStore}. Every method takes the
 * account id, and an id from another account behaves exactly like an unknown id.
 *
 * <p>The manager keeps no state of its own, so it is as thread-safe as its store. Revocation is
 * written to the store before {@link #revoke} returns, and {@link TokenVerifier} reads the store
 * on every verification, so no verification that starts afterwards accepts the token.
 */
public final class TokenManager {

    /** The maximum length of an account id, matching the {@code account_id} column. */
    public static final int MAX_ACCOUNT_ID_LENGTH = 200;

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
        String account = checkAccountId(accountId);
        String normalizedName = TokenNames.normalize(name);
        Objects.requireNonNull(expiration, "expiration");

        GeneratedToken generated = generator.generate(expiration);
        TokenMetadata metadata = new TokenMetadata(
                RandomIds.tokenId(random),
                account,
                normalizedName,
                generated.token().displayPrefix(),
                Scopes.ALL,
                Instants.truncate(generated.createdAt()),
                Instants.truncate(generated.expiresAt()),
                Optional.empty(),
                Optional.empty());

        store.insert(new StoredToken(metadata, hasher.hash(generated.token())));
        return new CreatedToken(generated.token(), metadata);
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

    @Override
    public String toString() {
        return "TokenManager[" + store + ", " + hasher + "]";
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
