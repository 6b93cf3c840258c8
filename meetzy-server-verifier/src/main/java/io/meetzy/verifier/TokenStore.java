package io.meetzy.verifier;

import io.meetzy.core.TokenMetadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage for issued tokens: their metadata and the hash of each whole token, looked up by the
 * token's display prefix. A store never sees a token, so it cannot leak one.
 *
 * <p>Implementations keep instants at microsecond precision, the finest that PostgreSQL
 * {@code timestamptz} holds, and truncate finer digits on the way in. Every method takes effect
 * before it returns, so a {@link #revoke} is seen by every later {@link #findByDisplayPrefix}.
 * Implementations in this package are thread-safe.
 */
public interface TokenStore extends AutoCloseable {

    /**
     * Inserts a newly issued token.
     *
     * @throws IllegalStateException if a token with the same id or display prefix exists
     */
    void insert(StoredToken token);

    /** Returns the token with this display prefix (the first 24 characters), with its hash. */
    Optional<StoredToken> findByDisplayPrefix(String displayPrefix);

    /** Returns the metadata of the token with this id, whichever account owns it. */
    Optional<TokenMetadata> findById(String id);

    /** Returns the account's tokens, newest first: {@code createdAt} descending, then id ascending. */
    List<TokenMetadata> listByAccount(String accountId);

    /**
     * Marks a token revoked at {@code revokedAt}.
     *
     * @return true if the token was active or expired, false if it is unknown or already revoked
     *     (then the first revocation instant stays)
     */
    boolean revoke(String id, Instant revokedAt);

    /**
     * Moves a token's expiry to {@code expiresAt} if that is earlier than its current expiry.
     * Expiry is never extended, because tokens embed their expiry day and verifiers trust it.
     *
     * @return true if the expiry moved, false if the token is unknown or the new expiry is not earlier
     */
    boolean shortenExpiry(String id, Instant expiresAt);

    /**
     * Records that a token passed verification at {@code usedAt}. A later instant replaces an
     * earlier one and never the reverse. An unknown id is ignored.
     */
    void recordLastUsed(String id, Instant usedAt);

    /**
     * Records the last use of several tokens at once, with the rule of {@link #recordLastUsed(String, Instant)}
     * for each. {@link TokenVerifier} calls this from a background thread with the uses it collected.
     * This default calls the single-token method for each entry; stores that can batch writes override it.
     */
    default void recordLastUsed(Map<String, Instant> usedAtById) {
        usedAtById.forEach(this::recordLastUsed);
    }

    /** Releases the store's resources. Later calls on the store fail with {@link IllegalStateException}. */
    @Override
    void close();
}
