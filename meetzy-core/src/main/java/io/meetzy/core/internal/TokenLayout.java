package io.meetzy.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Offsets of the parts of a Meetzy token and the checksum rule. Not part of the public API.
 *
 * <pre>
 * mzy_ | expiry day (4) | identifier (16) | secret (32) | checksum (6)   = 62 characters
 * </pre>
 */
public final class TokenLayout {

    public static final String PREFIX = "mzy_";
    public static final int EXPIRY_DAY_START = 4;
    public static final int EXPIRY_DAY_LENGTH = 4;
    public static final int IDENTIFIER_START = EXPIRY_DAY_START + EXPIRY_DAY_LENGTH;
    public static final int IDENTIFIER_LENGTH = 16;
    public static final int SECRET_START = IDENTIFIER_START + IDENTIFIER_LENGTH;
    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_START = SECRET_START + SECRET_LENGTH;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = CHECKSUM_START + CHECKSUM_LENGTH;

    /** The display prefix is everything before the secret: not secret, unique per token. */
    public static final int DISPLAY_PREFIX_LENGTH = SECRET_START;

    private TokenLayout() {
    }

    /**
     * Returns the checksum of the first 56 characters of {@code tokenBody} (which may be longer): CRC-32 (as {@link CRC32} computes it) over
     * their ASCII bytes, in base62, left-padded with {@code 0} to 6 digits. CRC-32 is below 2^32,
     * and 62^6 is above it, so 6 digits always suffice.
     */
    public static String checksum(CharSequence tokenBody) {
        byte[] ascii = tokenBody.subSequence(0, CHECKSUM_START).toString().getBytes(StandardCharsets.US_ASCII);
        return Base62.encode(crc32OfBody(ascii), CHECKSUM_LENGTH);
    }

    /**
     * Returns whether the last 6 characters of {@code token} are the checksum of its first 56. The
     * caller has checked the length and that every character after the prefix is a base62 digit,
     * and passes the same characters as ASCII bytes. Decoding the digits allocates nothing, unlike
     * encoding the CRC. Fixed-width base62 is one-to-one, so both comparisons give the same result.
     */
    public static boolean hasValidChecksum(CharSequence token, byte[] ascii) {
        return Base62.decode(token, CHECKSUM_START, LENGTH) == crc32OfBody(ascii);
    }

    /** Returns the CRC-32 of the first 56 bytes, everything before the checksum. */
    private static long crc32OfBody(byte[] ascii) {
        CRC32 crc = new CRC32();
        crc.update(ascii, 0, CHECKSUM_START);
        return crc.getValue();
    }
}
