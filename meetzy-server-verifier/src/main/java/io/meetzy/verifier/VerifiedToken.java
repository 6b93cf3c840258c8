package io.meetzy.verifier;

import io.meetzy.core.internal.SortedStringSet;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The principal of a request whose token passed verification: who sent it and what it may do.
 * Holds no secret.
 *
 * @param tokenId the token's public id
 * @param accountId the account that owns the token
 * @param name the name the owner gave the token
 * @param displayPrefix the first 24 characters of the token, for logs
 * @param scopes the permissions the token carries, sorted
 * @param expiresAt when the token expires, as the store holds it now
 */
public record VerifiedToken(String tokenId, String accountId, String name, String displayPrefix,
                            Set<String> scopes, Instant expiresAt) {

    public VerifiedToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // Shares the metadata's immutable set rather than copying it on every verification.
        scopes = SortedStringSet.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    /** Returns whether the token carries {@code scope}. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
