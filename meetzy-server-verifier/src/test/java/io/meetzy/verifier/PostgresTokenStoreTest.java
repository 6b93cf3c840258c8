package io.meetzy.verifier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store contract on PostgreSQL, in a schema of its own that is dropped afterwards, because CI
 * reuses the same database. Runs only when {@code MEETZY_TEST_POSTGRES_URL} is set, for example to
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 */
class PostgresTokenStoreTest extends TokenStoreContractTest {

    static final String URL_VARIABLE = "MEETZY_TEST_POSTGRES_URL";

    private static String baseUrl;
    private static String schema;

    @BeforeAll
    static void createSchema() throws SQLException {
        baseUrl = System.getenv(URL_VARIABLE);
        if (!isConfigured()) {
            // Surefire copies test output to the console, where the skip reason would otherwise not appear.
            System.out.println("PostgreSQL tests skipped: set " + URL_VARIABLE
                    + " (for example jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them.");
            return;
        }

        schema = "meetzy_test_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static boolean isConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    static String schemaUrl() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Skips each test, with the reason in the report, when no PostgreSQL URL is configured. */
    @Override
    TokenStore openStore() {
        assumeTrue(isConfigured(), "set " + URL_VARIABLE + " to run the PostgreSQL tests");
        return JdbcTokenStore.open(schemaUrl());
    }

    @Override
    Optional<Connection> rawConnection() throws SQLException {
        return Optional.of(DriverManager.getConnection(schemaUrl()));
    }
}
