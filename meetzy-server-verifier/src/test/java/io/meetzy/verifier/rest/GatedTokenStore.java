package io.meetzy.verifier.rest;

import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.StoredToken;
import io.meetzy.verifier.TokenStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A recording fake over an in-memory store: counts inserts, can hold one insert until a test
 * releases it, and can fail the next insert, as a store whose database is down would.
 */
final class GatedTokenStore implements TokenStore {

    private final InMemoryTokenStore delegate = new InMemoryTokenStore();
    private final AtomicInteger inserts = new AtomicInteger();
    private final AtomicReference<Gate> gate = new AtomicReference<>();
    private final AtomicReference<RuntimeException> nextInsertFailure = new AtomicReference<>();

    /** Holds the next insert until {@link Gate#release()}; {@link Gate#awaitEntered()} waits for it to arrive. */
    Gate holdNextInsert() {
        Gate next = new Gate();
        gate.set(next);
        return next;
    }

    void failNextInsert(RuntimeException failure) {
        nextInsertFailure.set(failure);
    }

    int inserts() {
        return inserts.get();
    }

    @Override
    public void insert(StoredToken token) {
        RuntimeException failure = nextInsertFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        Gate pendingGate = gate.getAndSet(null);
        if (pendingGate != null) {
            pendingGate.hold();
        }
        inserts.incrementAndGet();
        delegate.insert(token);
    }

    @Override
    public Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
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
        delegate.recordLastUsed(id, usedAt);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** One held insert: the store thread waits in it until the test releases it. */
    static final class Gate {

        private static final long TIMEOUT_SECONDS = 10;

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void awaitEntered() throws InterruptedException {
            if (!entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("No insert reached the store within " + TIMEOUT_SECONDS + " s.");
            }
        }

        void release() {
            released.countDown();
        }

        private void hold() {
            entered.countDown();
            try {
                if (!released.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test did not release the held insert within "
                            + TIMEOUT_SECONDS + " s.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the insert was held", e);
            }
        }
    }
}
