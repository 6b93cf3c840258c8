package io.meetzy.verifier;

import io.meetzy.core.Expiration;
import io.meetzy.core.TokenMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the JDBC store does beyond the store contract: files, processes, URLs and failures. */
class JdbcTokenStoreTest {

    @TempDir
    Path dataDirectory;

    @Test
    void secondProcessOpensSameDirectory() throws Exception {
        try (JdbcTokenStore store = JdbcTokenStore.openH2(dataDirectory)) {
            TokenManager manager = TokenManager.builder(store).build();
            CreatedToken first = manager.create("acct_shared", "Created by the test process", Expiration.NINETY_DAYS);

            ChildResult child = runSecondProcess(dataDirectory, "acct_shared");

            assertThat(child.exitCode()).as("child output:%n%s", child.output()).isZero();
            assertThat(child.output()).contains("listed " + first.metadata().id());
            String createdId = child.output().lines().filter(line -> line.startsWith("created "))
                    .map(line -> line.substring("created ".length())).findFirst().orElseThrow();
            assertThat(manager.list("acct_shared")).extracting(TokenMetadata::id)
                    .containsExactlyInAnyOrder(first.metadata().id(), createdId);
        }
    }

    @Test
    void openH2CreatesDirectoryAndDatabaseFile() {
        Path nested = dataDirectory.resolve("a/b");

        try (JdbcTokenStore store = JdbcTokenStore.openH2(nested)) {
            assertThat(store.listByAccount("acct_x")).isEmpty();
        }

        assertThat(nested.resolve("meetzy-tokens.mv.db")).exists();
    }

    @Test
    void existsH2OnlyAfterOpening() {
        Path nested = dataDirectory.resolve("store");

        boolean before = JdbcTokenStore.existsH2(nested);
        JdbcTokenStore.openH2(nested).close();

        assertThat(before).isFalse();
        assertThat(JdbcTokenStore.existsH2(nested)).isTrue();
    }

    @Test
    void fileAsDataDirectoryIsRejected() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("notes.txt"), "not a directory");

        assertThatThrownBy(() -> JdbcTokenStore.openH2(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The data directory " + file.toAbsolutePath().normalize() + " is a file. Choose a"
                        + " directory, or a path that does not exist yet.");
    }

    @Test
    void reopeningKeepsTokens() {
        CreatedToken created;
        try (JdbcTokenStore store = JdbcTokenStore.openH2(dataDirectory)) {
            created = TokenManager.builder(store).build().create("acct_1", "Kept", Expiration.ONE_YEAR);
        }

        try (JdbcTokenStore store = JdbcTokenStore.openH2(dataDirectory)) {
            assertThat(store.findById(created.metadata().id())).contains(created.metadata());
        }
    }

    @Test
    void semicolonInDirectoryIsRejected() {
        Path bad = dataDirectory.resolve("x;MODE=MySQL");

        assertThatThrownBy(() -> JdbcTokenStore.openH2(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("without it");
    }

    @Test
    void unsupportedUrlIsRejectedWithoutPassword() {
        assertThatThrownBy(() -> JdbcTokenStore.open("jdbc:mysql://127.0.0.1/db?user=u&password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unsupported JDBC URL 'jdbc:mysql://127.0.0.1/db?user=u&password=***':"
                        + " use one that starts with jdbc:h2: or jdbc:postgresql:.");
    }

    @Test
    void buildWithoutUrlFails() {
        assertThatThrownBy(() -> JdbcTokenStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbcUrl(...)");
    }

    @Test
    void missingTableFailsNamingOperationAndUrl() {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("empty") + ";PASSWORD=hunter2";

        try (JdbcTokenStore store = JdbcTokenStore.builder().jdbcUrl(url).user("sa").createSchema(false).build()) {
            assertThatThrownBy(() -> store.findByDisplayPrefix("mzy_0000000000000000000A"))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageStartingWith("Token store operation 'findByDisplayPrefix' failed on jdbc:h2:file:")
                    .hasMessageContaining(";PASSWORD=***")
                    .hasMessageNotContaining("hunter2")
                    .satisfies(e -> assertThat(((JdbcStoreException) e).operation()).isEqualTo("findByDisplayPrefix"));
            assertThat(store.toString()).doesNotContain("hunter2");
        }
    }

    @Test
    void unreachableDatabaseFailsAtBuild() {
        // Port 1 on loopback has no listener, so the connection is refused at once.
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=u&password=hunter2&connectTimeout=2";

        assertThatThrownBy(() -> JdbcTokenStore.open(url))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageStartingWith("Token store operation 'createSchema' failed on "
                        + "jdbc:postgresql://127.0.0.1:1/test?user=u&password=***&connectTimeout=2: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void schemaCreationIsIdempotent() throws SQLException {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("twice");
        JdbcTokenStore.open(url).close();

        try (JdbcTokenStore store = JdbcTokenStore.open(url)) {
            assertThat(store.listByAccount("acct_1")).isEmpty();
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT COUNT(*) FROM meetzy_api_tokens");
        }
    }

    @Test
    void storeRecoversAfterFailedStatement() throws SQLException {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("broken") + ";AUTO_SERVER=TRUE";
        try (JdbcTokenStore store = JdbcTokenStore.builder().jdbcUrl(url).maxConnections(1).build()) {
            try (Connection admin = DriverManager.getConnection(url);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP TABLE meetzy_api_tokens");
                assertThatThrownBy(() -> store.listByAccount("acct_1")).isInstanceOf(JdbcStoreException.class);

                statement.execute(new String(JdbcTokenStore.class
                        .getResourceAsStream("/io/meetzy/verifier/schema/h2.sql").readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("(?m)^--.*$", ""));
            } catch (IOException e) {
                throw new AssertionError(e);
            }

            assertThat(store.listByAccount("acct_1")).isEmpty();
        }
    }

    private record ChildResult(int exitCode, String output) {
    }

    private static ChildResult runSecondProcess(Path dataDirectory, String account) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = Files.createTempFile(dataDirectory, "child", ".log");
        Process process = new ProcessBuilder(List.of(java,
                "-Dh2.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"),
                SecondProcessMain.class.getName(),
                dataDirectory.toString(), account))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
            throw new AssertionError("The second process did not finish within 60 s:\n" + Files.readString(output));
        }
        return new ChildResult(process.exitValue(), Files.readString(output));
    }
}
