package io.meetzy.verifier;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A recording fake: forwards to an in-memory store and counts the calls the verifier makes. */
final class CountingTokenStore extends ForwardingTokenStore {

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
        super(delegate);
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
        // Splits the batch like the TokenStore default, so each entry also counts as a write.
        usedAtById.forEach(this::recordLastUsed);
    }
}
