package io.meetzy.client.internal;

import java.util.Objects;
import java.util.function.Supplier;

/** Asks a caller's {@link Supplier} before every request. */
public final class SupplierTokenProvider implements SourcedTokenProvider {

    private final Supplier<String> supplier;

    public SupplierTokenProvider(Supplier<String> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    public String token() {
        return supplier.get();
    }

    @Override
    public TokenSource source() {
        return TokenSource.SUPPLIER;
    }

    @Override
    public String toString() {
        return "SupplierTokenProvider";
    }
}
