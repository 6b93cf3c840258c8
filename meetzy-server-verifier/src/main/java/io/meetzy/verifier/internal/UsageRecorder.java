package io.meetzy.verifier.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meetzy.verifier.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Records {@code last_used_at} off the request path: {@link #record} only notes the use, and a
 * background thread writes the noted uses to the store in one batch every flush interval.
 * {@link #close()} writes what is still pending.
 *
 * <p>A token is noted at most once per interval, whichever thread verifies it, so a busy token
 * costs one write a minute. The exception is a token whose note was evicted because more than
 * {@code maxTrackedTokens} tokens were noted within one interval: it can be noted again early. A failed batch is logged and dropped: usage data must not cost
 * availability, and the next use of each token notes it again a minute later. Thread-safe.
 */
public final class UsageRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final TokenStore store;
    private final long intervalSeconds;
    private final int intervalNanos;
    private final Duration flushInterval;
    private final Cache<String, Instant> lastNoted;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService flusher;
    private volatile boolean closed;

    /**
     * @param interval the minimum time between two writes for one token
     * @param flushInterval how often pending uses are written
     * @param maxTrackedTokens how many tokens' last notes are remembered; beyond that the least
     *     used are forgotten and may be written again within the interval
     * @param nanoTime the time source for forgetting notes older than the interval
     */
    public UsageRecorder(TokenStore store, Duration interval, Duration flushInterval, int maxTrackedTokens,
                         LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(interval, "interval");
        this.intervalSeconds = interval.getSeconds();
        this.intervalNanos = interval.getNano();
        this.flushInterval = Objects.requireNonNull(flushInterval, "flushInterval");
        this.lastNoted = Caffeine.newBuilder()
                .maximumSize(maxTrackedTokens)
                .expireAfterWrite(interval)
                .ticker(nanoTime::getAsLong)
                .build();
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "meetzy-usage-flush");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Notes that the token was used at {@code now}, unless it was noted less than an interval ago
     * here or, per {@code storedLastUse}, by any process. Returns whether it was noted.
     */
    public boolean record(String tokenId, Instant now, Optional<Instant> storedLastUse) {
        boolean storeIsCurrent = storedLastUse.isPresent() && isWithinInterval(storedLastUse.get(), now);
        if (storeIsCurrent || closed) {
            return false;
        }

        // A lock-free read settles the common case, a token noted moments ago, without compute's lock.
        Instant recent = lastNoted.getIfPresent(tokenId);
        if (recent != null && isWithinInterval(recent, now)) {
            return false;
        }

        boolean[] noted = {false};
        lastNoted.asMap().compute(tokenId, (id, previous) -> {
            if (previous != null && isWithinInterval(previous, now)) {
                return previous;
            }
            noted[0] = true;
            return now;
        });
        if (!noted[0]) {
            return false;
        }

        pending.merge(tokenId, now, (a, b) -> a.isAfter(b) ? a : b);
        startFlushing();
        return true;
    }

    /** Writes every pending use in one batch. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }

        Map<String, Instant> batch = new HashMap<>();
        for (String tokenId : pending.keySet()) {
            Instant usedAt = pending.remove(tokenId);
            if (usedAt != null) {
                batch.put(tokenId, usedAt);
            }
        }

        try {
            store.recordLastUsed(batch);
            LOG.debug("Recorded last use of {} tokens", batch.size());
        } catch (RuntimeException e) {
            LOG.warn("Could not record last use of {} tokens; their last_used_at lags until their next use: {}",
                    batch.size(), e.toString());
        }
    }

    /** Stops the background thread and writes what is pending. Later uses are not recorded. Closing twice is harmless. */
    @Override
    public void close() {
        closed = true;
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The usage flush did not finish within 10 seconds; writing the rest now.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /**
     * Returns whether {@code now} is less than one interval after {@code earlier}, the same as
     * {@code now.isBefore(earlier.plus(interval))}. It compares seconds and nanoseconds in place,
     * because this runs on every verification and {@code plus} would allocate an {@link Instant}.
     */
    private boolean isWithinInterval(Instant earlier, Instant now) {
        long seconds = now.getEpochSecond() - earlier.getEpochSecond();
        long nanos = (long) now.getNano() - earlier.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += NANOS_PER_SECOND;
        }
        return seconds < intervalSeconds || (seconds == intervalSeconds && nanos < intervalNanos);
    }

    private void startFlushing() {
        if (started.compareAndSet(false, true)) {
            long period = flushInterval.toMillis();
            try {
                flusher.scheduleWithFixedDelay(this::flush, period, period, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("Usage recorder already closed; its close() writes the pending uses");
            }
        }
    }
}
