package io.meetzy.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetzy.client.RetryPolicy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

class BackoffTest {

    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .initialDelay(Duration.ofMillis(500))
            .multiplier(2)
            .maxDelay(Duration.ofSeconds(4))
            .jitter(0.5)
            .build();

    @Test
    void zeroRandomGivesFullWait() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);

        assertThat(backoff.computed(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.computed(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.computed(30)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void jitterShortensWaitByAtMostFactor() {
        Backoff backoff = new Backoff(POLICY, () -> 0.999_999);

        Duration wait = backoff.computed(2);

        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(wait).isLessThan(Duration.ofMillis(501));
    }

    @Test
    void jitterSurvivesAtCap() {
        double[] draws = {0.1, 0.4, 0.7, 0.9};
        Set<Duration> waits = new HashSet<>();
        for (double draw : draws) {
            Backoff backoff = new Backoff(POLICY, () -> draw);
            Duration wait = backoff.computed(40);

            assertThat(wait).isLessThanOrEqualTo(POLICY.maxDelay());
            assertThat(wait).isGreaterThanOrEqualTo(POLICY.maxDelay().dividedBy(2));
            waits.add(wait);
        }

        assertThat(waits).hasSize(draws.length);
    }

    @Test
    void hugeAttemptNumberStaysAtCap() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);

        assertThat(backoff.computed(Integer.MAX_VALUE)).isEqualTo(POLICY.maxDelay());
    }

    @Test
    void retryAfterOnlyGrowsWithJitter() {
        Backoff backoff = new Backoff(POLICY, () -> 0.5);

        assertThat(backoff.afterRetryAfter(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(2_500));
        assertThat(backoff.afterRetryAfter(Duration.ofSeconds(8))).as("the extra is a share of the 4 s cap")
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(backoff.afterRetryAfter(Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void longRetryAfterGetsJitterOfCapOnly() {
        Backoff backoff = new Backoff(POLICY, () -> 0.999_999);

        Duration wait = backoff.afterRetryAfter(Duration.ofSeconds(60));

        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(wait).as("at most half of the 4 s cap on top").isLessThanOrEqualTo(Duration.ofSeconds(62));
    }

    @Test
    void sharedRandomStaysInBounds() {
        Backoff backoff = Backoff.withThreadLocalRandom(POLICY);

        for (int i = 0; i < 1_000; i++) {
            Duration wait = backoff.computed(1 + i % 6);
            assertThat(wait).isPositive().isLessThanOrEqualTo(POLICY.maxDelay());
        }
    }
}
