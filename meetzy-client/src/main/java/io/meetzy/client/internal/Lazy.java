package io.meetzy.client.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on the first {@link #get()} and then kept. The initializer runs at most once
 * to completion, even when several threads call {@code get()} at the same moment: the first
 * caller runs it under the lock and the others wait for its result. When the initializer throws,
 * nothing is kept and the next {@code get()} runs it again.
 *
 * <p>A response uses this to parse its JSON body and rate-limit headers only when the caller asks
 * for them, so a caller that reads only the status pays for neither.
 *
 * @param <T> the type of the value, never null
 */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> initializer;
    private volatile T value;

    private Lazy(Supplier<? extends T> initializer, T value) {
        this.initializer = initializer;
        this.value = value;
    }

    /** Returns a holder that runs {@code initializer} on the first {@link #get()}; it must not return null. */
    public static <T> Lazy<T> of(Supplier<? extends T> initializer) {
        return new Lazy<>(Objects.requireNonNull(initializer, "initializer"), null);
    }

    /** Returns a holder of a value that is already known. */
    public static <T> Lazy<T> ofValue(T value) {
        return new Lazy<>(null, Objects.requireNonNull(value, "value"));
    }

    /**
     * Returns the value, computing it on the first call.
     *
     * @throws NullPointerException if the initializer returned null
     */
    @Override
    public T get() {
        T result = value;
        if (result != null) {
            return result;
        }

        synchronized (this) {
            result = value;
            if (result == null) {
                result = Objects.requireNonNull(initializer.get(), "The lazy initializer returned null.");
                value = result;
                initializer = null;
            }
            return result;
        }
    }
}
