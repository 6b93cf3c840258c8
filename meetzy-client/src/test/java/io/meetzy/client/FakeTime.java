package io.meetzy.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A clock and sleeper for tests: sleeping records the wait and moves the clock forward at once,
 * so retries, deadlines and rate limits run without real waiting. Thread-safe, because an
 * asynchronous call may wait on another thread.
 */
final class FakeTime extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("FakeTime is always UTC");
    }

    /** Records a blocking wait and advances the clock by it. */
    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Records a non-blocking wait, advances the clock and returns a completed future. */
    @Override
    public synchronized CompletableFuture<Void> delay(Duration duration) {
        if (!duration.isZero()) {
            delays.add(duration);
        }
        now = now.plus(duration);
        return CompletableFuture.completedFuture(null);
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Returns the blocking waits so far, in order. */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Returns the non-zero non-blocking waits so far, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }
}
