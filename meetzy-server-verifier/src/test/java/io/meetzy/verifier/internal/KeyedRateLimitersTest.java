package io.meetzy.verifier.internal;

import io.meetzy.verifier.RateLimitPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedRateLimitersTest {

    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);

    @Test
    void sizeStaysBoundedForManyKeys() {
        KeyedRateLimiters limiters = new KeyedRateLimiters(new RateLimitPolicy(5, Duration.ofMinutes(1)), 1_000,
                nanoTime::get, Runnable::run);

        for (int i = 0; i < 100_000; i++) {
            limiters.acquire("tok_" + i);
        }

        assertThat(limiters.size()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void idleLimitersAreEvictedAfterPeriod() {
        KeyedRateLimiters limiters = new KeyedRateLimiters(new RateLimitPolicy(5, Duration.ofMinutes(1)), 1_000,
                nanoTime::get, Runnable::run);
        for (int i = 0; i < 100; i++) {
            limiters.acquire("tok_" + i);
        }

        nanoTime.addAndGet(Duration.ofSeconds(59).toNanos());
        limiters.acquire("tok_0");
        assertThat(limiters.size()).isEqualTo(100);

        nanoTime.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiters.size()).as("only the limiter used within the last period stays").isEqualTo(1);
    }

    @Test
    void evictedKeyStartsWithFullLimit() {
        KeyedRateLimiters limiters = new KeyedRateLimiters(new RateLimitPolicy(2, Duration.ofMinutes(1)), 10,
                nanoTime::get, Runnable::run);
        assertThat(limiters.acquire("tok_a").granted()).isTrue();
        assertThat(limiters.acquire("tok_a").granted()).isTrue();
        assertThat(limiters.acquire("tok_a").granted()).isFalse();

        nanoTime.addAndGet(Duration.ofMinutes(1).toNanos());

        KeyedRateLimiters.Decision decision = limiters.acquire("tok_a");
        assertThat(decision.granted()).isTrue();
        assertThat(decision.status().remaining()).isEqualTo(1);
    }

    @Test
    void waitTimeNeedsNoLimiter() {
        KeyedRateLimiters limiters = new KeyedRateLimiters(new RateLimitPolicy(1, Duration.ofSeconds(10)), 10,
                nanoTime::get, Runnable::run);

        assertThat(limiters.waitTime("192.0.2.1")).isEmpty();
        assertThat(limiters.size()).isZero();
        assertThat(limiters.tryAcquire("192.0.2.1")).isTrue();
        assertThat(limiters.waitTime("192.0.2.1")).contains(Duration.ofSeconds(10));
    }
}
