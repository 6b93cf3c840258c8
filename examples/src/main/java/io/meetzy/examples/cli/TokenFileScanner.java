package io.meetzy.examples.cli;

import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads one file at a time in fixed-size chunks, so memory stays bounded whatever the file or
 * line length, and finds tokens in the bytes. Each {@code mzy_} followed by 58 base62 bytes is
 * decoded as ISO-8859-1, with the byte before and after it, and passed to
 * {@link TokenRedactor#find(CharSequence, int, int)}, which decides as it would on the whole
 * file. Tokens are ASCII, so they match in UTF-8, ISO-8859-1 or any ASCII-compatible file, and
 * other bytes only act as delimiters.
 *
 * <p>Not thread-safe: an instance reuses its buffer from file to file.
 */
final class TokenFileScanner {

    /**
     * The default chunk size: large enough that the per-chunk costs (read calls, the 63 bytes
     * carried over) are small next to the scan, and a small fixed amount of memory whatever the
     * file size.
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

    /** The length of {@code mzy_}, which {@link #indexOfPrefix} searches for. */
    private static final int PREFIX_LENGTH = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] buffer;

    /** The 1-based line number at {@code buffer[countedUpTo]} in the file being scanned. */
    private long line;
    private int countedUpTo;

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
     * Scans one file, adding each valid token to {@code findings} in order of position.
     *
     * @throws IOException if the file cannot be opened or read
     */
    Outcome scan(Path file, List<Finding> findings) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int filled = readFully(in, 0);
            if (containsNul(Math.min(filled, BINARY_PROBE_LENGTH))) {
                return Outcome.SKIPPED_BINARY;
            }

            line = 1;
            int rangeStart = 0;
            while (true) {
                boolean lastChunk = filled < buffer.length;
                int rangeEnd = lastChunk ? filled : filled - ApiToken.LENGTH;
                countedUpTo = rangeStart;
                findTokens(file, rangeStart, rangeEnd, filled, findings);
                if (lastChunk) {
                    return Outcome.SCANNED;
                }

                // The next range starts at rangeEnd. The byte before it is carried over as a
                // possible delimiter, and the bytes after it because a token may start there.
                line += countNewlines(countedUpTo, rangeEnd);
                int carryFrom = rangeEnd - 1;
                int carriedBytes = filled - carryFrom;
                System.arraycopy(buffer, carryFrom, buffer, 0, carriedBytes);
                filled = readFully(in, carriedBytes);
                rangeStart = 1;
            }
        }
    }

    /**
     * Adds the tokens that start in {@code buffer[rangeStart, rangeEnd)} to {@code findings},
     * counting lines up to each one. This loop runs once per {@code mzy_} in the file, so it is
     * kept apart from the per-file work in {@link #scan}, and the JIT compiles it on its own.
     */
    private void findTokens(Path file, int rangeStart, int rangeEnd, int filled, List<Finding> findings) {
        int searchEnd = Math.min(rangeEnd, filled - ApiToken.LENGTH + 1);
        int start = indexOfPrefix(rangeStart, searchEnd);
        while (start >= 0) {
            ApiToken token = hasBase62Body(start) ? tokenAt(start, filled) : null;
            int searchFrom = start + PREFIX_LENGTH;
            if (token != null) {
                line += countNewlines(countedUpTo, start);
                countedUpTo = start;
                findings.add(new Finding(file, line, token));
                searchFrom = start + ApiToken.LENGTH;
            }
            start = indexOfPrefix(searchFrom, searchEnd);
        }
    }

    /**
     * Returns the first index in {@code [from, end)} where {@code mzy_}, the prefix of every
     * token, starts, or -1. It searches the bytes in place: copying each chunk into a String for
     * {@link String#indexOf(String, int)} cost about 80 ms more system time on the 300 MiB tree
     * of BENCHMARKS.md. The caller guarantees {@code end + 2 < filled}.
     */
    private int indexOfPrefix(int from, int end) {
        for (int i = from; i < end; i++) {
            if (buffer[i + 3] == '_' && buffer[i] == 'm' && buffer[i + 1] == 'z' && buffer[i + 2] == 'y') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns whether the 58 bytes after the prefix at {@code start} are all base62, as in every
     * token. Nearly all text that contains {@code mzy_} fails here, without the allocation and
     * checksum of {@link #tokenAt}.
     */
    private boolean hasBase62Body(int start) {
        for (int i = start + PREFIX_LENGTH; i < start + ApiToken.LENGTH; i++) {
            byte b = buffer[i];
            boolean base62 = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
            if (!base62) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the token that starts at {@code start}, where the prefix was found, or null. The
     * byte before and the byte after the candidate are decoded with it, so
     * {@link TokenRedactor#find(CharSequence, int, int)} applies its delimiter and checksum rules
     * as it would to the whole file.
     */
    private ApiToken tokenAt(int start, int filled) {
        int windowStart = Math.max(0, start - 1);
        int windowEnd = Math.min(filled, start + ApiToken.LENGTH + 1);
        String window = new String(buffer, windowStart, windowEnd - windowStart, StandardCharsets.ISO_8859_1);

        int startInWindow = start - windowStart;
        List<TokenRedactor.Match> matches = TokenRedactor.find(window, startInWindow, startInWindow + 1);
        return matches.isEmpty() ? null : matches.get(0).token();
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

    /**
     * Counts the {@code \n} bytes in {@code buffer[from, to)}. Eight bytes at a time: each byte
     * of {@code x} is zero where the input byte is {@code \n}, and adding {@code 0x7F} to its low
     * seven bits sets its top bit unless the whole byte is zero. No carry crosses a byte, so the
     * count is exact. Measured about four times faster than a byte loop on JDK 17, x86-64.
     */
    private int countNewlines(int from, int to) {
        int newlines = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ NEWLINES;
            long nonZeroBytes = ((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x;
            newlines += Long.bitCount(~nonZeroBytes & HIGH_BITS);
        }
        for (; i < to; i++) {
            if (buffer[i] == '\n') {
                newlines++;
            }
        }
        return newlines;
    }
}
