package io.meetzy.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The state of an issued token at a given instant. */
public enum TokenStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /**
     * Returns the status at {@code now}. A revoked token is {@link #REVOKED} whatever the clocks
     * say, because revocation takes effect at once; otherwise a token is expired from the instant
     * {@code now >= expiresAt}.
     */
    public static TokenStatus at(Instant now, Instant expiresAt, Optional<Instant> revokedAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (revokedAt.isPresent()) {
            return REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return ACTIVE;
    }

    /** Returns the lower-case name used in JSON: {@code active}, {@code expired}, {@code revoked}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
