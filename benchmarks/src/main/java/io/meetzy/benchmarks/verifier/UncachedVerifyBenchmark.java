package io.meetzy.benchmarks.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.GeneratedToken;
import io.meetzy.core.TokenGenerator;
import io.meetzy.core.TokenHasher;
import io.meetzy.verifier.BearerRequest;
import io.meetzy.verifier.JdbcTokenStore;
import io.meetzy.verifier.RateLimitPolicy;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.VerificationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A verification that reads the store every time (no cache), on H2 (embedded file database) and
 * PostgreSQL, with 10^3, 10^5 and 10^6 tokens stored, to show that the indexed lookup by display
 * prefix costs the same whatever the table size.
 *
 * <p>PostgreSQL is read from {@code MEETZY_BENCH_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); the rows go into a schema of their
 * own, {@code meetzy_bench_verify}, which is dropped after each trial. Each trial verifies 1,000
 * tokens spread over the table, in turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.meetzy.audit=off", "-Xmx2g"})
public class UncachedVerifyBenchmark {

    private static final String SCHEMA = "meetzy_bench_verify";
    private static final int SAMPLES = 1_000;
    private static final int BATCH = 5_000;
    private static final RateLimitPolicy UNREACHABLE = new RateLimitPolicy(999_999_999, Duration.ofSeconds(1));

    @Param({"h2", "postgresql"})
    public String database;

    @Param({"1000", "100000", "1000000"})
    public int storedTokens;

    private Path h2Directory;
    private String jdbcUrl;
    private JdbcTokenStore store;
    private TokenVerifier verifier;
    private List<BearerRequest> samples;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        jdbcUrl = openDatabase();
        store = JdbcTokenStore.open(jdbcUrl);
        samples = insertTokens(jdbcUrl, storedTokens);
        verifier = TokenVerifier.builder(store).rateLimit(UNREACHABLE).build();

        for (BearerRequest sample : samples) {
            VerificationResult result = verifier.verify(sample, "req_warm");
            if (!result.isVerified()) {
                throw new IllegalStateException("A benchmark token did not verify: " + result);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        verifier.close();
        store.close();
        if (h2Directory != null) {
            try (Stream<Path> files = Files.walk(h2Directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(postgresUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            // Writes out what the drop left behind, so the next trial does not pay for this one.
            statement.execute("CHECKPOINT");
        }
    }

    @Benchmark
    public VerificationResult uncachedVerify() {
        BearerRequest request = samples.get(next);
        next = (next + 1) % samples.size();
        return verifier.verify(request, "req_bench");
    }

    private String openDatabase() throws IOException, SQLException {
        if ("h2".equals(database)) {
            h2Directory = Files.createTempDirectory("meetzy-bench-h2");
            return "jdbc:h2:file:" + h2Directory.resolve("tokens").toString().replace('\\', '/');
        }

        try (Connection connection = DriverManager.getConnection(postgresUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        return postgresUrl() + "&currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true";
    }

    private static String postgresUrl() {
        String url = System.getenv("MEETZY_BENCH_POSTGRES_URL");
        return url == null ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    /**
     * Inserts {@code count} real tokens in JDBC batches, faster than one statement per token, and
     * returns {@link #SAMPLES} of them spread evenly over the insertion order.
     */
    private static List<BearerRequest> insertTokens(String url, int count) throws SQLException {
        Instant now = Instant.now();
        TokenGenerator generator = new TokenGenerator(new SecureRandom(), Clock.fixed(now, ZoneOffset.UTC));
        TokenHasher hasher = TokenHasher.sha256();
        int step = Math.max(1, count / SAMPLES);
        List<BearerRequest> samples = new ArrayList<>();

        String sql = "INSERT INTO meetzy_api_tokens (id, account_id, name, display_prefix, token_hash, scopes,"
                + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                GeneratedToken generated = generator.generate(Expiration.NINETY_DAYS);
                ApiToken token = generated.token();
                insert.setString(1, "tok_bench" + i);
                insert.setString(2, "acct_" + (i % 1_000));
                insert.setString(3, "Benchmark " + i);
                insert.setString(4, token.displayPrefix());
                insert.setBytes(5, hasher.hash(token).bytes());
                insert.setString(6, "assistants:read tokens:read tokens:write");
                insert.setObject(7, generated.createdAt().atOffset(ZoneOffset.UTC));
                insert.setObject(8, generated.expiresAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (i % step == 0 && samples.size() < SAMPLES) {
                    samples.add(BearerRequest.ofHeader("Bearer " + token.value()));
                }
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
            settle(connection, url.startsWith("jdbc:h2:"));
        }
        return samples;
    }

    /**
     * Brings the freshly loaded table to the state a long-running database keeps it in, so that the
     * trial measures lookups and not the aftermath of the bulk load. Both databases gather
     * statistics and write their dirty pages in a checkpoint. PostgreSQL also vacuums the table,
     * which sets hint bits and the visibility map, because this server runs without autovacuum.
     */
    private static void settle(Connection connection, boolean isH2) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (isH2) {
                statement.execute("ANALYZE TABLE meetzy_api_tokens");
                statement.execute("CHECKPOINT SYNC");
                return;
            }
            statement.execute("VACUUM (ANALYZE) meetzy_api_tokens");
            statement.execute("CHECKPOINT");
        }
    }
}
