package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenMetadata;

import java.util.Objects;

/**
 * A token just created by {@link TokenManager#create}: the only moment its full value exists
 * outside the caller's hands. Show {@code token().value()} once to its owner; the store keeps only
 * its hash. {@link #toString()} prints the masked value, as {@link ApiToken#toString()} does.
 */
public record CreatedToken(ApiToken token, TokenMetadata metadata) {

    public CreatedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(metadata, "metadata");
    }
}
