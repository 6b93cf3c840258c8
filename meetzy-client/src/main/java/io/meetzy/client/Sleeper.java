package io.meetzy.client;

import io.meetzy.client.internal.SystemSleeper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waits between attempts. The client calls {@link #sleep} in blocking calls and {@link #delay} in
 * the asynchronous ones, so an asynchronous call holds no thread while it waits.
 *
 * <p>Tests pass a sleeper that records the requested waits and returns at once, together with a
 * fixed {@link java.time.Clock}, so retry behaviour is checked without real waiting.
 */
public interface Sleeper {

    /**
     * Blocks the calling thread for {@code duration}, which is never negative.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns a future that completes after {@code duration}, which is never negative, without
     * blocking the calling thread. The default completes on the JDK's delayed executor.
     */
    default CompletableFuture<Void> delay(Duration duration) {
        return SystemSleeper.INSTANCE.delay(duration);
    }

    /** Returns the sleeper that waits in real time, with {@link Thread#sleep}. */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
