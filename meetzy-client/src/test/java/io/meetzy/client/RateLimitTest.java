package io.meetzy.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

class RateLimitTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static RateLimit parse(Map<String, List<String>> headers) {
        return RateLimit.parse(headers, NOW);
    }

    @Test
    void draftFieldsGiveEveryPart() {
        RateLimit rateLimit = parse(Map.of(
                "RateLimit-Policy", List.of("\"default\";q=100;w=60"),
                "RateLimit", List.of("\"default\";r=42;t=17")));

        assertThat(rateLimit.limit()).hasValue(100);
        assertThat(rateLimit.remaining()).hasValue(42);
        assertThat(rateLimit.reset()).contains(Duration.ofSeconds(17));
        assertThat(rateLimit.window()).contains(Duration.ofSeconds(60));
        assertThat(rateLimit.policy()).contains("default");
        assertThat(rateLimit).hasToString("limit=100 remaining=42 reset=17s window=60s policy=default");
    }

    @Test
    void mostRestrictivePolicyWins() {
        RateLimit rateLimit = parse(Map.of(
                "RateLimit-Policy", List.of("\"burst\";q=10;w=1, \"daily\";q=5000;w=86400"),
                "RateLimit", List.of("\"burst\";r=9;t=1, \"daily\";r=3;t=4000")));

        assertThat(rateLimit.policy()).contains("daily");
        assertThat(rateLimit.limit()).hasValue(5000);
        assertThat(rateLimit.remaining()).hasValue(3);
        assertThat(rateLimit.window()).contains(Duration.ofDays(1));
    }

    @Test
    void olderDictionaryFormIsRead() {
        RateLimit rateLimit = parse(Map.of("RateLimit", List.of("limit=100, remaining=50, reset=30")));

        assertThat(rateLimit.limit()).hasValue(100);
        assertThat(rateLimit.remaining()).hasValue(50);
        assertThat(rateLimit.reset()).contains(Duration.ofSeconds(30));
    }

    @Test
    void tripleFieldsAreRead() {
        RateLimit rateLimit = parse(Map.of(
                "ratelimit-limit", List.of("100, 100;w=60"),
                "RateLimit-Remaining", List.of("99"),
                "RateLimit-Reset", List.of("59")));

        assertThat(rateLimit.limit()).hasValue(100);
        assertThat(rateLimit.remaining()).hasValue(99);
        assertThat(rateLimit.reset()).contains(Duration.ofSeconds(59));
        assertThat(rateLimit.policy()).isEmpty();
    }

    @Test
    void legacyResetAsUnixTimeBecomesWait() {
        RateLimit rateLimit = parse(Map.of(
                "X-RateLimit-Limit", List.of("5000"),
                "X-RateLimit-Remaining", List.of("4999"),
                "X-RateLimit-Reset", List.of(String.valueOf(NOW.plusSeconds(90).getEpochSecond()))));

        assertThat(rateLimit.limit()).hasValue(5000);
        assertThat(rateLimit.reset()).contains(Duration.ofSeconds(90));
    }

    @Test
    void legacyResetInPastIsZero() {
        RateLimit rateLimit = parse(Map.of(
                "X-RateLimit-Reset", List.of(String.valueOf(NOW.minusSeconds(5).getEpochSecond()))));

        assertThat(rateLimit.reset()).contains(Duration.ZERO);
    }

    @Test
    void legacyResetBeyondInstantRangeIsIgnored() {
        RateLimit rateLimit = parse(Map.of("X-RateLimit-Reset", List.of(String.valueOf(Long.MAX_VALUE))));

        assertThat(rateLimit.reset()).isEmpty();
    }

    @Test
    void draftWinsOverOlderFields() {
        RateLimit rateLimit = parse(Map.of(
                "RateLimit", List.of("\"default\";r=1;t=2"),
                "RateLimit-Remaining", List.of("70"),
                "X-RateLimit-Limit", List.of("300")));

        assertThat(rateLimit.remaining()).hasValue(1);
        assertThat(rateLimit.limit()).hasValue(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "\"default\";r=-1;t=x", "\"unterminated;r=5", ";;;", ",,,",
            "\"default\";r=99999999999999999999999", "\"default\";r=\u0661\u0662"})
    void malformedDraftFieldIsIgnored(String value) {
        RateLimit rateLimit = parse(Map.of("RateLimit", List.of(value), "RateLimit-Policy", List.of(value)));

        assertThat(rateLimit.remaining()).isEmpty();
        assertThat(rateLimit.reset()).isEmpty();
        assertThat(rateLimit.limit()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.5", "ten", "12abc", "99999999999999999999999"})
    void malformedTripleIsIgnored(String value) {
        RateLimit rateLimit = parse(Map.of("RateLimit-Limit", List.of(value), "RateLimit-Reset", List.of(value),
                "X-RateLimit-Remaining", List.of(value)));

        assertThat(rateLimit.isKnown()).isFalse();
        assertThat(rateLimit).hasToString("unknown");
    }

    @Test
    void noHeadersIsUnknown() {
        assertThat(parse(Map.of())).isEqualTo(RateLimit.unknown());
        assertThat(RateLimit.unknown()).isEqualTo(new RateLimit(OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
