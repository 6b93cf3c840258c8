package io.meetzy.examples.cli;

import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams one file at a time through {@link TokenRedactor#find(CharSequence, int, int)} in
 * fixed-size chunks, so memory stays bounded whatever the file or line length. Bytes are decoded
 * as ISO-8859-1, which maps every byte to one character and never fails. Tokens are ASCII, so
 * they match in UTF-8, ISO-8859-1 or any ASCII-compatible file, and other bytes only act as
 * delimiters.
 *
 * <p>Not thread-safe: an instance reuses its buffer from file to file.
 */
final class TokenFileScanner {

    /**
     * The default chunk size: large enough that the per-chunk costs (a string copy of the chunk,
     * read calls, the 63 bytes carried over) are small next to the scan, and a small fixed amount
     * of memory whatever the file size.
     */
    static final int DEFAULT_CHUNK_SIZE = 1 << 20;

    /**
     * How many leading bytes are checked for a NUL to call a file binary. Git's
     * {@code buffer_is_binary} (xdiff-interface.c) makes the same test on the first 8,000 bytes,
     * so a file Git diffs as text is scanned.
     */
    static final int BINARY_PROBE_LENGTH = 8 * 1024;

    /** Bytes carried into the next chunk: one delimiter before a token and the token itself. */
    private static final int OVERLAP = ApiToken.LENGTH + 1;

    private final byte[] buffer;

    TokenFileScanner() {
        this(DEFAULT_CHUNK_SIZE);
    }

    /** Creates a scanner with a chunk of {@code chunkSize} bytes; tests use small chunks to cross boundaries. */
    TokenFileScanner(int chunkSize) {
        if (chunkSize < 2 * OVERLAP) {
            throw new IllegalArgumentException("chunkSize must be at least " + 2 * OVERLAP + " bytes: " + chunkSize);
        }
        this.buffer = new byte[chunkSize];
    }

    /** The result of scanning one file. */
    enum Outcome {
        SCANNED,
        /** A NUL byte in the first {@value #BINARY_PROBE_LENGTH} bytes: not read further. */
        SKIPPED_BINARY
    }

    /**
     * A valid token found in a file.
     *
     * @param line the 1-based line number, counting {@code \n} characters
     */
    record Finding(Path file, long line, ApiToken token) {

        Finding {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * Scans one file, passing each valid token to {@code findings} in order of position.
     *
     * <p>Line numbers are counted only for files that contain a token, in a second read of the
     * file, because counting newlines in every byte would slow down the common case of a clean
     * file. NOTE: a file that changes between the two reads may get wrong line numbers.
     *
     * @throws IOException if the file cannot be opened or read
     */
    Outcome scan(Path file, Consumer<Finding> findings) throws IOException {
        List<TokenAt> tokens = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            int filled = readFully(in, 0);
            if (containsNul(Math.min(filled, BINARY_PROBE_LENGTH))) {
                return Outcome.SKIPPED_BINARY;
            }
            findTokens(in, filled, tokens);
        }

        if (!tokens.isEmpty()) {
            try (InputStream in = Files.newInputStream(file)) {
                numberLines(in, file, tokens, findings);
            }
        }
        return Outcome.SCANNED;
    }

    /** A token and the file offset of its first byte. */
    private record TokenAt(long offset, ApiToken token) {
    }

    /** Adds the tokens of the stream to {@code tokens}; the buffer already contains its first {@code filled} bytes. */
    private void findTokens(InputStream in, int filled, List<TokenAt> tokens) throws IOException {
        long chunkOffset = 0;
        int rangeStart = 0;
        while (true) {
            boolean lastChunk = filled < buffer.length;
            int rangeEnd = lastChunk ? filled : filled - ApiToken.LENGTH;
            String text = new String(buffer, 0, filled, StandardCharsets.ISO_8859_1);

            for (TokenRedactor.Match match : TokenRedactor.find(text, rangeStart, rangeEnd)) {
                tokens.add(new TokenAt(chunkOffset + match.start(), match.token()));
            }
            if (lastChunk) {
                return;
            }

            // The next range starts at rangeEnd. The byte before it is carried over as a
            // possible delimiter, and the bytes after it because a token may start there.
            int carryFrom = rangeEnd - 1;
            int carriedBytes = filled - carryFrom;
            System.arraycopy(buffer, carryFrom, buffer, 0, carriedBytes);
            chunkOffset += carryFrom;
            filled = readFully(in, carriedBytes);
            rangeStart = 1;
        }
    }

    /** Reads the stream again from its start, counting newlines up to each token's offset. */
    private void numberLines(InputStream in, Path file, List<TokenAt> tokens, Consumer<Finding> findings) throws IOException {
        long line = 1;
        long chunkOffset = 0;
        int filled = readFully(in, 0);
        int countedUpTo = 0;
        for (TokenAt token : tokens) {
            while (token.offset() - chunkOffset >= filled && filled > 0) {
                line += countNewlines(countedUpTo, filled);
                chunkOffset += filled;
                filled = readFully(in, 0);
                countedUpTo = 0;
            }

            int tokenStart = (int) Math.min(token.offset() - chunkOffset, filled);
            line += countNewlines(countedUpTo, tokenStart);
            countedUpTo = tokenStart;
            findings.accept(new Finding(file, line, token.token()));
        }
    }

    /** Reads until the buffer is full or the stream ends, and returns the number of bytes in the buffer. */
    private int readFully(InputStream in, int offset) throws IOException {
        int filled = offset;
        while (filled < buffer.length) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    private boolean containsNul(int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private int countNewlines(int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                newlines++;
            }
        }
        return newlines;
    }
}
