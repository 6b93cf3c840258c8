package io.meetzy.verifier.internal;

import io.meetzy.core.internal.Base62;

import java.util.random.RandomGenerator;

/** Public identifiers: a short type prefix and random base62 digits. */
public final class RandomIds {

    /**
     * Digits of a token id: 16 base62 digits carry about 95 bits, so two ids collide with
     * negligible probability even across billions of tokens.
     */
    private static final int TOKEN_ID_DIGITS = 16;

    /** Digits of a request id: about 119 bits, unique across every request any server will log. */
    private static final int REQUEST_ID_DIGITS = 20;

    private RandomIds() {
    }

    /** Returns {@code tok_} and 16 random base62 digits. */
    public static String tokenId(RandomGenerator random) {
        return "tok_" + Base62.randomDigits(random, TOKEN_ID_DIGITS);
    }

    /** Returns {@code req_} and 20 random base62 digits. */
    public static String requestId(RandomGenerator random) {
        return "req_" + Base62.randomDigits(random, REQUEST_ID_DIGITS);
    }
}
