package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenRedactorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    private final TokenGenerator generator = new TokenGenerator(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void validTokenMasked() {
        ApiToken token = newToken();

        String redacted = TokenRedactor.redact("Authorization: Bearer " + token.value() + "\n");

        assertThat(redacted).isEqualTo("Authorization: Bearer " + token.maskedValue() + "\n");
    }

    @Test
    void wrongChecksumLeftAlone() {
        String lookAlike = withWrongChecksum(newToken());
        String text = "MEETZY_API_TOKEN=" + lookAlike;

        assertThat(TokenRedactor.redact(text)).isEqualTo(text);
        assertThat(TokenRedactor.find(text)).isEmpty();
    }

    @Test
    void tokenGluedToBase62Untouched() {
        ApiToken token = newToken();
        List<String> glued = List.of("x" + token.value(), "0" + token.value(), token.value() + "Z", token.value() + "9");

        for (String text : glued) {
            assertThat(TokenRedactor.redact(text)).as(text.length() + " characters").isEqualTo(text);
        }
    }

    @Test
    void nonBase62NeighboursDelimit() {
        ApiToken token = newToken();
        List<String> delimiters = List.of("_", "-", "\"", "=", "/", "é", "\u0000", "\t");

        for (String delimiter : delimiters) {
            String text = delimiter + token.value() + delimiter;

            assertThat(TokenRedactor.redact(text)).as("delimiter U+%04X", (int) delimiter.charAt(0))
                    .isEqualTo(delimiter + token.maskedValue() + delimiter);
        }
    }

    @Test
    void severalTokensOnOneLine() {
        ApiToken first = newToken();
        ApiToken second = newToken();
        ApiToken third = newToken();
        String text = "a=" + first.value() + " b=" + second.value() + "," + third.value();

        String redacted = TokenRedactor.redact(text);

        assertThat(redacted).isEqualTo("a=" + first.maskedValue() + " b=" + second.maskedValue() + "," + third.maskedValue());
    }

    @Test
    void tokenAtStartAndEndOfText() {
        ApiToken first = newToken();
        ApiToken last = newToken();

        assertThat(TokenRedactor.redact(first.value())).isEqualTo(first.maskedValue());
        assertThat(TokenRedactor.redact(first.value() + " " + last.value())).isEqualTo(first.maskedValue() + " " + last.maskedValue());
    }

    @Test
    void findReportsPositions() {
        ApiToken first = newToken();
        ApiToken second = newToken();
        String text = "mzy_ " + first.value() + " and mzy_mzy_ " + second.value();

        List<TokenRedactor.Match> matches = TokenRedactor.find(text);

        assertThat(matches).hasSize(2);
        assertThat(matches.get(0).start()).isEqualTo(5);
        assertThat(matches.get(0).end()).isEqualTo(5 + 62);
        assertThat(matches.get(0).token()).isEqualTo(first);
        assertThat(matches.get(1).start()).isEqualTo(text.indexOf(second.value()));
        assertThat(matches.get(1).token()).isEqualTo(second);
    }

    @Test
    void findRangeUsesContextOutsideIt() {
        ApiToken token = newToken();
        String glued = "a" + token.value() + " ";
        String delimited = " " + token.value() + " ";

        assertThat(TokenRedactor.find(glued, 1, 2)).isEmpty();
        assertThat(TokenRedactor.find(delimited, 1, 2)).extracting(TokenRedactor.Match::start).containsExactly(1);
        assertThat(TokenRedactor.find(delimited, 0, 1)).isEmpty();
        assertThat(TokenRedactor.find(delimited, 2, delimited.length())).isEmpty();
    }

    @Test
    void findRangeOutsideTextRejected() {
        assertThatThrownBy(() -> TokenRedactor.find("short", 2, 9)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> TokenRedactor.find("short", 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void textWithoutTokensUnchanged() {
        String text = "mzy_ is the prefix; mzy_short and MZY_" + "A".repeat(58) + " are not tokens.";

        assertThat(TokenRedactor.redact(text)).isEqualTo(text);
        assertThat(TokenRedactor.redact("")).isEmpty();
    }

    @Test
    void matchToStringMasksToken() {
        ApiToken token = newToken();

        TokenRedactor.Match match = TokenRedactor.find(token.value()).get(0);

        assertThat(match.toString()).contains(token.maskedValue()).doesNotContain(token.value());
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        StringBuilder text = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ApiToken token = newToken();
            text.append("line ").append(i).append(": ").append(token.value()).append('\n');
            expected.append("line ").append(i).append(": ").append(token.maskedValue()).append('\n');
        }

        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> TokenRedactor.redact(text));
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            for (Future<String> result : executor.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected.toString());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private ApiToken newToken() {
        return generator.generate(Expiration.NINETY_DAYS).token();
    }

    /** Returns the token with its last checksum digit changed, so only the checksum is wrong. */
    private static String withWrongChecksum(ApiToken token) {
        String value = token.value();
        char last = value.charAt(value.length() - 1);
        char changed = last == 'A' ? 'B' : 'A';
        String lookAlike = value.substring(0, value.length() - 1) + changed;
        assertThat(ApiToken.parse(lookAlike).rejection()).get()
                .extracting(TokenRejection::reason).isEqualTo(TokenRejection.Reason.CHECKSUM_MISMATCH);
        return lookAlike;
    }
}
