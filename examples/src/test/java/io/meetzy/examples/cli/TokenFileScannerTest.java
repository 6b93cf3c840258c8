package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;
import io.meetzy.core.TokenRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileScannerTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    /** The smallest chunk the scanner accepts, so tokens cross chunk boundaries at every offset. */
    private static final int SMALL_CHUNK = 2 * (ApiToken.LENGTH + 1);

    private final TokenGenerator generator = new TokenGenerator(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path directory;

    @Test
    void tokensAcrossChunkBoundariesFoundOnce() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int line = 1; line <= 300; line++) {
            ApiToken delimited = newToken();
            ApiToken glued = newToken();
            text.append("-".repeat(line % 67)).append(' ').append(delimited.value())
                    .append(" x").append(glued.value()).append('\n');
            expected.add(line + " " + delimited.maskedValue());
        }
        Path file = Files.writeString(directory.resolve("many.txt"), text);

        List<String> found = scan(new TokenFileScanner(SMALL_CHUNK), file);

        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void defaultChunkMatchesSmallChunk() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 120_000; line++) {
            text.append("line ").append(line).append(line % 997 == 0 ? " " + newToken().value() : "").append('\n');
        }
        Path file = Files.writeString(directory.resolve("large.log"), text);

        List<String> withDefault = scan(new TokenFileScanner(), file);
        List<String> withSmall = scan(new TokenFileScanner(SMALL_CHUNK), file);

        assertThat(Files.size(file)).isGreaterThan(TokenFileScanner.DEFAULT_CHUNK_SIZE);
        assertThat(withDefault).hasSize(121);
        assertThat(withDefault).isEqualTo(withSmall);
    }

    @Test
    void fileOfExactlyOneChunk() throws IOException {
        ApiToken token = newToken();
        String padding = "=".repeat(SMALL_CHUNK - ApiToken.LENGTH);
        Path file = Files.writeString(directory.resolve("exact.txt"), padding + token.value());

        List<String> found = scan(new TokenFileScanner(SMALL_CHUNK), file);

        assertThat(Files.size(file)).isEqualTo(SMALL_CHUNK);
        assertThat(found).containsExactly("1 " + token.maskedValue());
    }

    @Test
    void lineNumbersExactBesideNewlineLikeBytes() throws IOException {
        ApiToken token = newToken();
        byte[] nearNewlines = {0x0B, 0x09, (byte) 0x8A, 0x01, 0x0A, 0x0A, (byte) 0xFF, 0x0A, 0x0B, 0x0A, (byte) 0x80, 0x7F};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            bytes.write(nearNewlines);
        }
        bytes.write((" " + token.value()).getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(directory.resolve("mixed.bin.txt"), bytes.toByteArray());

        List<String> found = scan(new TokenFileScanner(SMALL_CHUNK), file);

        assertThat(found).containsExactly((1 + 100 * 4) + " " + token.maskedValue());
    }

    @Test
    void nearMissesMatchTokenRedactor() throws IOException {
        StringBuilder text = new StringBuilder(newToken().value()).append('\n');
        for (int position = 4; position < ApiToken.LENGTH; position++) {
            String broken = newToken().value();
            text.append(broken, 0, position).append(' ').append(broken, position + 1, ApiToken.LENGTH).append('\n');
            text.append("mzy_").append(newToken().value()).append('\n');
            text.append('x').append(newToken().value()).append('\n');
            text.append(newToken().value()).append("_x\n");
            text.append(newToken().value()).append("Z\n");
        }
        text.append("cut ").append(newToken().value(), 0, 40).append('\n').append(newToken().value());
        String content = text.toString();
        Path file = Files.writeString(directory.resolve("near-misses.txt"), content);

        List<String> expected = new ArrayList<>();
        for (TokenRedactor.Match match : TokenRedactor.find(content)) {
            long newlines = content.substring(0, match.start()).chars().filter(c -> c == '\n').count();
            expected.add((1 + newlines) + " " + match.token().maskedValue());
        }

        assertThat(expected).hasSize(1 + 2 * (ApiToken.LENGTH - 4) + 1);
        assertThat(scan(new TokenFileScanner(), file)).isEqualTo(expected);
        assertThat(scan(new TokenFileScanner(SMALL_CHUNK), file)).isEqualTo(expected);
    }

    @Test
    void tinyChunkRejected() {
        assertThatThrownBy(() -> new TokenFileScanner(SMALL_CHUNK - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunkSize must be at least 126 bytes: 125");
    }

    private ApiToken newToken() {
        return generator.generate(Expiration.THIRTY_DAYS).token();
    }

    private static List<String> scan(TokenFileScanner scanner, Path file) throws IOException {
        List<TokenFileScanner.Finding> findings = new ArrayList<>();
        TokenFileScanner.Outcome outcome = scanner.scan(file, findings);
        assertThat(outcome).isEqualTo(TokenFileScanner.Outcome.SCANNED);
        return findings.stream().map(finding -> finding.line() + " " + finding.token().maskedValue()).toList();
    }
}
