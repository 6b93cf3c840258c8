package io.meetzy.core;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes whole tokens for storage: SHA-256 by default, or HMAC-SHA256 keyed with a server-side
 * pepper, so that a stolen table cannot be checked against guessed tokens without the pepper.
 * A plain hash is enough against brute force because the secret carries about 190 random bits;
 * slow password hashes are for low-entropy secrets.
 *
 * <p>Instances are immutable and thread-safe: each thread hashes with its own digest or MAC.
 */
public final class TokenHasher {

    private static final String SHA_256 = "SHA-256";
    private static final String HMAC_SHA_256 = "HmacSHA256";

    private final SecretKeySpec pepper;

    /**
     * One digest or MAC per thread: looking one up through the security providers costs more than
     * hashing a 62-byte token, and neither class is safe to share between threads.
     */
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(TokenHasher::newSha256);
    private final ThreadLocal<Mac> macs;

    private TokenHasher(SecretKeySpec pepper) {
        this.pepper = pepper;
        this.macs = pepper == null ? null : ThreadLocal.withInitial(() -> newHmac(pepper));
    }

    /** Returns a hasher that computes SHA-256 of the token's ASCII bytes. */
    public static TokenHasher sha256() {
        return new TokenHasher(null);
    }

    /**
     * Returns a hasher that computes HMAC-SHA256 of the token's ASCII bytes, keyed with
     * {@code pepper} (copied). Every store that shares tokens must use the same pepper.
     *
     * @throws IllegalArgumentException if the pepper is empty
     */
    public static TokenHasher hmacSha256(byte[] pepper) {
        Objects.requireNonNull(pepper, "pepper");
        if (pepper.length == 0) {
            throw new IllegalArgumentException("The HMAC pepper must not be empty.");
        }
        return new TokenHasher(new SecretKeySpec(pepper.clone(), HMAC_SHA_256));
    }

    /** Returns the algorithm name, {@code SHA-256} or {@code HmacSHA256}. */
    public String algorithm() {
        return pepper == null ? SHA_256 : HMAC_SHA_256;
    }

    public TokenHash hash(ApiToken token) {
        Objects.requireNonNull(token, "token");
        byte[] input = token.asciiBytes();
        // digest() and doFinal() reset the instance, so the next call on this thread starts clean.
        // Both return a new array that only this method holds, so the hash can keep it uncopied.
        return TokenHash.wrap(pepper == null ? digests.get().digest(input) : macs.get().doFinal(input));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance(SHA_256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
        }
    }

    private static Mac newHmac(SecretKeySpec pepper) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA_256);
            mac.init(pepper);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime must provide HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenHasher[" + algorithm() + "]";
    }
}
