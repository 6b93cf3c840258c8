package io.meetzy.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly generated token with its creation and expiry instants. {@link #toString()} masks the
 * token, as {@link ApiToken#toString()} does.
 */
public record GeneratedToken(ApiToken token, Instant createdAt, Instant expiresAt) {

    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
