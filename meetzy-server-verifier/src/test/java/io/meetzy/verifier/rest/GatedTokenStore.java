package io.meetzy.verifier.rest;

import io.meetzy.verifier.ForwardingTokenStore;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.StoredToken;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A recording fake over an in-memory store: counts inserts, can hold one insert until a test
 * releases it, and can fail the next insert, as a store whose database is down would.
 */
final class GatedTokenStore extends ForwardingTokenStore {

    private final AtomicInteger inserts = new AtomicInteger();
    private final AtomicReference<Gate> gate = new AtomicReference<>();
    private final AtomicReference<RuntimeException> nextInsertFailure = new AtomicReference<>();

    GatedTokenStore() {
        super(new InMemoryTokenStore());
    }

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
