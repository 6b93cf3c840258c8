package io.meetzy.core;

import io.meetzy.core.internal.Base62;
import io.meetzy.core.internal.TokenLayout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A well-formed Meetzy API token: {@code mzy_}, 4 base62 digits of expiry day, a 16-digit
 * identifier, a 32-digit secret and a 6-digit CRC-32 checksum, 62 characters in all.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} prints only the
 * {@linkplain #maskedValue() masked value}; the full token is available from {@link #value()}
 * alone, for the one place that must send or show it.
 *
 * <p>A parsed token is well-formed, not authentic: only a store lookup of its hash tells whether
 * it was issued and is still valid.
 */
public final class ApiToken {

    /** The start of every token. Token ids ({@code tok_...}) never start with it. */
    public static final String PREFIX = TokenLayout.PREFIX;

    /** The number of characters of a token. */
    public static final int LENGTH = TokenLayout.LENGTH;

    /** The number of leading characters shown in lists and logs. */
    public static final int DISPLAY_PREFIX_LENGTH = TokenLayout.DISPLAY_PREFIX_LENGTH;

    private static final String MASK = "*".repeat(LENGTH - DISPLAY_PREFIX_LENGTH);

    private static final long SECONDS_PER_DAY = 86_400;

    private final String value;

    /** The value's ASCII bytes, made once for the checksum and reused by every hash. Never handed out. */
    private final byte[] ascii;

    private ApiToken(String value, byte[] ascii) {
        this.value = value;
        this.ascii = ascii;
    }

    /**
     * Parses a token without throwing. The checks run in order: empty, prefix, length, alphabet,
     * checksum; the first that fails is the rejection. Surrounding whitespace is not stripped:
     * callers that read from files or the environment decide whether to forgive it.
     */
    public static TokenParseResult parse(CharSequence input) {
        if (input == null || input.length() == 0) {
            return TokenParseResult.rejected(TokenRejection.Reason.EMPTY, "empty");
        }

        String text = input.toString();
        if (!text.startsWith(TokenLayout.PREFIX)) {
            boolean onlyCaseDiffers = text.length() >= TokenLayout.PREFIX.length()
                    && text.regionMatches(true, 0, TokenLayout.PREFIX, 0, TokenLayout.PREFIX.length());
            return TokenParseResult.rejected(TokenRejection.Reason.WRONG_PREFIX,
                    onlyCaseDiffers ? "wrong prefix (the prefix is case-sensitive)" : "wrong prefix");
        }
        if (text.length() != LENGTH) {
            return TokenParseResult.rejected(TokenRejection.Reason.WRONG_LENGTH,
                    "wrong length (" + text.length() + ")");
        }

        for (int i = TokenLayout.PREFIX.length(); i < LENGTH; i++) {
            if (!Base62.isDigit(text.charAt(i))) {
                return TokenParseResult.rejected(TokenRejection.Reason.INVALID_CHARACTER,
                        "character outside the alphabet at position " + i);
            }
        }

        // Every character is ASCII now, so this is a plain copy.
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        if (!TokenLayout.hasValidChecksum(text, ascii)) {
            return TokenParseResult.rejected(TokenRejection.Reason.CHECKSUM_MISMATCH, "checksum mismatch");
        }
        return TokenParseResult.valid(new ApiToken(text, ascii));
    }

    /**
     * Parses a token, throwing {@link InvalidTokenException} (whose message never contains the
     * input) when it is not well-formed.
     */
    public static ApiToken of(CharSequence input) {
        return parse(input).orElseThrow();
    }

    /** Builds a token from its parts, computing the checksum. Used by {@link TokenGenerator}. */
    static ApiToken assemble(String expiryDay, String identifier, String secret) {
        String body = TokenLayout.PREFIX + expiryDay + identifier + secret;
        String value = body + TokenLayout.checksum(body);
        return new ApiToken(value, value.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Returns the full token. Send it in an {@code Authorization} header or show it once to the
     * person who created it; never log it or put it in a message.
     */
    public String value() {
        return value;
    }

    /** Returns the first 24 characters: {@code mzy_}, the expiry day and the identifier. */
    public String displayPrefix() {
        return value.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    /** Returns the display prefix followed by one {@code *} for each of the 38 hidden characters. */
    public String maskedValue() {
        return displayPrefix() + MASK;
    }

    /** Returns the UTC day of the token's expiry, as embedded in the token when it was issued. */
    public LocalDate expiryDay() {
        return LocalDate.ofEpochDay(expiryEpochDay());
    }

    /**
     * Returns whether the token has certainly expired at {@code now}, from the embedded expiry
     * day alone: true from the start of the following UTC day. Expiry can be shortened but never
     * extended after issue, so a token for which this is true needs no store lookup. False does
     * not mean that the token is still valid.
     */
    public boolean isPastEmbeddedExpiry(Instant now) {
        // UTC days have 86,400 seconds in java.time, so the next day starts at this epoch second.
        long endOfExpiryDay = (expiryEpochDay() + 1) * SECONDS_PER_DAY;
        return now.getEpochSecond() >= endOfExpiryDay;
    }

    /**
     * Returns the token as ASCII bytes, for hashing: the token's own array, not a copy, so callers
     * must not change it.
     */
    byte[] asciiBytes() {
        return ascii;
    }

    private long expiryEpochDay() {
        return Base62.decode(value, TokenLayout.EXPIRY_DAY_START,
                TokenLayout.EXPIRY_DAY_START + TokenLayout.EXPIRY_DAY_LENGTH);
    }

    /** Compares the full values in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ApiToken that && MessageDigest.isEqual(asciiBytes(), that.asciiBytes());
    }

    @Override
    public int hashCode() {
        return displayPrefix().hashCode();
    }

    /** Returns the masked value; never the token. */
    @Override
    public String toString() {
        return maskedValue();
    }
}
