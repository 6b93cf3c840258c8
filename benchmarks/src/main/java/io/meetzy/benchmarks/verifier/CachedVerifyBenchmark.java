package io.meetzy.benchmarks.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenHasher;
import io.meetzy.verifier.BearerRequest;
import io.meetzy.verifier.CachingTokenStore;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.RateLimitPolicy;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.VerificationResult;
import io.meetzy.verifier.internal.AuthorizationHeader;
import io.meetzy.verifier.internal.KeyedRateLimiters;
import io.meetzy.verifier.internal.PinnableNanoTime;
import io.meetzy.verifier.internal.UsageRecorder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A verification served from {@link CachingTokenStore}, against one SHA-256 of the same token in
 * the same run: the hash is the one cost a verification cannot avoid, so the ratio shows what
 * everything else (parsing, checksum, cache, constant-time compare, rate limiter, usage note)
 * adds. The fork's JVM arguments turn the audit logger off, so the numbers exclude log output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.log.meetzy.audit=off")
public class CachedVerifyBenchmark {

    /** A limit no benchmark reaches, so every verification takes the full success path. */
    private static final RateLimitPolicy UNREACHABLE = new RateLimitPolicy(999_999_999, Duration.ofSeconds(1));

    private TokenVerifier verifier;
    private CachingTokenStore store;
    private UsageRecorder usage;
    private Instant usageTime;
    private String header;
    private BearerRequest request;
    private ApiToken token;
    private byte[] tokenBytes;
    private MessageDigest digest;
    private final TokenHasher hasher = TokenHasher.sha256();
    private final Clock clock = Clock.systemUTC();
    private final PinnableNanoTime nanoTime = new PinnableNanoTime(System::nanoTime);
    private final KeyedRateLimiters limiters = new KeyedRateLimiters(UNREACHABLE, TokenVerifier.DEFAULT_MAX_TRACKED_KEYS,
            nanoTime, Runnable::run);

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        store = CachingTokenStore.wrap(new InMemoryTokenStore(), Duration.ofHours(1), 10_000);
        token = TokenManager.builder(store).build().create("acct_bench", "Benchmark", Expiration.NINETY_DAYS).token();
        tokenBytes = token.value().getBytes(StandardCharsets.US_ASCII);
        header = "Bearer " + token.value();
        request = BearerRequest.ofHeader(header);
        // The usage note takes the verifier's settings, with a store that is never written to:
        // after the first note, every call finds the token noted within the minute.
        usage = new UsageRecorder(new InMemoryTokenStore(), Duration.ofMinutes(1), TokenVerifier.DEFAULT_USAGE_FLUSH_INTERVAL,
                TokenVerifier.DEFAULT_MAX_TRACKED_KEYS, nanoTime);
        usageTime = clock.instant();
        digest = MessageDigest.getInstance("SHA-256");
        verifier = TokenVerifier.builder(store).rateLimit(UNREACHABLE).build();

        VerificationResult warm = verifier.verify(request, "req_bench");
        if (!warm.isVerified()) {
            throw new IllegalStateException("The benchmark token did not verify: " + warm);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        verifier.close();
        usage.close();
    }

    /** Hashes the token's bytes once with SHA-256 on a reused {@link MessageDigest}: the floor. */
    @Benchmark
    public byte[] sha256() {
        return digest.digest(tokenBytes);
    }

    /** Hashes the token as the verifier does, through {@link TokenHasher} and its per-thread digest. */
    @Benchmark
    public Object sha256ThroughTokenHasher() {
        return hasher.hash(token);
    }

    /** Parses the token and checks its checksum: one part of the verification, to explain the ratio. */
    @Benchmark
    public Object parseOnly() {
        return ApiToken.parse(token.value());
    }

    /**
     * Takes a grant from a per-token rate limiter, with the time pinned to one reading as the
     * verifier pins it: another part of the verification.
     */
    @Benchmark
    public Object rateLimiterOnly() {
        nanoTime.pin();
        try {
            return limiters.acquire("tok_benchmark000001");
        } finally {
            nanoTime.unpin();
        }
    }

    /** Reads the wall clock as the verifier does once per verification, for expiry: another part. */
    @Benchmark
    public Instant clockOnly() {
        return clock.instant();
    }

    /** Splits the Authorization header into scheme and token: another part. */
    @Benchmark
    public Object headerParseOnly() {
        return AuthorizationHeader.parse(header);
    }

    /** Looks the token up in the cache by a display prefix cut from the token, as the verifier does. */
    @Benchmark
    public Object cacheLookupOnly() {
        return store.findByDisplayPrefix(token.displayPrefix());
    }

    /** Checks whether the token's use needs noting, with the time pinned: the usage part of the verification. */
    @Benchmark
    public boolean usageNoteOnly() {
        nanoTime.pin();
        try {
            return usage.record("tok_benchmark000001", usageTime, Optional.empty());
        } finally {
            nanoTime.unpin();
        }
    }

    /** Verifies a cached, valid token with the caller's request id. */
    @Benchmark
    public VerificationResult cachedVerify() {
        return verifier.verify(request, "req_bench");
    }

    /** Verifies with a fresh request id, as the HTTP filters create one per request. */
    @Benchmark
    public VerificationResult cachedVerifyWithNewRequestId() {
        return verifier.verify(request, TokenVerifier.newRequestId());
    }
}
