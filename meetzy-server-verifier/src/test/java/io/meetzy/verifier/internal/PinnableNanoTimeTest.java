package io.meetzy.verifier.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinnableNanoTimeTest {

    private final AtomicLong source = new AtomicLong(10);
    private final PinnableNanoTime nanoTime = new PinnableNanoTime(source::get);

    @Test
    void pinnedReadingHeldUntilUnpin() {
        assertThat(nanoTime.pin()).isEqualTo(10);
        source.set(20);

        assertThat(nanoTime.getAsLong()).isEqualTo(10);

        nanoTime.unpin();
        assertThat(nanoTime.getAsLong()).isEqualTo(20);
    }

    @Test
    void nestedPinKeepsOuterReading() {
        nanoTime.pin();
        source.set(20);

        assertThat(nanoTime.pin()).isEqualTo(10);
        nanoTime.unpin();
        assertThat(nanoTime.getAsLong()).as("the outer pin is still open").isEqualTo(10);

        nanoTime.unpin();
        assertThat(nanoTime.getAsLong()).isEqualTo(20);
    }

    @Test
    void otherThreadReadsSource() throws Exception {
        nanoTime.pin();
        source.set(20);

        long otherThreadReading = CompletableFuture.supplyAsync(nanoTime::getAsLong).get();

        assertThat(otherThreadReading).isEqualTo(20);
        nanoTime.unpin();
    }

    @Test
    void unpinWithoutPinRejected() {
        assertThatThrownBy(nanoTime::unpin)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unpin() without a matching pin() on this thread");
    }
}
