package io.meetzy.verifier.internal;

import io.meetzy.core.TokenMetadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The precision every store keeps: microseconds, the finest that PostgreSQL {@code timestamptz}
 * holds. Truncating before writing keeps PostgreSQL from rounding up and makes all stores agree.
 */
public final class Instants {

    private Instants() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Returns the metadata with every instant truncated to microseconds. */
    public static TokenMetadata truncate(TokenMetadata metadata) {
        return new TokenMetadata(metadata.id(), metadata.accountId(), metadata.name(),
                metadata.displayPrefix(), metadata.scopes(), truncate(metadata.createdAt()),
                truncate(metadata.expiresAt()), metadata.lastUsedAt().map(Instants::truncate),
                metadata.revokedAt().map(Instants::truncate));
    }
}
