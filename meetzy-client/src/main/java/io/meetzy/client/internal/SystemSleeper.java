package io.meetzy.client.internal;

import io.meetzy.client.Sleeper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The real-time {@link Sleeper}: {@link Thread#sleep} and the JDK's delayed executor. */
public final class SystemSleeper implements Sleeper {

    public static final SystemSleeper INSTANCE = new SystemSleeper();

    private SystemSleeper() {
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }

    /** Completes on the common pool once the delay has passed; no thread waits meanwhile. */
    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        if (duration.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        Executor delayed = CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS);
        return CompletableFuture.runAsync(() -> { }, delayed);
    }
}
