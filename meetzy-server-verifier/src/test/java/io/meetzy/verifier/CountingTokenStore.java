package io.meetzy.verifier;

import io.meetzy.core.TokenMetadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A recording fake: forwards to an in-memory store and counts the calls the verifier makes. */
final class CountingTokenStore implements TokenStore {

    final TokenStore delegate;
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger lastUsedWrites = new AtomicInteger();
    final AtomicInteger lastUsedBatches = new AtomicInteger();
    /** When set, lookups throw it, as a store whose database is down would. */
    volatile RuntimeException failure;
    /** When set, last-use writes throw it. */
    volatile RuntimeException lastUsedFailure;

    CountingTokenStore() {
        this(new InMemoryTokenStore());
    }

    CountingTokenStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(StoredToken token) {
        delegate.insert(token);
    }

    @Override
    public Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
        lookups.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return delegate.findByDisplayPrefix(displayPrefix);
    }

    @Override
    public Optional<TokenMetadata> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public List<TokenMetadata> listByAccount(String accountId) {
        return delegate.listByAccount(accountId);
    }

    @Override
    public boolean revoke(String id, Instant revokedAt) {
        return delegate.revoke(id, revokedAt);
    }

    @Override
    public boolean shortenExpiry(String id, Instant expiresAt) {
        return delegate.shortenExpiry(id, expiresAt);
    }

    @Override
    public void recordLastUsed(String id, Instant usedAt) {
        lastUsedWrites.incrementAndGet();
        if (lastUsedFailure != null) {
            throw lastUsedFailure;
        }
        delegate.recordLastUsed(id, usedAt);
    }

    @Override
    public void recordLastUsed(Map<String, Instant> usedAtById) {
        lastUsedBatches.incrementAndGet();
        TokenStore.super.recordLastUsed(usedAtById);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
