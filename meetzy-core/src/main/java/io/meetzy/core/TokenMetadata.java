package io.meetzy.core;

import io.meetzy.core.internal.SortedStringSet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about an issued token, without the token itself: safe to list, log and return
 * from an API.
 *
 * @param id the token's public id, used in API paths such as {@code DELETE /v1/tokens/{id}}
 * @param accountId the account that owns the token
 * @param name the name its owner gave it
 * @param displayPrefix the first 24 characters of the token
 * @param scopes the permissions it carries, sorted
 * @param createdAt when it was created
 * @param expiresAt when it expires; the token is expired from this instant
 * @param lastUsedAt when it last passed verification, if ever (recorded at most once a minute)
 * @param revokedAt when it was revoked, if it was
 */
public record TokenMetadata(
        String id,
        String accountId,
        String name,
        String displayPrefix,
        Set<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    public TokenMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (displayPrefix.length() != ApiToken.DISPLAY_PREFIX_LENGTH) {
            throw new IllegalArgumentException("displayPrefix must have " + ApiToken.DISPLAY_PREFIX_LENGTH
                    + " characters, got " + displayPrefix.length() + ".");
        }
        scopes = SortedStringSet.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    /** Returns the display prefix followed by 38 {@code *}, as token lists show it. */
    public String maskedValue() {
        return displayPrefix + "*".repeat(ApiToken.LENGTH - ApiToken.DISPLAY_PREFIX_LENGTH);
    }

    public TokenStatus status(Instant now) {
        return TokenStatus.at(now, expiresAt, revokedAt);
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    public TokenMetadata withLastUsedAt(Instant instant) {
        return new TokenMetadata(id, accountId, name, displayPrefix, scopes, createdAt, expiresAt,
                Optional.of(instant), revokedAt);
    }

    public TokenMetadata withRevokedAt(Instant instant) {
        return new TokenMetadata(id, accountId, name, displayPrefix, scopes, createdAt, expiresAt,
                lastUsedAt, Optional.of(instant));
    }

    public TokenMetadata withExpiresAt(Instant instant) {
        return new TokenMetadata(id, accountId, name, displayPrefix, scopes, createdAt, instant,
                lastUsedAt, revokedAt);
    }
}
