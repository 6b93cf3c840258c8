package io.meetzy.verifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meetzy.core.TokenMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TokenStore} that keeps the tokens found by {@link #findByDisplayPrefix} in memory for a
 * short time, so a busy token costs one store lookup per TTL rather than one per request. Every
 * other method goes to the wrapped store.
 *
 * <p><b>Revocation.</b> {@link #revoke} and {@link #shortenExpiry} look up the token's display
 * prefix, write to the wrapped store, then drop the token from the cache, before they return. A
 * lookup that read the store before the revocation and finishes after it could put the old entry
 * back. To prevent that, every change moves a generation counter forward, and a lookup stores its
 * result only if the generation is still the one it read before the store. So no lookup that
 * starts after {@code revoke} returns gets the token as it was before, and {@link TokenVerifier}
 * rejects the token on its next call.
 *
 * <p>This holds only for changes made through this instance: give the {@link TokenManager} and the
 * {@link TokenVerifier} of a process the same {@code CachingTokenStore}. A revocation made by
 * another process (another replica, or the {@code meetzy} CLI on the same database) reaches this
 * cache only when the entry's TTL runs out, so the TTL bounds how long such a token keeps working
 * here. Without that bound being acceptable, do not cache.
 *
 * <p>Only found tokens are cached, so a newly issued token is seen at once. Expiry and revocation
 * are decided by the verifier from the entry's metadata on every verification, so an entry that
 * expires while cached is rejected from that instant. {@code last_used_at} in cached entries may
 * lag by up to the TTL. Thread-safe.
 */
public final class CachingTokenStore implements TokenStore {

    /**
     * Ten seconds: long enough that a token used at least once every few seconds is served from
     * memory nearly always, short enough that a revocation made by another process takes effect
     * here within ten seconds.
     */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    /**
     * Ten thousand entries of about 1 KiB each (a {@link StoredToken} with its metadata and
     * hash), so the cache stays near 10 MiB however many tokens are seen.
     */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final TokenStore delegate;
    private final Cache<String, StoredToken> byDisplayPrefix;
    private final AtomicLong generation = new AtomicLong();

    private CachingTokenStore(TokenStore delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.byDisplayPrefix = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .build();
    }

    /** Wraps {@code delegate} with the default TTL and size. */
    public static CachingTokenStore wrap(TokenStore delegate) {
        return wrap(delegate, DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
    }

    /**
     * Wraps {@code delegate}, keeping each found token for {@code ttl} and at most {@code maxEntries} tokens.
     *
     * @throws IllegalArgumentException if the TTL is not positive or the size is below 1
     */
    public static CachingTokenStore wrap(TokenStore delegate, Duration ttl, int maxEntries) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The cache TTL must be positive, got " + ttl + ".");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("The cache must hold at least 1 entry, got " + maxEntries + ".");
        }
        return new CachingTokenStore(delegate, ttl, maxEntries);
    }

    @Override
    public void insert(StoredToken token) {
        delegate.insert(token);
    }

    @Override
    public Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        StoredToken cached = byDisplayPrefix.getIfPresent(displayPrefix);
        if (cached != null) {
            return Optional.of(cached);
        }

        long seen = generation.get();
        Optional<StoredToken> found = delegate.findByDisplayPrefix(displayPrefix);
        found.ifPresent(token -> byDisplayPrefix.asMap().compute(displayPrefix,
                // The check runs under the entry's lock, which invalidate() also takes after moving
                // the generation on, so a change that raced the read above always wins.
                (prefix, current) -> generation.get() == seen ? token : current));
        return found;
    }

    @Override
    public Optional<TokenMetadata> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public List<TokenMetadata> listByAccount(String accountId) {
        return delegate.listByAccount(accountId);
    }

    /** Revokes in the wrapped store, then drops the token from the cache before returning. */
    @Override
    public boolean revoke(String id, Instant revokedAt) {
        Optional<String> displayPrefix = delegate.findById(id).map(TokenMetadata::displayPrefix);
        try {
            return delegate.revoke(id, revokedAt);
        } finally {
            displayPrefix.ifPresent(this::invalidate);
        }
    }

    /** Shortens the expiry in the wrapped store, then drops the token from the cache before returning. */
    @Override
    public boolean shortenExpiry(String id, Instant expiresAt) {
        Optional<String> displayPrefix = delegate.findById(id).map(TokenMetadata::displayPrefix);
        try {
            return delegate.shortenExpiry(id, expiresAt);
        } finally {
            displayPrefix.ifPresent(this::invalidate);
        }
    }

    @Override
    public void recordLastUsed(String id, Instant usedAt) {
        delegate.recordLastUsed(id, usedAt);
    }

    @Override
    public void recordLastUsed(Map<String, Instant> usedAtById) {
        delegate.recordLastUsed(usedAtById);
    }

    /** Empties the cache and closes the wrapped store. */
    @Override
    public void close() {
        generation.incrementAndGet();
        byDisplayPrefix.invalidateAll();
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachingTokenStore[" + delegate + ", " + byDisplayPrefix.estimatedSize() + " cached]";
    }

    /**
     * Moves the generation on, so lookups in flight do not store what they read, then removes the
     * entry. Both steps take the entry's lock in turn, so a lookup that checked the generation
     * before the first step has finished storing before the second step removes its entry.
     */
    private void invalidate(String displayPrefix) {
        generation.incrementAndGet();
        byDisplayPrefix.asMap().compute(displayPrefix, (prefix, current) -> null);
    }
}
