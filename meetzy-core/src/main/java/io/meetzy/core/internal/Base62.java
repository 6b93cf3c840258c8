package io.meetzy.core.internal;

import java.util.random.RandomGenerator;

/**
 * Fixed-width base62 with the digits {@code 0-9A-Za-z} in that order, as the Meetzy token format
 * uses it. Not part of the public API.
 */
public final class Base62 {

    public static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final int RADIX = 62;

    private Base62() {
    }

    /** Returns whether {@code c} is one of the 62 digits. */
    public static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * Encodes a non-negative value in exactly {@code width} digits, left-padded with {@code 0}.
     *
     * @throws IllegalArgumentException if the value is negative or needs more than {@code width} digits
     */
    public static String encode(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("base62 value must not be negative: " + value);
        }
        char[] digits = new char[width];
        long remaining = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = DIGITS.charAt((int) (remaining % RADIX));
            remaining /= RADIX;
        }
        if (remaining != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " base62 digits");
        }
        return new String(digits);
    }

    /**
     * Decodes the digits {@code text[start, end)}. The caller has checked that each is a base62 digit.
     */
    public static long decode(CharSequence text, int start, int end) {
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value * RADIX + digitValue(text.charAt(i));
        }
        return value;
    }

    /** Returns {@code length} digits drawn uniformly and independently from {@code random}. */
    public static String randomDigits(RandomGenerator random, int length) {
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            digits[i] = DIGITS.charAt(random.nextInt(RADIX));
        }
        return new String(digits);
    }

    private static int digitValue(char c) {
        if (c <= '9') {
            return c - '0';
        }
        if (c <= 'Z') {
            return c - 'A' + 10;
        }
        return c - 'a' + 36;
    }
}
