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
import io.meetzy.verifier.internal.KeyedRateLimiters;
import io.meetzy.verifier.internal.PinnableNanoTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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
    private BearerRequest request;
    private ApiToken token;
    private byte[] tokenBytes;
    private MessageDigest digest;
    private final TokenHasher hasher = TokenHasher.sha256();
    private final PinnableNanoTime nanoTime = new PinnableNanoTime(System::nanoTime);
    private final KeyedRateLimiters limiters = new KeyedRateLimiters(UNREACHABLE, TokenVerifier.DEFAULT_MAX_TRACKED_KEYS,
            nanoTime, Runnable::run);

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        CachingTokenStore store = CachingTokenStore.wrap(new InMemoryTokenStore(), Duration.ofHours(1), 10_000);
        token = TokenManager.builder(store).build().create("acct_bench", "Benchmark", Expiration.NINETY_DAYS).token();
        tokenBytes = token.value().getBytes(StandardCharsets.US_ASCII);
        request = BearerRequest.ofHeader("Bearer " + token.value());
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
    }

    /** Hashes the token's bytes once with SHA-256 on a reused {@link MessageDigest}: the floor. */
    @Benchmark
    public byte[] sha256() {
        return digest.digest(tokenBytes);
    }

    /** Hashes the token as the verifier does, with a new {@link MessageDigest} each time. */
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
