package io.meetzy.verifier.internal;

import io.meetzy.verifier.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UsageRecorderTest {

    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Instant START = Instant.parse("2026-12-04T10:15:30.250Z");

    /**
     * The recorder's nanosecond clock stays still, so its notes never expire from the cache and
     * the comparison of the instants that the tests pass decides alone.
     */
    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    private final UsageRecorder recorder = new UsageRecorder(new InMemoryTokenStore(), INTERVAL, Duration.ofHours(1),
            100, nanoTime::get);

    @AfterEach
    void closeRecorder() {
        recorder.close();
    }

    @Test
    void tokenNotedAgainExactlyOneIntervalLater() {
        assertThat(recorder.record("tok_a", START, Optional.empty())).isTrue();

        Instant justBefore = START.plus(INTERVAL).minusNanos(1);
        assertThat(recorder.record("tok_a", justBefore, Optional.empty())).isFalse();

        Instant oneIntervalLater = START.plus(INTERVAL);
        assertThat(recorder.record("tok_a", oneIntervalLater, Optional.empty())).isTrue();
    }

    @Test
    void recentStoredUseSkipsNote() {
        Instant storedJustInside = START.minus(INTERVAL).plusNanos(1);
        Instant storedOneIntervalAgo = START.minus(INTERVAL);

        assertThat(recorder.record("tok_a", START, Optional.of(storedJustInside))).isFalse();
        assertThat(recorder.record("tok_a", START, Optional.of(storedOneIntervalAgo))).isTrue();
    }

    @Test
    void intervalComparedAcrossSecondBoundary() {
        // 0.9 s after a note at .250 crosses into the next second, so the nanosecond part wraps.
        Instant noted = START;
        Instant later = START.plusMillis(900);

        assertThat(recorder.record("tok_a", noted, Optional.empty())).isTrue();
        assertThat(recorder.record("tok_a", later, Optional.empty())).isFalse();
    }
}
