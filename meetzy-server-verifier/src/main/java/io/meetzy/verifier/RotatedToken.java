package io.meetzy.verifier;

import io.meetzy.core.TokenMetadata;

import java.util.Objects;

/**
 * The result of {@link TokenManager#rotate}: the replacement token and the old token as it is
 * stored after the rotation, with its expiry moved to the end of the grace period.
 * {@link #toString()} masks the replacement, as {@link CreatedToken} does.
 *
 * @param replacement the new token, with its full value shown only this once
 * @param previous the metadata of the rotated token
 */
public record RotatedToken(CreatedToken replacement, TokenMetadata previous) {

    public RotatedToken {
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(previous, "previous");
    }
}
