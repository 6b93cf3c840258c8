package io.meetzy.verifier;

import io.meetzy.core.TokenHash;
import io.meetzy.core.TokenMetadata;

import java.util.Objects;

/**
 * A token as a {@link TokenStore} keeps it: its metadata and the hash of the whole token. It holds
 * no secret, so {@link #toString()} may print everything.
 */
public record StoredToken(TokenMetadata metadata, TokenHash hash) {

    public StoredToken {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(hash, "hash");
    }
}
