package io.meetzy.verifier;

import io.meetzy.core.TokenHash;
import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.internal.ConnectionPool;
import io.meetzy.verifier.internal.Instants;
import io.meetzy.verifier.internal.JdbcUrls;
import io.meetzy.verifier.internal.SqlDialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link TokenStore} in the table {@code meetzy_api_tokens} of an H2 or PostgreSQL database.
 * The schema scripts ship in this jar under {@code io/meetzy/verifier/schema/} ({@code h2.sql},
 * {@code postgresql.sql}) and are applied on start unless {@link Builder#createSchema(boolean)}
 * turns that off; every statement is {@code CREATE ... IF NOT EXISTS}, so reapplying is harmless.
 *
 * <p>Instants are written and read as {@code TIMESTAMP WITH TIME ZONE} through
 * {@link OffsetDateTime} in UTC, so neither the JVM's nor the session's time zone shifts them.
 * They keep microsecond precision, as {@link TokenStore} says.
 *
 * <p>Connections come from a small internal pool (at most {@link Builder#maxConnections(int)},
 * default {@value #DEFAULT_MAX_CONNECTIONS}). Each operation is one auto-committed statement.
 * Thread-safe. Database failures throw {@link JdbcStoreException}.
 */
public final class JdbcTokenStore implements TokenStore {

    /**
     * Enough for the handful of requests a service verifies at once: each verification holds a
     * connection for one indexed lookup. It also stays far below PostgreSQL's default
     * {@code max_connections} of 100, which every replica of a service shares.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;

    /** How long an operation waits for a free connection before failing, rather than hanging a request. */
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(10);

    /** The H2 database name under the data directory: H2 adds {@code .mv.db} to it. */
    private static final String H2_DATABASE_NAME = "meetzy-tokens";

    private static final String COLUMNS = "id, account_id, name, display_prefix, token_hash, scopes,"
            + " created_at, expires_at, last_used_at, revoked_at";

    private final String redactedUrl;
    private final ConnectionPool pool;

    private JdbcTokenStore(Builder builder, SqlDialect dialect) {
        this.redactedUrl = JdbcUrls.redact(builder.jdbcUrl);

        Properties credentials = new Properties();
        builder.user.ifPresent(user -> credentials.setProperty("user", user));
        builder.password.ifPresent(password -> credentials.setProperty("password", password));
        this.pool = new ConnectionPool(builder.jdbcUrl, credentials, builder.maxConnections, BORROW_TIMEOUT);

        if (builder.createSchema) {
            createSchema(dialect);
        }
    }

    /**
     * Opens the embedded H2 database {@value #H2_DATABASE_NAME} in {@code dataDirectory}, creating
     * the directory and the schema if absent.
     *
     * <p>The database opens in H2's {@code AUTO_SERVER} mode, so a second process (the
     * {@code meetzy} CLI next to a running server, for example) can open the same directory: the
     * first process to open the file serves it to the others over TCP. H2 starts that server on a
     * random port, guarded by a random key in the lock file that only local users can read, and
     * listens on every interface. Set the system property {@code h2.bindAddress=127.0.0.1} to keep
     * it on loopback.
     *
     * @throws IllegalArgumentException if the path contains a {@code ;}, which would end the JDBC URL,
     *     or is a file
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static JdbcTokenStore openH2(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (directory.toString().contains(";")) {
            throw new IllegalArgumentException("The data directory " + directory
                    + " contains ';', which H2 reads as the end of the database path. Choose a directory without it.");
        }

        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("The data directory " + directory + " is a file. Choose a directory,"
                    + " or a path that does not exist yet.");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data directory " + directory
                    + " (" + e.getClass().getSimpleName() + "). Check that it is writable.", e);
        }

        String path = directory.resolve(H2_DATABASE_NAME).toString().replace('\\', '/');
        return builder().jdbcUrl("jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE").build();
    }

    /**
     * Returns whether {@code dataDirectory} contains the H2 database that {@link #openH2} opens,
     * for tools that must not create a new, empty store by mistake.
     */
    public static boolean existsH2(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return Files.isRegularFile(dataDirectory.resolve(H2_DATABASE_NAME + ".mv.db"));
    }

    /**
     * Opens the database at {@code jdbcUrl} ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}),
     * creating the schema if absent. Credentials may be part of the URL.
     */
    public static JdbcTokenStore open(String jdbcUrl) {
        return builder().jdbcUrl(jdbcUrl).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void insert(StoredToken token) {
        Objects.requireNonNull(token, "token");
        TokenMetadata metadata = Instants.truncate(token.metadata());

        String sql = "INSERT INTO meetzy_api_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            pool.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, metadata.id());
                    statement.setString(2, metadata.accountId());
                    statement.setString(3, metadata.name());
                    statement.setString(4, metadata.displayPrefix());
                    statement.setBytes(5, token.hash().bytes());
                    statement.setString(6, String.join(" ", metadata.scopes()));
                    setInstant(statement, 7, Optional.of(metadata.createdAt()));
                    setInstant(statement, 8, Optional.of(metadata.expiresAt()));
                    setInstant(statement, 9, metadata.lastUsedAt());
                    setInstant(statement, 10, metadata.revokedAt());
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new IllegalStateException("A token with id '" + metadata.id() + "' or display prefix '"
                        + metadata.displayPrefix() + "' already exists.", e);
            }
            throw failure("insert", e);
        }
    }

    @Override
    public Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        List<StoredToken> found = query("findByDisplayPrefix",
                "SELECT " + COLUMNS + " FROM meetzy_api_tokens WHERE display_prefix = ?", displayPrefix);
        return found.stream().findFirst();
    }

    @Override
    public Optional<TokenMetadata> findById(String id) {
        Objects.requireNonNull(id, "id");
        List<StoredToken> found = query("findById", "SELECT " + COLUMNS + " FROM meetzy_api_tokens WHERE id = ?", id);
        return found.stream().findFirst().map(StoredToken::metadata);
    }

    @Override
    public List<TokenMetadata> listByAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        List<StoredToken> found = query("listByAccount", "SELECT " + COLUMNS
                + " FROM meetzy_api_tokens WHERE account_id = ? ORDER BY created_at DESC, id ASC", accountId);
        return found.stream().map(StoredToken::metadata).toList();
    }

    @Override
    public boolean revoke(String id, Instant revokedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revokedAt, "revokedAt");
        return update("revoke", "UPDATE meetzy_api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Instants.truncate(revokedAt), id, null) == 1;
    }

    @Override
    public boolean shortenExpiry(String id, Instant expiresAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant newExpiry = Instants.truncate(expiresAt);
        return update("shortenExpiry", "UPDATE meetzy_api_tokens SET expires_at = ? WHERE id = ? AND expires_at > ?",
                newExpiry, id, newExpiry) == 1;
    }

    @Override
    public void recordLastUsed(String id, Instant usedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(usedAt, "usedAt");
        Instant used = Instants.truncate(usedAt);
        update("recordLastUsed", "UPDATE meetzy_api_tokens SET last_used_at = ?"
                + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)", used, id, used);
    }

    /** Writes all the uses in one JDBC batch on one connection. */
    @Override
    public void recordLastUsed(Map<String, Instant> usedAtById) {
        Objects.requireNonNull(usedAtById, "usedAtById");
        if (usedAtById.isEmpty()) {
            return;
        }

        String sql = "UPDATE meetzy_api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";
        try {
            pool.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (Map.Entry<String, Instant> use : usedAtById.entrySet()) {
                        Instant used = Instants.truncate(use.getValue());
                        setInstant(statement, 1, Optional.of(used));
                        statement.setString(2, use.getKey());
                        setInstant(statement, 3, Optional.of(used));
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw failure("recordLastUsed", e);
        }
    }

    /** Closes the pooled connections. Closing twice is harmless. */
    @Override
    public void close() {
        pool.close();
    }

    /** Prints the JDBC URL with any password hidden. */
    @Override
    public String toString() {
        return "JdbcTokenStore[" + redactedUrl + "]";
    }

    private void createSchema(SqlDialect dialect) {
        try {
            pool.run(connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : dialect.schemaStatements()) {
                        statement.execute(sql);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            pool.close();
            throw failure("createSchema", e);
        }
    }

    private List<StoredToken> query(String operation, String sql, String parameter) {
        try {
            return pool.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, parameter);
                    try (ResultSet rows = statement.executeQuery()) {
                        List<StoredToken> tokens = new ArrayList<>();
                        while (rows.next()) {
                            tokens.add(readRow(rows));
                        }
                        return tokens;
                    }
                }
            });
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /** Runs {@code UPDATE ... SET column = instant WHERE id = id [AND ... ?]} and returns the row count. */
    private int update(String operation, String sql, Instant instant, String id, Instant condition) {
        try {
            return pool.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    setInstant(statement, 1, Optional.of(instant));
                    statement.setString(2, id);
                    if (condition != null) {
                        setInstant(statement, 3, Optional.of(condition));
                    }
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    private static StoredToken readRow(ResultSet rows) throws SQLException {
        TokenMetadata metadata = new TokenMetadata(
                rows.getString("id"),
                rows.getString("account_id"),
                rows.getString("name"),
                rows.getString("display_prefix"),
                parseScopes(rows.getString("scopes")),
                getInstant(rows, "created_at").orElseThrow(),
                getInstant(rows, "expires_at").orElseThrow(),
                getInstant(rows, "last_used_at"),
                getInstant(rows, "revoked_at"));
        return new StoredToken(metadata, TokenHash.of(rows.getBytes("token_hash")));
    }

    private static Set<String> parseScopes(String text) {
        return Arrays.stream(text.split(" "))
                .filter(scope -> !scope.isEmpty())
                .collect(Collectors.toSet());
    }

    private static void setInstant(PreparedStatement statement, int index, Optional<Instant> instant)
            throws SQLException {
        if (instant.isEmpty()) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            return;
        }
        statement.setObject(index, instant.get().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Optional<Instant> getInstant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** SQLSTATE 23505 is the standard unique violation, used by both H2 and PostgreSQL. */
    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private JdbcStoreException failure(String operation, SQLException cause) {
        return new JdbcStoreException(operation, redactedUrl, cause);
    }

    /**
     * Configures a {@link JdbcTokenStore}. Only the JDBC URL is required.
     */
    public static final class Builder {

        private String jdbcUrl;
        private Optional<String> user = Optional.empty();
        private Optional<String> password = Optional.empty();
        private boolean createSchema = true;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {
        }

        /** Sets the database URL: {@code jdbc:h2:...} or {@code jdbc:postgresql:...}. */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (SqlDialect.forUrl(jdbcUrl).isEmpty()) {
                throw new IllegalArgumentException("Unsupported JDBC URL '" + JdbcUrls.redact(jdbcUrl)
                        + "': use one that starts with " + SqlDialect.supportedPrefixes() + ".");
            }
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** Sets the database user, when the URL does not carry it. */
        public Builder user(String user) {
            this.user = Optional.of(Objects.requireNonNull(user, "user"));
            return this;
        }

        /** Sets the database password, when the URL does not carry it. It appears in no message. */
        public Builder password(String password) {
            this.password = Optional.of(Objects.requireNonNull(password, "password"));
            return this;
        }

        /** Sets whether {@link #build()} creates the table and index if absent. Default true. */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /** Sets the maximum number of open connections. Default {@value JdbcTokenStore#DEFAULT_MAX_CONNECTIONS}. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections + ".");
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Opens the store and, if asked, creates the schema.
         *
         * @throws IllegalStateException if no JDBC URL was set
         * @throws JdbcStoreException if the database cannot be reached or the schema cannot be created
         */
        public JdbcTokenStore build() {
            if (jdbcUrl == null) {
                throw new IllegalStateException("Set the JDBC URL with jdbcUrl(...) before build().");
            }
            return new JdbcTokenStore(this, SqlDialect.forUrl(jdbcUrl).orElseThrow());
        }

        @Override
        public String toString() {
            return "JdbcTokenStore.Builder[" + (jdbcUrl == null ? "no URL" : JdbcUrls.redact(jdbcUrl)) + "]";
        }
    }
}
