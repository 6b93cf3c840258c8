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
 * <p>The search is a single left-to-right pass without regular expressions or backtracking. A
 * Horspool search for {@code mzy_} examines about one character in four of ordinary text, and
 * the checksum is computed only for a candidate whose prefix and delimiters match.
 *
 * <p>The class holds no state, so its methods are thread-safe.
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

        List<Match> matches = new ArrayList<>(0);
        int lastStart = Math.min(to - 1, text.length() - ApiToken.LENGTH);
        int start = from;
        while (start <= lastStart) {
            char last = text.charAt(start + PREFIX_LENGTH - 1);
            if (last != '_') {
                start += shiftAfter(last);
                continue;
            }

            ApiToken token = tokenAt(text, start);
            if (token != null) {
                matches.add(new Match(start, token));
                start += ApiToken.LENGTH;
            } else {
                start += PREFIX_LENGTH;
            }
        }
        return matches;
    }

    /**
     * Returns how far the search can move when the character under the last position of
     * {@code mzy_} is {@code c}, not {@code _}. The shift aligns {@code c} with its place in
     * the prefix, or moves past it when the prefix does not contain it.
     */
    private static int shiftAfter(char c) {
        return switch (c) {
            case 'y' -> 1;
            case 'z' -> 2;
            case 'm' -> 3;
            default -> PREFIX_LENGTH;
        };
    }

    /** Returns the token at {@code start} if it has the prefix, delimiters and a valid checksum; else null. */
    private static ApiToken tokenAt(CharSequence text, int start) {
        int end = start + ApiToken.LENGTH;
        boolean hasPrefix = text.charAt(start) == 'm' && text.charAt(start + 1) == 'z' && text.charAt(start + 2) == 'y';
        boolean delimitedBefore = start == 0 || !Base62.isDigit(text.charAt(start - 1));
        boolean delimitedAfter = end == text.length() || !Base62.isDigit(text.charAt(end));
        if (!hasPrefix || !delimitedBefore || !delimitedAfter) {
            return null;
        }
        return ApiToken.parse(text.subSequence(start, end)).token().orElse(null);
    }
}
