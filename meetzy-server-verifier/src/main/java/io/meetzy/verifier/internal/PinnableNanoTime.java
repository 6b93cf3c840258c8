package io.meetzy.verifier.internal;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A nanosecond time source that a thread can pin to one reading. Between {@link #pin()} and
 * {@link #unpin()}, {@link #getAsLong()} on that thread returns the pinned reading. Other threads,
 * and this thread outside a pin, read the underlying source.
 *
 * <p>One verification passes through several readers of the time: the Caffeine caches of the rate
 * limiters and usage notes, and each resilience4j limiter step. A {@link System#nanoTime} call took
 * about 20 ns on the 2-core AMD EPYC VM of the verifier benchmarks (Java 17, a loop of 2 × 10^7
 * calls), so sharing one reading saves several calls per request. Pin only around code that does
 * no I/O, because a reading held across a slow call is stale afterwards.
 *
 * <p>Pins nest: an inner {@code pin()} on the same thread keeps the outer reading, and only the
 * outermost {@code unpin()} releases it. Thread-safe; each thread has its own pin.
 */
public final class PinnableNanoTime implements LongSupplier {

    private final LongSupplier source;
    private final ThreadLocal<Pin> pins = ThreadLocal.withInitial(Pin::new);

    /** One thread's pinned reading and how many pins are open on that thread. */
    private static final class Pin {
        private long nanos;
        private int depth;
    }

    public PinnableNanoTime(LongSupplier source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Reads the source, unless a pin is already open on this thread, and returns the pinned reading. */
    public long pin() {
        Pin pin = pins.get();
        if (pin.depth == 0) {
            pin.nanos = source.getAsLong();
        }
        pin.depth++;
        return pin.nanos;
    }

    /**
     * Closes the innermost pin of this thread; call it in a {@code finally} block after each
     * {@link #pin()}.
     *
     * @throws IllegalStateException if this thread has no open pin
     */
    public void unpin() {
        Pin pin = pins.get();
        if (pin.depth == 0) {
            throw new IllegalStateException("unpin() without a matching pin() on this thread");
        }
        pin.depth--;
    }

    /** Returns this thread's pinned reading, or a fresh reading of the source when none is pinned. */
    @Override
    public long getAsLong() {
        Pin pin = pins.get();
        return pin.depth > 0 ? pin.nanos : source.getAsLong();
    }
}
