package io.meetzy.core;

import io.meetzy.core.internal.Base62;
import io.meetzy.core.internal.TokenLayout;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Generates new tokens. The identifier and the secret come from {@link SecureRandom}: the 32-digit
 * secret carries 32 &times; log2(62) &asymp; 190 bits, above the 128 bits that make guessing
 * hopeless. Creation time comes from the injected {@link Clock}.
 *
 * <p>Instances are thread-safe.
 */
public final class TokenGenerator {

    /** The last expiry day that fits in 4 base62 digits (62^4 - 1 days after 1970-01-01). */
    private static final long MAX_EXPIRY_EPOCH_DAY = 62L * 62 * 62 * 62 - 1;

    private final SecureRandom random;
    private final Clock clock;

    public TokenGenerator(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns a generator with a default {@link SecureRandom} and the UTC system clock. */
    public static TokenGenerator ofDefaults() {
        return new TokenGenerator(new SecureRandom(), Clock.systemUTC());
    }

    /** Generates a token created now that expires after the given preset. */
    public GeneratedToken generate(Expiration expiration) {
        Objects.requireNonNull(expiration, "expiration");
        Instant createdAt = clock.instant();
        return generate(createdAt, expiration.expiresAt(createdAt));
    }

    /**
     * Generates a token created now that expires at {@code expiresAt}, whose UTC day is embedded.
     *
     * @throws IllegalArgumentException if the expiry is not after now, or beyond the year 16 000
     *     that the 4-digit expiry day can express
     */
    public GeneratedToken generate(Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        return generate(clock.instant(), expiresAt);
    }

    private GeneratedToken generate(Instant createdAt, Instant expiresAt) {
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException(
                    "A token must expire after it is created: expiresAt " + expiresAt + " is not after " + createdAt + ".");
        }
        long epochDay = LocalDate.ofInstant(expiresAt, ZoneOffset.UTC).toEpochDay();
        if (epochDay > MAX_EXPIRY_EPOCH_DAY) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is beyond the last expiry day a token can carry, "
                    + LocalDate.ofEpochDay(MAX_EXPIRY_EPOCH_DAY) + ".");
        }

        ApiToken token = ApiToken.assemble(
                Base62.encode(epochDay, TokenLayout.EXPIRY_DAY_LENGTH),
                Base62.randomDigits(random, TokenLayout.IDENTIFIER_LENGTH),
                Base62.randomDigits(random, TokenLayout.SECRET_LENGTH));
        return new GeneratedToken(token, createdAt, expiresAt);
    }
}
