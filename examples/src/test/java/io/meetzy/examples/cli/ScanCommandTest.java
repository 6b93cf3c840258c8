package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    private final TokenGenerator generator = new TokenGenerator(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path tree;

    @Test
    void findsTokensInNestedFolders() throws IOException {
        ApiToken deep = newToken();
        ApiToken first = newToken();
        ApiToken second = newToken();
        Path config = write("services/billing/config/app.env", "# billing\nLOG_LEVEL=info\nMEETZY_API_TOKEN=" + deep.value() + "\n");
        Path notes = write("notes.md", "token: `" + first.value() + "`\n\n\n\nagain \"" + second.value() + "\"");

        CliRun run = CliRun.of("scan", tree.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().sorted()).containsExactlyElementsOf(List.of(
                notes + ":1: " + first.maskedValue(),
                notes + ":5: " + second.maskedValue(),
                config + ":3: " + deep.maskedValue()).stream().sorted().toList());
        assertThat(run.err()).contains("Found 3 Meetzy tokens in 2 files (2 files scanned).");
        assertNoFullToken(run, deep, first, second);
    }

    @Test
    void manyFilesReportedInListingOrder() throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ApiToken token = newToken();
            Path file = write("batch/file" + i + ".env", "line one\nTOKEN=" + token.value() + "\n");
            expected.add(file + ":2: " + token.maskedValue());
        }
        write("batch/clean.txt", "nothing here\n");

        CliRun parallel = CliRun.of("scan", tree.toString());
        CliRun again = CliRun.of("scan", tree.toString());

        assertThat(parallel.exitCode()).isEqualTo(1);
        assertThat(parallel.out().lines().sorted().toList()).isEqualTo(expected.stream().sorted().toList());
        assertThat(again.out()).isEqualTo(parallel.out());
        assertThat(parallel.err()).contains("Found 200 Meetzy tokens in 200 files (201 files scanned).");
    }

    @Test
    void wrongChecksumNotReported() throws IOException {
        ApiToken token = newToken();
        String lookAlike = token.value().substring(0, 61) + (token.value().endsWith("A") ? "B" : "A");
        write("src/test/resources/fixture.json", "{\"token\": \"" + lookAlike + "\"}\n");

        CliRun run = CliRun.of("scan", tree.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("No Meetzy tokens found (1 file scanned).");
    }

    @Test
    void gitDirectorySkipped() throws IOException {
        ApiToken token = newToken();
        write(".git/config", "[remote]\n\turl = https://x:" + token.value() + "@example.invalid/repo\n");
        write("module/.git/COMMIT_EDITMSG", token.value());
        write("README.md", "No secrets here.\n");

        CliRun run = CliRun.of("scan", tree.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("(1 file scanned)");
    }

    @Test
    void binaryFileSkipped() throws IOException {
        ApiToken token = newToken();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        binary.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        binary.write(("\n" + token.value() + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(tree.resolve("image.png"), binary.toByteArray());

        CliRun run = CliRun.of("scan", tree.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("(0 files scanned, 1 binary file skipped)");
    }

    @Test
    void nulAfterProbeStillScanned() throws IOException {
        ApiToken token = newToken();
        String text = "x".repeat(TokenFileScanner.BINARY_PROBE_LENGTH) + "\u0000\n" + token.value() + "\n";
        Path file = tree.resolve("late-nul.log");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("scan", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(file + ":2: " + token.maskedValue() + System.lineSeparator());
    }

    @Test
    void invalidUtf8AroundTokenFound() throws IOException {
        ApiToken token = newToken();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xC3, '(', (byte) 0xFF, (byte) 0xFE, '\n', (byte) 0xE9});
        bytes.write(token.value().getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[] {(byte) 0xA0, (byte) 0x80});
        Path file = tree.resolve("latin1.txt");
        Files.write(file, bytes.toByteArray());

        CliRun run = CliRun.of("scan", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(file + ":2: " + token.maskedValue() + System.lineSeparator());
    }

    @Test
    void severalPathsScanned() throws IOException {
        ApiToken token = newToken();
        Path clean = write("a/clean.txt", "nothing\n");
        Path leaked = write("b/leak.txt", token.value());

        CliRun run = CliRun.of("scan", clean.toString(), leaked.getParent().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(leaked + ":1: " + token.maskedValue() + System.lineSeparator());
        assertThat(run.err()).contains("Found 1 Meetzy token in 1 file (2 files scanned).");
    }

    @Test
    void missingPathIsUsageError() throws IOException {
        write("present.txt", "fine\n");
        Path missing = tree.resolve("no-such-dir");

        CliRun run = CliRun.of("scan", tree.resolve("present.txt").toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Path not found: '" + missing + "'. Pass existing files or directories.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noPathIsUsageError() {
        CliRun run = CliRun.of("scan");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'PATH'");
    }

    @Test
    void unreadableFileReported() throws IOException {
        Path locked = write("locked.txt", "secret-free\n");
        boolean locksWork = locked.toFile().setReadable(false) && !Files.isReadable(locked);
        assumeTrue(locksWork, "this user can read a file without read permission (root?), so no file is unreadable");

        CliRun run = CliRun.of("scan", tree.toString());
        locked.toFile().setReadable(true);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("meetzy scan: failed to read " + locked + " (permission denied); it was not scanned.");
    }

    @Test
    void emptyDirectoryIsClean() {
        CliRun run = CliRun.of("scan", tree.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("No Meetzy tokens found (0 files scanned).");
    }

    @Test
    void picocliFormsMatchPlainScan(@TempDir Path elsewhere) throws IOException {
        ApiToken token = newToken();
        write("app.env", "TOKEN=" + token.value() + "\n");
        write("notes.md", "no token here\n");
        Path argumentFile = Files.writeString(elsewhere.resolve("paths.txt"), tree + "\n");

        CliRun plain = CliRun.of("scan", tree.toString());
        CliRun afterSeparator = CliRun.of("scan", "--", tree.toString());
        CliRun fromArgumentFile = CliRun.of("scan", "@" + argumentFile);

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(afterSeparator).isEqualTo(plain);
        assertThat(fromArgumentFile).isEqualTo(plain);
    }

    @Test
    void onlyPlainExistingPathsSkipPicocli() {
        String directory = tree.toString();

        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", directory, directory})).contains(List.of(tree, tree));
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan"})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"tokens", directory})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", "--", directory})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", directory, "--help"})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", "@" + directory})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", ""})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", directory + "/no-such-file"})).isEmpty();
        assertThat(MeetzyCli.plainScanPaths(new String[] {"scan", "nul\0byte"})).isEmpty();
    }

    @Test
    void helpDescribesExitCodes() {
        CliRun run = CliRun.of("scan", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: meetzy scan").contains("PATH...").contains("1 a token was found");
    }

    private ApiToken newToken() {
        return generator.generate(Expiration.NINETY_DAYS).token();
    }

    private Path write(String relativePath, String content) throws IOException {
        Path file = tree.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static void assertNoFullToken(CliRun run, ApiToken... tokens) {
        for (ApiToken token : tokens) {
            assertThat(run.out()).doesNotContain(token.value());
            assertThat(run.err()).doesNotContain(token.value());
        }
    }
}
