package io.meetzy.client;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Valid tokens for tests, from the real generator with a fixed clock. */
final class TestTokens {

    private static final TokenGenerator GENERATOR = new TokenGenerator(new SecureRandom(),
            Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

    private TestTokens() {
    }

    static ApiToken newToken() {
        return GENERATOR.generate(Expiration.NINETY_DAYS).token();
    }

    /** Returns the 32-character secret part, which no message may contain. */
    static String secretOf(String tokenValue) {
        return tokenValue.substring(ApiToken.DISPLAY_PREFIX_LENGTH, ApiToken.DISPLAY_PREFIX_LENGTH + 32);
    }
}
