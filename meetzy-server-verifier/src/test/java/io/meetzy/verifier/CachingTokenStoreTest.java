package io.meetzy.verifier;

import io.meetzy.core.Expiration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingTokenStoreTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final RateLimitPolicy UNLIMITED = new RateLimitPolicy(1_000_000_000, Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingTokenStore backing = new CountingTokenStore();
    private final CachingTokenStore cache = CachingTokenStore.wrap(backing, Duration.ofMinutes(5), 100);
    private final TokenManager manager = TokenManager.builder(cache).clock(clock).build();
    private final TokenVerifier verifier = TokenVerifier.builder(cache).clock(clock).rateLimit(UNLIMITED).build();

    @Test
    void repeatedVerificationReadsStoreOnce() {
        String header = "Bearer " + manager.create("acct_1", "Hot", Expiration.THIRTY_DAYS).token().value();

        for (int i = 0; i < 10; i++) {
            assertThat(verifier.verify(header).isVerified()).isTrue();
        }

        assertThat(backing.lookups).hasValue(1);
    }

    @Test
    void revokeTakesEffectOnNextVerification() {
        CreatedToken created = manager.create("acct_1", "Cached", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();
        assertThat(verifier.verify(header).isVerified()).isTrue();

        manager.revoke("acct_1", created.metadata().id());

        assertThat(verifier.verify(header).rejection().orElseThrow().reason()).isEqualTo(Rejection.Reason.REVOKED_TOKEN);
    }

    @Test
    void shortenedExpiryTakesEffectOnNextVerification() {
        CreatedToken created = manager.create("acct_1", "Rotated", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();
        assertThat(verifier.verify(header).isVerified()).isTrue();

        cache.shortenExpiry(created.metadata().id(), NOW);

        assertThat(verifier.verify(header).rejection().orElseThrow().reason()).isEqualTo(Rejection.Reason.EXPIRED_TOKEN);
    }

    @Test
    void expiryIsCheckedOnEveryHit() {
        CreatedToken created = manager.create("acct_1", "Ending", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();
        CachingTokenStore longCache = CachingTokenStore.wrap(backing, Duration.ofDays(365), 100);
        TokenVerifier longVerifier = TokenVerifier.builder(longCache).clock(clock).rateLimit(UNLIMITED).build();
        assertThat(longVerifier.verify(header).isVerified()).isTrue();

        clock.set(created.metadata().expiresAt());

        assertThat(longVerifier.verify(header).rejection().orElseThrow().reason())
                .isEqualTo(Rejection.Reason.EXPIRED_TOKEN);
        assertThat(backing.lookups).as("served from the cache").hasValue(1);
    }

    @Test
    void entryExpiresAfterTtl() throws Exception {
        CachingTokenStore shortCache = CachingTokenStore.wrap(backing, Duration.ofMillis(1), 100);
        TokenVerifier shortVerifier = TokenVerifier.builder(shortCache).clock(clock).rateLimit(UNLIMITED).build();
        String header = "Bearer " + manager.create("acct_1", "Brief", Expiration.THIRTY_DAYS).token().value();

        shortVerifier.verify(header);
        // Caffeine reads System.nanoTime for the TTL, so this one waits in real time: 1 ms.
        Thread.sleep(5);
        shortVerifier.verify(header);

        assertThat(backing.lookups).hasValue(2);
    }

    @Test
    void unknownTokensAreNotCached() {
        CreatedToken created = manager.create("acct_1", "Later", Expiration.THIRTY_DAYS);
        String guess = "Bearer " + TestTokens.withOtherSecret(created.token()).value();
        String unknown = "Bearer " + TestTokens.issue("tok_x", "acct_x", NOW, NOW.plus(Duration.ofDays(30))).token().value();

        verifier.verify(unknown);
        verifier.verify(unknown);
        verifier.verify(guess);
        verifier.verify(guess);

        assertThat(backing.lookups).as("the unknown token is looked up each time, the guessed one is cached once")
                .hasValue(3);
    }

    @Test
    void badTokensReachNeitherCacheNorStore() {
        CountingTokenStore front = new CountingTokenStore(cache);
        TokenVerifier counted = TokenVerifier.builder(front).clock(clock).rateLimit(UNLIMITED).build();
        CreatedToken created = manager.create("acct_1", "Real", Expiration.THIRTY_DAYS);
        String value = created.token().value();
        String badChecksum = value.substring(0, 40) + (value.charAt(40) == 'a' ? 'b' : 'a') + value.substring(41);
        CreatedToken old = manager.create("acct_1", "Old", Expiration.THIRTY_DAYS);
        clock.set(NOW.plus(Duration.ofDays(31)));

        counted.verify("Bearer mzy_tooshort");
        counted.verify("Bearer " + value.replace('_', '-'));
        counted.verify("Bearer " + badChecksum);
        counted.verify("Bearer " + old.token().value());

        assertThat(front.lookups).as("calls into the cache").hasValue(0);
        assertThat(backing.lookups).as("calls into the store").hasValue(0);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> CachingTokenStore.wrap(backing, Duration.ZERO, 10))
                .hasMessage("The cache TTL must be positive, got PT0S.");
        assertThatThrownBy(() -> CachingTokenStore.wrap(backing, Duration.ofSeconds(1), 0))
                .hasMessage("The cache must hold at least 1 entry, got 0.");
    }

    /**
     * Eight threads verify one token in a loop while the main thread revokes it. The store pauses
     * between reading a token and returning it, so lookups that read before the revocation finish
     * after it. No verification that started after {@code revoke} returned may succeed.
     */
    @Test
    void noVerificationAfterRevokeSucceedsUnderContention() throws Exception {
        SlowLookupStore slow = new SlowLookupStore();
        CachingTokenStore racing = CachingTokenStore.wrap(slow, Duration.ofMinutes(5), 1_000);
        TokenManager racingManager = TokenManager.builder(racing).clock(clock).build();
        TokenVerifier racingVerifier = TokenVerifier.builder(racing).clock(clock).rateLimit(UNLIMITED).build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger lateSuccesses = new AtomicInteger();
        AtomicInteger earlySuccesses = new AtomicInteger();

        for (int round = 0; round < 100; round++) {
            CreatedToken created = racingManager.create("acct_1", "Round " + round, Expiration.THIRTY_DAYS);
            String header = "Bearer " + created.token().value();
            AtomicBoolean revoked = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong verifications = new AtomicLong();

            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(threads.submit(() -> {
                    while (!stop.get()) {
                        boolean startedAfterRevoke = revoked.get();
                        boolean verified = racingVerifier.verify(header).isVerified();
                        verifications.incrementAndGet();
                        if (verified && startedAfterRevoke) {
                            lateSuccesses.incrementAndGet();
                        } else if (verified) {
                            earlySuccesses.incrementAndGet();
                        }
                    }
                }));
            }

            awaitCount(verifications, 50);
            racingManager.revoke("acct_1", created.metadata().id());
            revoked.set(true);
            awaitCount(verifications, verifications.get() + 200);
            stop.set(true);
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
        }
        threads.shutdown();

        assertThat(earlySuccesses.get()).as("verifications succeeded before each revocation").isPositive();
        assertThat(slow.pausedLookups.get()).as("lookups raced the revocations").isPositive();
        assertThat(lateSuccesses).hasValue(0);
    }

    private static void awaitCount(AtomicLong counter, long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (counter.get() < target) {
            assertThat(System.nanoTime()).as("verifier threads make progress").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** An in-memory store whose lookups yield between reading and returning, which widens every race with revoke. */
    private static final class SlowLookupStore extends ForwardingTokenStore {

        final AtomicInteger pausedLookups = new AtomicInteger();

        SlowLookupStore() {
            super(new InMemoryTokenStore());
        }

        @Override
        public Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
            Optional<StoredToken> found = delegate.findByDisplayPrefix(displayPrefix);
            for (int i = 0; i < 20; i++) {
                Thread.yield();
            }
            pausedLookups.incrementAndGet();
            return found;
        }
    }
}
