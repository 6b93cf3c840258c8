package io.meetzy.client;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Valid tokens for tests, from the real generator. {@link #newToken()} tokens expire a year after
 * the real current time, so clients built with the system clock log no expiry warning;
 * {@link #expiringAt(Instant)} gives a token for tests with a fixed clock.
 */
final class TestTokens {

    private static final TokenGenerator GENERATOR = new TokenGenerator(new SecureRandom(), Clock.systemUTC());

    private TestTokens() {
    }

    static ApiToken newToken() {
        return GENERATOR.generate(Expiration.ONE_YEAR).token();
    }

    /** Returns a token created at {@code now} whose embedded expiry day is the UTC day of {@code expiresAt}. */
    static ApiToken expiringAt(Instant now, Instant expiresAt) {
        TokenGenerator generator = new TokenGenerator(new SecureRandom(), Clock.fixed(now, ZoneOffset.UTC));
        return generator.generate(expiresAt).token();
    }

    /** Returns the 32-character secret part, which no message may contain. */
    static String secretOf(String tokenValue) {
        return tokenValue.substring(ApiToken.DISPLAY_PREFIX_LENGTH, ApiToken.DISPLAY_PREFIX_LENGTH + 32);
    }
}
