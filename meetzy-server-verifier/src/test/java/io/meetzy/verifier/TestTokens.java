package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.GeneratedToken;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenGenerator;
import io.meetzy.core.TokenHasher;
import io.meetzy.core.TokenMetadata;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** Builds real tokens and stored entries for tests. */
final class TestTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {
    }

    /** A token created at {@code createdAt} that expires at {@code expiresAt}, and its stored entry. */
    record Issued(ApiToken token, StoredToken stored) {

        TokenMetadata metadata() {
            return stored.metadata();
        }
    }

    static Issued issue(String id, String accountId, Instant createdAt, Instant expiresAt) {
        GeneratedToken generated = new TokenGenerator(RANDOM, Clock.fixed(createdAt, ZoneOffset.UTC)).generate(expiresAt);
        TokenMetadata metadata = new TokenMetadata(id, accountId, "Test token " + id,
                generated.token().displayPrefix(), Scopes.ALL, createdAt, expiresAt, Optional.empty(), Optional.empty());
        return new Issued(generated.token(),
                new StoredToken(metadata, TokenHasher.sha256().hash(generated.token())));
    }

    static String randomAccount() {
        return "acct_" + Long.toUnsignedString(RANDOM.nextLong(), 36);
    }

    static String randomId() {
        return "tok_" + Long.toUnsignedString(RANDOM.nextLong(), 36);
    }

    /** Returns a well-formed token whose secret differs from {@code token}'s, so its hash does not match. */
    static ApiToken withOtherSecret(ApiToken token) {
        String value = token.value();
        char[] secret = value.substring(24, 56).toCharArray();
        secret[0] = secret[0] == 'A' ? 'B' : 'A';
        return ApiToken.of(withChecksum(value.substring(0, 24) + new String(secret)));
    }

    /** Appends the CRC-32 checksum to the first 56 characters. */
    static String withChecksum(String body) {
        return body + io.meetzy.core.internal.TokenLayout.checksum(body);
    }

    static Set<String> scopes(String... scopes) {
        return Set.of(scopes);
    }
}
