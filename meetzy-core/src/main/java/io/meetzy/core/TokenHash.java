package io.meetzy.core;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash of a token as a store keeps it: 32 bytes of SHA-256 or HMAC-SHA256. Immutable; the
 * bytes are copied in and out.
 */
public final class TokenHash {

    private static final int LENGTH_BYTES = 32;

    private final byte[] bytes;

    private TokenHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of 32 hash bytes.
     *
     * @throws IllegalArgumentException if there are not 32 bytes
     */
    public static TokenHash of(byte[] bytes) {
        return wrap(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * Wraps 32 hash bytes without copying them. Only for a {@link TokenHasher} result that nothing
     * else references, because a hash is computed on every verification and a copy would be waste.
     */
    static TokenHash wrap(byte[] bytes) {
        if (bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "A token hash has " + LENGTH_BYTES + " bytes, got " + bytes.length + ".");
        }
        return new TokenHash(bytes);
    }

    /** Parses 64 hexadecimal digits, as {@link #hex()} prints them. */
    public static TokenHash ofHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the 64 lower-case hexadecimal digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Compares in constant time, so response timing tells an attacker nothing about the stored hash. */
    public boolean matches(TokenHash other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHash that && matches(that);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    /** Returns the hex digits: a hash is not a secret, it cannot be turned back into a token. */
    @Override
    public String toString() {
        return "TokenHash[" + hex() + "]";
    }
}
