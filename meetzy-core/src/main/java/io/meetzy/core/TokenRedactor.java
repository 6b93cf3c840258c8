package io.meetzy.core;

import io.meetzy.core.internal.Base62;
import io.meetzy.core.internal.TokenLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds Meetzy tokens in free text and masks them, for log lines, error reports and files that
 * are about to be shared. An application masks its own log output in one line:
 *
 * <pre>{@code
 * log.info("upstream response: {}", TokenRedactor.redact(responseBody));
 * }</pre>
 *
 * <p>A match is a 62-character run that {@link ApiToken#parse} accepts (prefix, length, alphabet
 * and checksum), with no base62 character ({@code 0-9A-Za-z}) directly before or after it. So a
 * look-alike with a wrong checksum is left alone, and so is a valid token glued to a longer
 * base62 run, which cannot be distinguished from random text. Any other character, {@code _} and
 * non-ASCII characters included, delimits a token, as do the start and end of the text.
 *
 * <p>The search is a single left-to-right pass without regular expressions or backtracking.
 * {@link String#indexOf(String, int)}, a HotSpot intrinsic on x86-64, finds each {@code mzy_},
 * and the checksum is computed only for a candidate whose delimiters match. A text that is not
 * a {@link String} is copied into one first.
 *
 * <p>The class has no state, so its methods are thread-safe; a test calls them from several threads at once.
 */
public final class TokenRedactor {

    private static final String PREFIX = TokenLayout.PREFIX;
    private static final int PREFIX_LENGTH = PREFIX.length();

    private TokenRedactor() {
    }

    /**
     * A token found in a text.
     *
     * @param start the index of the token's first character in the text
     * @param token the token; its {@code toString()} prints only the masked value
     */
    public record Match(int start, ApiToken token) {

        public Match {
            if (start < 0) {
                throw new IllegalArgumentException("start must not be negative: " + start);
            }
            Objects.requireNonNull(token, "token");
        }

        /** Returns the index just after the token's last character. */
        public int end() {
            return start + ApiToken.LENGTH;
        }
    }

    /**
     * Returns the text with every valid, delimited token replaced by its
     * {@linkplain ApiToken#maskedValue() masked value}, which has the same length. Text without
     * a token comes back unchanged.
     */
    public static String redact(CharSequence text) {
        Objects.requireNonNull(text, "text");
        List<Match> matches = find(text);
        if (matches.isEmpty()) {
            return text.toString();
        }

        StringBuilder redacted = new StringBuilder(text.length());
        int copiedUpTo = 0;
        for (Match match : matches) {
            redacted.append(text, copiedUpTo, match.start()).append(match.token().maskedValue());
            copiedUpTo = match.end();
        }
        return redacted.append(text, copiedUpTo, text.length()).toString();
    }

    /** Returns the valid, delimited tokens in the text, in order of position. */
    public static List<Match> find(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return find(text, 0, text.length());
    }

    /**
     * Returns the valid, delimited tokens that start at an index in {@code [from, to)}, in order
     * of position. Characters outside that range still count as delimiters or as part of a token,
     * so a caller that reads a stream in chunks can keep one character before each chunk's range
     * and {@code ApiToken.LENGTH} characters after it, and find every token exactly once.
     *
     * @throws IndexOutOfBoundsException if the range is not within the text
     */
    public static List<Match> find(CharSequence text, int from, int to) {
        Objects.requireNonNull(text, "text");
        Objects.checkFromToIndex(from, to, text.length());

        String string = text.toString();
        List<Match> matches = new ArrayList<>(0);
        int lastStart = Math.min(to - 1, string.length() - ApiToken.LENGTH);
        int start = string.indexOf(PREFIX, from);
        while (start >= 0 && start <= lastStart) {
            ApiToken token = tokenAt(string, start);
            int searchFrom = start + PREFIX_LENGTH;
            if (token != null) {
                matches.add(new Match(start, token));
                searchFrom = start + ApiToken.LENGTH;
            }
            start = string.indexOf(PREFIX, searchFrom);
        }
        return matches;
    }

    /**
     * Returns the token at {@code start}, where the prefix was found, if it is delimited on both
     * sides and passes {@link ApiToken#parse}; else null.
     */
    private static ApiToken tokenAt(String text, int start) {
        int end = start + ApiToken.LENGTH;
        boolean delimitedBefore = start == 0 || !Base62.isDigit(text.charAt(start - 1));
        boolean delimitedAfter = end == text.length() || !Base62.isDigit(text.charAt(end));
        if (!delimitedBefore || !delimitedAfter) {
            return null;
        }
        return ApiToken.parse(text.substring(start, end)).token().orElse(null);
    }
}
