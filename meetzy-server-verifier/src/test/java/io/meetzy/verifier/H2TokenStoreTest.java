package io.meetzy.verifier;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** The store contract on an embedded H2 file, a fresh directory per test. */
class H2TokenStoreTest extends TokenStoreContractTest {

    @TempDir
    Path dataDirectory;

    @Override
    TokenStore openStore() {
        return JdbcTokenStore.openH2(dataDirectory);
    }

    @Override
    Optional<Connection> rawConnection() throws SQLException {
        Path path = dataDirectory.toAbsolutePath().resolve("meetzy-tokens");
        return Optional.of(DriverManager.getConnection("jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE"));
    }
}
