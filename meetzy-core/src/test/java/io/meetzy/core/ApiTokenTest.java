package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetzy.core.internal.Base62;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final String VALID = "mzy_05QnkV0M5DnB6XrZDNBZfLu1Ne4vbNBviyOb0TWZzPC0aIvHoAV244HJgM";
    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    private final TokenGenerator generator = new TokenGenerator(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void generatedTokenRoundTrips() {
        for (Expiration preset : Expiration.values()) {
            GeneratedToken generated = generator.generate(preset);

            ApiToken parsed = ApiToken.of(generated.token().value());

            assertThat(parsed).isEqualTo(generated.token());
            assertThat(parsed.value()).hasSize(62).startsWith("mzy_");
            assertThat(parsed.expiryDay()).isEqualTo(LocalDate.ofInstant(generated.expiresAt(), ZoneOffset.UTC));
            assertThat(generated.createdAt()).isEqualTo(NOW);
        }
    }

    @Test
    void generatedTokensDiffer() {
        ApiToken first = generator.generate(Expiration.THIRTY_DAYS).token();
        ApiToken second = generator.generate(Expiration.THIRTY_DAYS).token();

        assertThat(first.displayPrefix()).isNotEqualTo(second.displayPrefix());
        assertThat(first.value().substring(24, 56)).isNotEqualTo(second.value().substring(24, 56));
    }

    @Test
    void nullRejectedAsEmpty() {
        TokenParseResult result = ApiToken.parse(null);

        assertThat(result.rejection()).get().extracting(TokenRejection::reason).isEqualTo(TokenRejection.Reason.EMPTY);
    }

    @Test
    void everyRejectionReasonReachable() {
        assertThat(reasonOf("")).isEqualTo(TokenRejection.Reason.EMPTY);
        assertThat(reasonOf("Bearer " + VALID)).isEqualTo(TokenRejection.Reason.WRONG_PREFIX);
        assertThat(reasonOf("mzy")).isEqualTo(TokenRejection.Reason.WRONG_PREFIX);
        assertThat(reasonOf(VALID + " ")).isEqualTo(TokenRejection.Reason.WRONG_LENGTH);
        assertThat(reasonOf(VALID.substring(0, 40) + " " + VALID.substring(41))).isEqualTo(TokenRejection.Reason.INVALID_CHARACTER);
        assertThat(reasonOf(VALID.substring(0, 61) + "N")).isEqualTo(TokenRejection.Reason.CHECKSUM_MISMATCH);
    }

    @Test
    void invalidCharacterPositionCountsFromZero() {
        String withNewline = VALID.substring(0, 4) + "\n" + VALID.substring(5);

        assertThat(ApiToken.parse(withNewline).rejection()).get().extracting(TokenRejection::message)
                .isEqualTo("character outside the alphabet at position 4");
    }

    @Test
    void checksumCatchesEverySingleCharacterChange() {
        for (int position = 4; position < ApiToken.LENGTH; position++) {
            for (char replacement : Base62.DIGITS.toCharArray()) {
                if (replacement == VALID.charAt(position)) {
                    continue;
                }
                String changed = VALID.substring(0, position) + replacement + VALID.substring(position + 1);

                assertThat(ApiToken.parse(changed).isValid())
                        .as("token changed at position %d to '%c'", position, replacement)
                        .isFalse();
            }
        }
    }

    @Test
    void checksumAboveCrcRangeRejected() {
        // "zzzzzz" is 62^6 - 1, above every CRC-32 value, so no body can have it as checksum.
        String outOfRange = VALID.substring(0, 56) + "zzzzzz";

        assertThat(reasonOf(outOfRange)).isEqualTo(TokenRejection.Reason.CHECKSUM_MISMATCH);
    }

    @Test
    void checksumWithLeadingZeroDigitsAccepted() {
        // Generate until a checksum is below 62^5, so it starts with a padding '0'. About one token in 62 has one.
        ApiToken padded = generator.generate(Expiration.THIRTY_DAYS).token();
        while (padded.value().charAt(56) != '0') {
            padded = generator.generate(Expiration.THIRTY_DAYS).token();
        }

        assertThat(ApiToken.parse(padded.value()).isValid()).isTrue();
    }

    @Test
    void maskedValueHidesEverythingAfterDisplayPrefix() {
        ApiToken token = generator.generate(Expiration.ONE_YEAR).token();

        String masked = token.maskedValue();

        assertThat(masked).hasSize(62);
        assertThat(masked.substring(0, 24)).isEqualTo(token.value().substring(0, 24));
        assertThat(masked.substring(24)).isEqualTo("*".repeat(38));
    }

    @Test
    void toStringNeverShowsSecret() {
        ApiToken token = ApiToken.of(VALID);
        String secret = VALID.substring(24, 56);

        assertThat(token.toString()).isEqualTo(token.maskedValue()).doesNotContain(secret);
        assertThat(ApiToken.parse(VALID).toString()).doesNotContain(secret);
        assertThat(new GeneratedToken(token, NOW, NOW.plusSeconds(1)).toString()).doesNotContain(secret);
    }

    @Test
    void exceptionMessageNeverContainsInput() {
        String almost = VALID.substring(0, 61) + "N";

        assertThatThrownBy(() -> ApiToken.of(almost))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("Invalid Meetzy token: the token failed its checksum: it was mistyped or changed."
                        + " Copy it again from where it was stored.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(almost.substring(24, 56)));
    }

    @Test
    void embeddedExpiryBoundsFromNextUtcDay() {
        ApiToken token = ApiToken.of(VALID);

        assertThat(token.isPastEmbeddedExpiry(Instant.parse("2027-03-04T23:59:59.999Z"))).isFalse();
        assertThat(token.isPastEmbeddedExpiry(Instant.parse("2027-03-05T00:00:00Z"))).isTrue();
    }

    @Test
    void expiryBeforeCreationRejected() {
        assertThatThrownBy(() -> generator.generate(NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must expire after it is created");
    }

    private static TokenRejection.Reason reasonOf(String input) {
        return ApiToken.parse(input).rejection().orElseThrow().reason();
    }
}
