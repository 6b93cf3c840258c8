package io.meetzy.verifier;

import io.meetzy.core.Expiration;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage tracking off the request path, the listener SPI, and when the body is read. */
class UsageAndListenerTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingTokenStore store = new CountingTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();

    @Test
    void usesAreWrittenInBackground() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .usageFlushInterval(Duration.ofMillis(10)).build();
        CreatedToken created = manager.create("acct_1", "Background", Expiration.THIRTY_DAYS);

        verifier.verify("Bearer " + created.token().value());

        // The flush runs on a real scheduler thread, so this polls in real time.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.lastUsedWrites.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.findById(created.metadata().id()).orElseThrow().lastUsedAt()).contains(NOW);
        verifier.close();
    }

    @Test
    void usesOfManyTokensAreOneBatch() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
        List<CreatedToken> tokens = List.of(
                manager.create("acct_1", "One", Expiration.THIRTY_DAYS),
                manager.create("acct_1", "Two", Expiration.THIRTY_DAYS),
                manager.create("acct_1", "Three", Expiration.THIRTY_DAYS));

        tokens.forEach(token -> verifier.verify("Bearer " + token.token().value()));
        verifier.close();

        assertThat(store.lastUsedBatches).hasValue(1);
        assertThat(store.lastUsedWrites).hasValue(3);
        for (CreatedToken token : tokens) {
            assertThat(store.findById(token.metadata().id()).orElseThrow().lastUsedAt()).contains(NOW);
        }
    }

    @Test
    void usesAfterCloseAreIgnored() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
        CreatedToken created = manager.create("acct_1", "Late", Expiration.THIRTY_DAYS);
        verifier.close();

        assertThat(verifier.verify("Bearer " + created.token().value()).isVerified()).isTrue();
        verifier.close();

        assertThat(store.lastUsedWrites).hasValue(0);
    }

    @Test
    void listenerCountsOutcomesByReason() throws Exception {
        CountingVerificationListener counts = new CountingVerificationListener();
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).listener(counts)
                .failureLimit(new RateLimitPolicy(2, Duration.ofMinutes(1))).build();
        String valid = "Bearer " + manager.create("acct_1", "Counted", Expiration.THIRTY_DAYS).token().value();
        InetAddress client = InetAddress.getByName("192.0.2.30");

        verifier.verify(BearerRequest.ofHeader(valid), "req_1", client);
        verifier.verify(BearerRequest.ofHeader(valid), "req_2", client);
        verifier.verify(BearerRequest.ofHeader(null), "req_3", client);
        verifier.verify(BearerRequest.ofHeader("Bearer bad"), "req_4", client);
        verifier.verify(BearerRequest.ofHeader("Bearer bad"), "req_5", client);
        verifier.verify(BearerRequest.ofHeader(valid), "req_6", client);

        assertThat(counts.verified()).isEqualTo(2);
        assertThat(counts.rejected(Rejection.Reason.MISSING_CREDENTIALS)).isEqualTo(1);
        assertThat(counts.rejected(Rejection.Reason.MALFORMED_TOKEN)).isEqualTo(2);
        assertThat(counts.rejected(Rejection.Reason.TOO_MANY_FAILURES)).isEqualTo(1);
        assertThat(counts.rejectedByReason()).containsEntry(Rejection.Reason.UNKNOWN_TOKEN, 0L)
                .hasSize(Rejection.Reason.values().length);
    }

    @Test
    void listenerSeesPrefixRequestIdAndAddress() throws Exception {
        List<VerificationEvent> events = new CopyOnWriteArrayList<>();
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).listener(events::add).build();
        CreatedToken created = manager.create("acct_1", "Seen", Expiration.THIRTY_DAYS);

        verifier.verify(BearerRequest.ofHeader("Bearer " + created.token().value()), "req_seen",
                InetAddress.getByName("192.0.2.31"));
        verifier.verify(BearerRequest.ofHeader(null), "req_anonymous");

        assertThat(events).containsExactly(
                new VerificationEvent(Optional.empty(), Optional.of(created.token().displayPrefix()), "req_seen",
                        Optional.of("192.0.2.31")),
                new VerificationEvent(Optional.of(Rejection.Reason.MISSING_CREDENTIALS), Optional.empty(),
                        "req_anonymous", Optional.empty()));
        assertThat(events.get(0).isVerified()).isTrue();
    }

    @Test
    void failingListenerChangesNothing() {
        AtomicInteger calls = new AtomicInteger();
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).listener(event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("metrics backend down");
        }).build();
        String valid = "Bearer " + manager.create("acct_1", "Robust", Expiration.THIRTY_DAYS).token().value();

        assertThat(verifier.verify(valid).isVerified()).isTrue();
        assertThat(verifier.verify(valid).isVerified()).isTrue();
        assertThat(calls).hasValue(2);
    }

    @Test
    void bodyReadOnlyAfterGenuineCredentials() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
        CreatedToken created = manager.create("acct_1", "Body", Expiration.THIRTY_DAYS);
        String unknown = TestTokens.withOtherSecret(created.token()).value();
        InetAddress client = InetAddress.getByName("192.0.2.32");
        AtomicInteger bodyReads = new AtomicInteger();

        for (String header : List.of("Bearer short", "Basic dXNlcjpwYXNz", "Bearer " + unknown)) {
            verifier.verify(BearerRequest.ofHeader(header), "req_bad", Optional.of(client), () -> {
                bodyReads.incrementAndGet();
                return true;
            });
        }
        assertThat(bodyReads).as("bad credentials are rejected before the body is read").hasValue(0);

        VerificationResult both = verifier.verify(BearerRequest.ofHeader("Bearer " + created.token().value()),
                "req_both", Optional.of(client), () -> true);
        VerificationResult bodyOnly = verifier.verify(BearerRequest.ofHeader(null), "req_body", Optional.of(client),
                () -> true);

        assertThat(both.rejection().orElseThrow().message()).isEqualTo("The request carries credentials both in the"
                + " Authorization header and in the request body. Send the token only in the Authorization header.");
        assertThat(bodyOnly.rejection().orElseThrow().reason()).isEqualTo(Rejection.Reason.INVALID_REQUEST);
        assertThat(bodyOnly.rejection().orElseThrow().httpStatus()).isEqualTo(400);
    }
}
