package io.meetzy.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class LazyTest {

    @Test
    void initializerRunsOnFirstGet() {
        AtomicInteger runs = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "value " + runs.incrementAndGet());

        assertThat(runs).hasValue(0);
        assertThat(lazy.get()).isEqualTo("value 1");
        assertThat(lazy.get()).isEqualTo("value 1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void concurrentGetsRunInitializerOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<Object> lazy = Lazy.of(() -> {
            runs.incrementAndGet();
            return new Object();
        });
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();

            Object first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void failedInitializerRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            return "second run";
        });

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class).hasMessage("first run fails");
        assertThat(lazy.get()).isEqualTo("second run");
        assertThat(runs).hasValue(2);
    }

    @Test
    void nullFromInitializerRejected() {
        Lazy<String> lazy = Lazy.of(() -> null);

        assertThatThrownBy(lazy::get).isInstanceOf(NullPointerException.class)
                .hasMessage("The lazy initializer returned null.");
    }

    @Test
    void knownValueReturnedAsIs() {
        Object value = new Object();

        assertThat(Lazy.ofValue(value).get()).isSameAs(value);
    }
}
