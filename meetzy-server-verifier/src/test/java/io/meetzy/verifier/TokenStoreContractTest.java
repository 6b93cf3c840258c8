package io.meetzy.verifier;

import io.meetzy.core.TokenHasher;
import io.meetzy.core.TokenMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The behaviour every {@link TokenStore} must have. Each store runs it through a subclass; the
 * checks on the table itself run only for the JDBC stores.
 */
abstract class TokenStoreContractTest {

    /** Instants with microseconds, like those the stores keep. */
    static final Instant CREATED = Instant.parse("2025-03-30T01:30:00.123456Z");
    static final Instant EXPIRES = CREATED.plus(Duration.ofDays(90));

    TokenStore store;
    String account;

    /** Opens a store on an empty or shared table; tests use a fresh account id, so they never see each other's rows. */
    abstract TokenStore openStore();

    /** Returns a plain JDBC connection to the store's database, or empty for a store without one. */
    Optional<Connection> rawConnection() throws SQLException {
        return Optional.empty();
    }

    @BeforeEach
    void openFreshStore() {
        store = openStore();
        account = TestTokens.randomAccount();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void insertThenFindByPrefixAndId() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);

        store.insert(issued.stored());

        StoredToken found = store.findByDisplayPrefix(issued.token().displayPrefix()).orElseThrow();
        assertThat(found.metadata()).isEqualTo(issued.metadata());
        assertThat(found.hash()).isEqualTo(issued.stored().hash());
        assertThat(store.findById(issued.metadata().id())).contains(issued.metadata());
    }

    @Test
    void unknownPrefixAndIdAreEmpty() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);

        assertThat(store.findByDisplayPrefix(issued.token().displayPrefix())).isEmpty();
        assertThat(store.findById(issued.metadata().id())).isEmpty();
    }

    @Test
    void duplicateIdIsRejected() {
        String id = TestTokens.randomId();
        store.insert(TestTokens.issue(id, account, CREATED, EXPIRES).stored());

        StoredToken sameId = TestTokens.issue(id, account, CREATED, EXPIRES).stored();

        assertThatThrownBy(() -> store.insert(sameId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id);
        assertThat(store.findByDisplayPrefix(sameId.metadata().displayPrefix())).isEmpty();
    }

    @Test
    void duplicateDisplayPrefixIsRejected() {
        TestTokens.Issued first = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        store.insert(first.stored());
        TokenMetadata other = first.metadata();
        TokenMetadata samePrefix = new TokenMetadata(TestTokens.randomId(), account, "Other", other.displayPrefix(),
                other.scopes(), CREATED, EXPIRES, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> store.insert(new StoredToken(samePrefix, first.stored().hash())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(other.displayPrefix());
        assertThat(store.findById(samePrefix.id())).isEmpty();
    }

    @Test
    void listIsNewestFirstThenById() {
        Instant older = CREATED;
        Instant newer = CREATED.plusSeconds(60);
        store.insert(TestTokens.issue("tok_b_old", account, older, EXPIRES).stored());
        store.insert(TestTokens.issue("tok_z_new", account, newer, EXPIRES).stored());
        store.insert(TestTokens.issue("tok_a_new", account, newer, EXPIRES).stored());
        store.insert(TestTokens.issue(TestTokens.randomId(), TestTokens.randomAccount(), newer, EXPIRES).stored());

        List<String> ids = store.listByAccount(account).stream().map(TokenMetadata::id).toList();

        assertThat(ids).containsExactly("tok_a_new", "tok_z_new", "tok_b_old");
    }

    @Test
    void listOfUnknownAccountIsEmpty() {
        assertThat(store.listByAccount(TestTokens.randomAccount())).isEmpty();
    }

    @Test
    void revokeOnceThenNoMore() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        store.insert(issued.stored());
        Instant revokedAt = CREATED.plusSeconds(10);

        assertThat(store.revoke(issued.metadata().id(), revokedAt)).isTrue();
        assertThat(store.revoke(issued.metadata().id(), revokedAt.plusSeconds(5))).isFalse();
        assertThat(store.revoke(TestTokens.randomId(), revokedAt)).isFalse();
        assertThat(store.findByDisplayPrefix(issued.token().displayPrefix()).orElseThrow().metadata().revokedAt())
                .contains(revokedAt);
    }

    @Test
    void shortenExpiryOnlyMovesEarlier() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        store.insert(issued.stored());
        String id = issued.metadata().id();
        Instant earlier = EXPIRES.minus(Duration.ofDays(30));

        assertThat(store.shortenExpiry(id, EXPIRES.plusSeconds(1))).isFalse();
        assertThat(store.shortenExpiry(id, EXPIRES)).isFalse();
        assertThat(store.shortenExpiry(id, earlier)).isTrue();
        assertThat(store.shortenExpiry(id, earlier)).isFalse();
        assertThat(store.shortenExpiry(TestTokens.randomId(), earlier)).isFalse();
        assertThat(store.findById(id).orElseThrow().expiresAt()).isEqualTo(earlier);
    }

    @Test
    void recordLastUsedKeepsLatest() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        store.insert(issued.stored());
        String id = issued.metadata().id();
        Instant first = CREATED.plusSeconds(100);

        store.recordLastUsed(id, first);
        store.recordLastUsed(id, first.minusSeconds(50));
        assertThat(store.findById(id).orElseThrow().lastUsedAt()).contains(first);

        store.recordLastUsed(id, first.plusSeconds(60));
        assertThat(store.findById(id).orElseThrow().lastUsedAt()).contains(first.plusSeconds(60));
    }

    @Test
    void recordLastUsedBatchAppliesEachEntry() {
        TestTokens.Issued used = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        TestTokens.Issued recent = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        store.insert(used.stored());
        store.insert(recent.stored());
        store.recordLastUsed(recent.metadata().id(), CREATED.plusSeconds(500));

        store.recordLastUsed(java.util.Map.of(
                used.metadata().id(), CREATED.plusSeconds(100),
                recent.metadata().id(), CREATED.plusSeconds(200),
                TestTokens.randomId(), CREATED.plusSeconds(300)));

        assertThat(store.findById(used.metadata().id()).orElseThrow().lastUsedAt()).contains(CREATED.plusSeconds(100));
        assertThat(store.findById(recent.metadata().id()).orElseThrow().lastUsedAt())
                .as("an earlier use never replaces a later one").contains(CREATED.plusSeconds(500));
    }

    @Test
    void recordLastUsedOfUnknownIdIsIgnored() {
        store.recordLastUsed(TestTokens.randomId(), CREATED);

        assertThat(store.listByAccount(account)).isEmpty();
    }

    @Test
    void instantsAreTruncatedToMicroseconds() {
        Instant withNanos = Instant.parse("2025-03-30T01:30:00.123456789Z");
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, withNanos, EXPIRES.plusNanos(999));
        store.insert(issued.stored());

        TokenMetadata found = store.findById(issued.metadata().id()).orElseThrow();

        assertThat(found.createdAt()).isEqualTo(Instant.parse("2025-03-30T01:30:00.123456Z"));
        assertThat(found.expiresAt()).isEqualTo(EXPIRES);
    }

    @Test
    void scopesRoundTrip() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        TokenMetadata metadata = issued.metadata();
        TokenMetadata noScopes = new TokenMetadata(metadata.id(), account, metadata.name(), metadata.displayPrefix(),
                Set.of(), CREATED, EXPIRES, Optional.empty(), Optional.empty());
        TestTokens.Issued other = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        TokenMetadata oneScope = new TokenMetadata(other.metadata().id(), account, "One", other.token().displayPrefix(),
                Set.of("assistants:read"), CREATED, EXPIRES, Optional.empty(), Optional.empty());

        store.insert(new StoredToken(noScopes, issued.stored().hash()));
        store.insert(new StoredToken(oneScope, other.stored().hash()));

        assertThat(store.findById(noScopes.id()).orElseThrow().scopes()).isEmpty();
        assertThat(store.findById(oneScope.id()).orElseThrow().scopes()).containsExactly("assistants:read");
    }

    @Test
    void unicodeNameRoundTrips() {
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        TokenMetadata metadata = issued.metadata();
        String name = "Prod \u00e9t\u00e9 \u6771\u4eac \ud83d\ude80 " + "x".repeat(80);
        TokenMetadata named = new TokenMetadata(metadata.id(), account, name, metadata.displayPrefix(),
                metadata.scopes(), CREATED, EXPIRES, Optional.empty(), Optional.empty());

        store.insert(new StoredToken(named, issued.stored().hash()));

        assertThat(store.findById(named.id()).orElseThrow().name()).isEqualTo(name);
    }

    @Test
    void instantsSurviveAnOddDefaultTimeZone() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
        try {
            store.close();
            store = openStore();

            // St. John's (UTC-3:30, UTC-2:30 in summer) jumps from 02:00 to 03:00 local time at
            // 2025-03-09T05:30Z, and lives 01:00-02:00 twice on 2 November: 04:15Z and 05:15Z are
            // both 01:45 there. A store that went through local time would shift one of them.
            Instant created = Instant.parse("2025-03-09T05:30:00.000001Z");
            Instant expires = Instant.parse("2025-11-02T05:15:00.999999Z");
            Instant revoked = Instant.parse("2025-11-02T04:15:00.5Z");
            TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, created, expires);
            store.insert(issued.stored());
            store.revoke(issued.metadata().id(), revoked);

            TokenMetadata found = store.findById(issued.metadata().id()).orElseThrow();
            assertThat(found.createdAt()).isEqualTo(created);
            assertThat(found.expiresAt()).isEqualTo(expires);
            assertThat(found.revokedAt()).contains(revoked);
            assertEpochSecondsInTable(issued.metadata().id(), "expires_at", expires);
            assertEpochSecondsInTable(issued.metadata().id(), "revoked_at", revoked);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void tableHoldsNoPlaintextToken() throws SQLException {
        Optional<Connection> connection = rawConnection();
        assumeTrue(connection.isPresent(), "this store has no table to read");
        TestTokens.Issued issued = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
        store.insert(issued.stored());
        String secret = issued.token().value().substring(24, 56);

        List<String> cells = new ArrayList<>();
        try (Connection raw = connection.get();
             PreparedStatement statement = raw.prepareStatement("SELECT * FROM meetzy_api_tokens WHERE id = ?")) {
            statement.setString(1, issued.metadata().id());
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                assertThat(rows.next()).isTrue();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    cells.add(String.valueOf(rows.getString(i)));
                    if (isBinary(columns.getColumnType(i))) {
                        cells.add(new String(rows.getBytes(i), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }

        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(issued.token().value()))
                .noneMatch(cell -> cell.contains(secret));
        assertThat(cells).anyMatch(cell -> cell.contains(issued.token().displayPrefix()));
    }

    @Test
    void concurrentInsertsAndLookups() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<TestTokens.Issued>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    List<TestTokens.Issued> issued = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        TestTokens.Issued token = TestTokens.issue(TestTokens.randomId(), account, CREATED, EXPIRES);
                        store.insert(token.stored());
                        assertThat(store.findByDisplayPrefix(token.token().displayPrefix())).isPresent();
                        issued.add(token);
                    }
                    return issued;
                }));
            }
            for (Future<List<TestTokens.Issued>> future : futures) {
                for (TestTokens.Issued token : future.get()) {
                    assertThat(store.findByDisplayPrefix(token.token().displayPrefix()).orElseThrow().hash()
                            .matches(TokenHasher.sha256().hash(token.token()))).isTrue();
                }
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(store.listByAccount(account)).hasSize(threads * perThread);
    }

    @Test
    void closedStoreRejectsCalls() {
        store.close();

        assertThatThrownBy(() -> store.findById("tok_x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        store.close();
    }

    private static boolean isBinary(int sqlType) {
        return sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY;
    }

    /** Checks the instant the database itself holds, as seconds since the epoch, whatever the session zone. */
    private void assertEpochSecondsInTable(String id, String column, Instant expected) {
        Optional<Connection> connection;
        try {
            connection = rawConnection();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        if (connection.isEmpty()) {
            return;
        }

        try (Connection raw = connection.get();
             PreparedStatement statement = raw.prepareStatement(
                     "SELECT EXTRACT(EPOCH FROM " + column + ") FROM meetzy_api_tokens WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                BigDecimal expectedSeconds = BigDecimal.valueOf(expected.getEpochSecond())
                        .add(BigDecimal.valueOf(expected.getNano(), 9));
                assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(expectedSeconds);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
