package io.meetzy.client;

import io.meetzy.core.TokenStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A token as {@code GET /v1/tokens} lists it: what is known about it, with its value masked. It
 * contains no secret, so {@link #toString()} prints everything.
 *
 * @param id the token's id, for {@link TokensApi#revoke} and {@link TokensApi#rotate}
 * @param name the name its owner gave it
 * @param maskedValue the first 24 characters followed by {@code *} for each hidden one
 * @param scopes the permissions it carries, sorted
 * @param createdAt when it was created
 * @param expiresAt when it expires; it is expired from this instant
 * @param lastUsedAt when it last passed verification, if ever
 * @param status its status at the time of the response
 */
public record ApiTokenInfo(String id, String name, String maskedValue, Set<String> scopes, Instant createdAt,
                           Instant expiresAt, Optional<Instant> lastUsedAt, TokenStatus status) {

    public ApiTokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maskedValue, "maskedValue");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(status, "status");
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(scopes, "scopes")));
    }

    /**
     * Returns whether the token is active and expires before {@code now + window}: time to rotate it.
     * An expired or revoked token is not expiring, because it no longer works.
     */
    public boolean isExpiringWithin(Duration window, Instant now) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        return status == TokenStatus.ACTIVE && now.isBefore(expiresAt) && expiresAt.isBefore(now.plus(window));
    }
}
