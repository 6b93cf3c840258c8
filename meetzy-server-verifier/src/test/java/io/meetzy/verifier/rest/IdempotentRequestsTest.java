package io.meetzy.verifier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The parts of {@link IdempotentRequests} that HTTP cannot reach: header characters an HTTP client refuses, and the bounds. */
class IdempotentRequestsTest {

    private static final String RULE = "The Idempotency-Key header must be 1 to 255 printable ASCII characters,"
            + " such as a UUID";

    private final FixedStepClock clock = new FixedStepClock(Instant.parse("2025-06-15T10:00:00Z"));

    @Test
    void keyWithNonAsciiCharacterIsRejected() {
        assertThatThrownBy(() -> IdempotentRequests.keyOf(List.of("caf\u00e9")))
                .isInstanceOf(ApiException.class)
                .hasMessage(RULE + ", but it has U+00E9 at position 3 (counting from 0).");
    }

    @Test
    void keyWithControlCharacterIsRejected() {
        assertThatThrownBy(() -> IdempotentRequests.keyOf(List.of("a\tb")))
                .isInstanceOf(ApiException.class)
                .hasMessage(RULE + ", but it has U+0009 at position 1 (counting from 0).");
    }

    @Test
    void keyWithSpaceIsAccepted() {
        assertThat(IdempotentRequests.keyOf(List.of("order 42"))).contains("order 42");
        assertThat(IdempotentRequests.keyOf(List.of())).isEmpty();
    }

    @Test
    void fingerprintSeparatesParts() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        byte[] fingerprint = IdempotentRequests.fingerprint("POST", "/v1/tokens", "tok_a", body);

        assertThat(fingerprint).hasSize(32);
        assertThat(IdempotentRequests.fingerprint("POST", "/v1/tokens", "tok_a", body.clone())).isEqualTo(fingerprint);
        assertThat(IdempotentRequests.fingerprint("POST", "/v1/token", "stok_a", body)).isNotEqualTo(fingerprint);
        assertThat(IdempotentRequests.fingerprint("POST", "/v1/tokens", "tok_b", body)).isNotEqualTo(fingerprint);
        assertThat(IdempotentRequests.fingerprint("POST", "/v1/tokens", "tok_a", new byte[0])).isNotEqualTo(fingerprint);
    }

    @Test
    void rememberedResponsesStayWithinBound() {
        IdempotentRequests requests = new IdempotentRequests(Duration.ofHours(24), 3, clock);
        byte[] fingerprint = IdempotentRequests.fingerprint("POST", "/v1/tokens", "tok_a", new byte[0]);

        for (int i = 0; i < 20; i++) {
            requests.execute("acct_a", "key-" + i, fingerprint, () -> ApiResponse.json(201, "{}", Map.of()));
        }

        assertThat(requests.rememberedCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void failedOperationReleasesKey() {
        IdempotentRequests requests = new IdempotentRequests(Duration.ofHours(24), 10, clock);
        byte[] fingerprint = IdempotentRequests.fingerprint("POST", "/v1/tokens", "tok_a", new byte[0]);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> requests.execute("acct_a", "k", fingerprint, () -> {
            runs.incrementAndGet();
            throw new StackOverflowError("simulated");
        })).isInstanceOf(StackOverflowError.class);
        ApiResponse retry = requests.execute("acct_a", "k", fingerprint, () -> {
            runs.incrementAndGet();
            return ApiResponse.json(201, "{}", Map.of());
        });

        assertThat(runs).hasValue(2);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(requests.rememberedCount()).isEqualTo(1);
    }
}
