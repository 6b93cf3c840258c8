package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenHashTest {

    private static final ApiToken TOKEN = ApiToken.of("mzy_05QnkV0M5DnB6XrZDNBZfLu1Ne4vbNBviyOb0TWZzPC0aIvHoAV244HJgM");

    @Test
    void sameTokenMatches() {
        TokenHash stored = TokenHasher.sha256().hash(TOKEN);

        assertThat(stored.matches(TokenHash.ofHex(stored.hex()))).isTrue();
    }

    @Test
    void pepperChangesHash() {
        TokenHash plain = TokenHasher.sha256().hash(TOKEN);
        TokenHash peppered = TokenHasher.hmacSha256("pepper".getBytes(StandardCharsets.UTF_8)).hash(TOKEN);

        assertThat(plain.matches(peppered)).isFalse();
        assertThat(plain.matches(null)).isFalse();
    }

    @Test
    void laterHashLeavesEarlierUnchanged() {
        ApiToken other = TokenGenerator.ofDefaults().generate(Expiration.THIRTY_DAYS).token();
        TokenHasher plain = TokenHasher.sha256();
        TokenHasher peppered = TokenHasher.hmacSha256("pepper".getBytes(StandardCharsets.UTF_8));

        for (TokenHasher hasher : new TokenHasher[] {plain, peppered}) {
            TokenHash first = hasher.hash(TOKEN);
            String firstHex = first.hex();

            TokenHash second = hasher.hash(other);

            assertThat(first.hex()).as(hasher.algorithm()).isEqualTo(firstHex);
            assertThat(second.matches(first)).as(hasher.algorithm()).isFalse();
        }
    }

    @Test
    void hasherSharedAcrossThreads() throws Exception {
        TokenGenerator generator = TokenGenerator.ofDefaults();
        java.util.List<ApiToken> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tokens.add(generator.generate(Expiration.THIRTY_DAYS).token());
        }
        byte[] pepper = "pepper".getBytes(StandardCharsets.UTF_8);
        java.util.Map<ApiToken, String> expectedPlain = new java.util.HashMap<>();
        java.util.Map<ApiToken, String> expectedPeppered = new java.util.HashMap<>();
        for (ApiToken token : tokens) {
            expectedPlain.put(token, TokenHasher.sha256().hash(token).hex());
            expectedPeppered.put(token, TokenHasher.hmacSha256(pepper).hash(token).hex());
        }
        TokenHasher plain = TokenHasher.sha256();
        TokenHasher peppered = TokenHasher.hmacSha256(pepper);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> mismatches = new java.util.ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            mismatches.add(pool.submit(() -> {
                int wrong = 0;
                for (int round = 0; round < 500; round++) {
                    for (ApiToken token : tokens) {
                        wrong += plain.hash(token).hex().equals(expectedPlain.get(token)) ? 0 : 1;
                        wrong += peppered.hash(token).hex().equals(expectedPeppered.get(token)) ? 0 : 1;
                    }
                }
                return wrong;
            }));
        }
        pool.shutdown();

        for (java.util.concurrent.Future<Integer> result : mismatches) {
            assertThat(result.get()).isZero();
        }
    }

    @Test
    void wrongLengthHashRejected() {
        assertThatThrownBy(() -> TokenHash.of(new byte[31]))
                .hasMessage("A token hash has 32 bytes, got 31.");
    }

    @Test
    void emptyPepperRejected() {
        assertThatThrownBy(() -> TokenHasher.hmacSha256(new byte[0]))
                .hasMessage("The HMAC pepper must not be empty.");
    }
}
