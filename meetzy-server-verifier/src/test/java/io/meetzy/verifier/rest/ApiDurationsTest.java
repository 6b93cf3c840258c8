package io.meetzy.verifier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiDurationsTest {

    @Test
    void parsesEachUnit() {
        assertThat(ApiDurations.parse("0")).contains(Duration.ZERO);
        assertThat(ApiDurations.parse("45s")).contains(Duration.ofSeconds(45));
        assertThat(ApiDurations.parse("30m")).contains(Duration.ofMinutes(30));
        assertThat(ApiDurations.parse("24h")).contains(Duration.ofHours(24));
        assertThat(ApiDurations.parse("7d")).contains(Duration.ofDays(7));
    }

    @Test
    void rejectsOtherShapes() {
        for (String text : new String[] {"", "-1h", "1.5h", "1w", "24H", "h", " 1h", "1h ", "PT24H", "12345678s"}) {
            assertThat(ApiDurations.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void formatsInLargestExactUnit() {
        assertThat(ApiDurations.format(Duration.ZERO)).isEqualTo("0");
        assertThat(ApiDurations.format(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(ApiDurations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(ApiDurations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(ApiDurations.format(Duration.ofSeconds(61))).isEqualTo("61s");
    }

    @Test
    void formatRejectsNegativeAndFractions() {
        assertThatThrownBy(() -> ApiDurations.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiDurations.format(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    }
}
