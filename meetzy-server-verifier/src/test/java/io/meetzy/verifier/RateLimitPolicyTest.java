package io.meetzy.verifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPolicyTest {

    @Test
    void parsesEveryUnit() {
        assertThat(RateLimitPolicy.parse("5/1s")).isEqualTo(new RateLimitPolicy(5, Duration.ofSeconds(1)));
        assertThat(RateLimitPolicy.parse("20/1m")).isEqualTo(new RateLimitPolicy(20, Duration.ofMinutes(1)));
        assertThat(RateLimitPolicy.parse("1000/2h")).isEqualTo(new RateLimitPolicy(1000, Duration.ofHours(2)));
        assertThat(RateLimitPolicy.parse("3/250ms")).isEqualTo(new RateLimitPolicy(3, Duration.ofMillis(250)));
        assertThat(RateLimitPolicy.parse(" 7/1d ")).isEqualTo(new RateLimitPolicy(7, Duration.ofDays(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5/", "/1s", "5/1", "5/s", "5/1w", "-5/1s", "5/-1s", "five/1s", "5 / 1s", "5/1.5s",
            "5/1S", "9999999999/1s"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> RateLimitPolicy.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid rate limit '" + text + "': use N/PERIOD, such as 5/1s or 20/1m,"
                        + " where PERIOD is a whole number followed by ms, s, m, h or d.");
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> RateLimitPolicy.parse("0/1s"))
                .hasMessage("Invalid rate limit '0/1s': The rate limit must allow at least 1 request per period, got 0.");
        assertThatThrownBy(() -> RateLimitPolicy.parse("5/0s"))
                .hasMessage("Invalid rate limit '5/0s': The rate limit period must be from 1ms to 1d, got PT0S.");
        assertThatThrownBy(() -> RateLimitPolicy.parse("5/2d"))
                .hasMessage("Invalid rate limit '5/2d': The rate limit period must be from 1ms to 1d, got PT48H.");
    }

    @Test
    void printsParseableForm() {
        assertThat(RateLimitPolicy.DEFAULT_TOKEN_POLICY).hasToString("100/60s");
        assertThat(new RateLimitPolicy(3, Duration.ofMillis(250))).hasToString("3/250ms");
        assertThat(RateLimitPolicy.parse(RateLimitPolicy.DEFAULT_FAILURE_POLICY.toString()))
                .isEqualTo(RateLimitPolicy.DEFAULT_FAILURE_POLICY);
    }

    @Test
    void failurePolicyIsStricterThanTokenPolicy() {
        assertThat(RateLimitPolicy.DEFAULT_FAILURE_POLICY.period()).isEqualTo(RateLimitPolicy.DEFAULT_TOKEN_POLICY.period());
        assertThat(RateLimitPolicy.DEFAULT_FAILURE_POLICY.limit()).isLessThan(RateLimitPolicy.DEFAULT_TOKEN_POLICY.limit());
    }

    @Test
    void periodSecondsRoundsUp() {
        assertThat(new RateLimitPolicy(1, Duration.ofMillis(1500)).periodSeconds()).isEqualTo(2);
        assertThat(new RateLimitPolicy(1, Duration.ofMinutes(1)).periodSeconds()).isEqualTo(60);
    }
}
