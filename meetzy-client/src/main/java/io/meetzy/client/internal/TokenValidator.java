package io.meetzy.client.internal;

import io.meetzy.client.MeetzyConfigurationException;
import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenParseResult;
import io.meetzy.core.TokenRejection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Checks a token before the client accepts it, so that no request is ever sent with a token the
 * server would reject for its format. Every message names the setting and the fix, and none
 * contains the token or any part of its secret.
 */
public final class TokenValidator {

    /** Shares the client's logger name, so one logging setting covers every client message. */
    private static final Logger LOG = LoggerFactory.getLogger("io.meetzy.client.MeetzyClient");

    private TokenValidator() {
    }

    /**
     * Returns the parsed token. Surrounding whitespace, such as the trailing newline that
     * {@code $(cat file)} leaves, is removed with one warning; everything else that is wrong fails.
     *
     * @throws MeetzyConfigurationException if the token is missing, blank, quoted, contains
     *     whitespace, or is not a well-formed Meetzy token
     */
    public static ApiToken validate(Optional<String> raw, TokenSource source) {
        if (raw.isEmpty()) {
            throw invalid(source, source.missingState() + ": " + source.fix() + ".");
        }

        String value = raw.get();
        if (value.isBlank()) {
            throw invalid(source, "is blank: " + source.fix() + ".");
        }

        String stripped = value.strip();
        if (stripped.length() != value.length()) {
            LOG.warn("{} has surrounding whitespace, such as a trailing newline from a file; the client removed it."
                    + " Remove it where the token is set to silence this warning.", source.settingName());
        }

        rejectQuotes(stripped, source);
        rejectSchemePrefix(stripped, source);
        rejectInnerWhitespace(stripped, source);
        return parse(stripped, source);
    }

    private static void rejectQuotes(String value, TokenSource source) {
        char first = value.charAt(0);
        boolean quoted = first == '"' || first == '\'';
        if (quoted) {
            throw invalid(source, "starts with a quote character: remove the quotes around the token, or "
                    + source.fix() + ".");
        }
    }

    /** Rejects a value copied with its scheme: the client adds "Bearer " itself, so it would send "Bearer Bearer ...". */
    private static void rejectSchemePrefix(String value, TokenSource source) {
        boolean hasSchemePrefix = value.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
        if (hasSchemePrefix) {
            throw invalid(source, "starts with the scheme 'Bearer ': set only the token itself, which starts with"
                    + " mzy_; the client adds 'Bearer'. Remove the prefix, or " + source.fix() + ".");
        }
    }

    private static void rejectInnerWhitespace(String value, TokenSource source) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw invalid(source, "contains " + describeWhitespace(c) + " at position " + i
                        + " (counting from 0): a Meetzy token is one unbroken string of " + ApiToken.LENGTH
                        + " characters. Remove the whitespace, or " + source.fix() + ".");
            }
        }
    }

    private static ApiToken parse(String value, TokenSource source) {
        TokenParseResult result = ApiToken.parse(value);
        if (result.isValid()) {
            return result.orElseThrow();
        }

        TokenRejection rejection = result.rejection().orElseThrow();
        throw invalid(source, "is not a valid Meetzy token: " + rejection.describeWithFix() + ".");
    }

    private static String describeWhitespace(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            default -> String.format("a whitespace character (U+%04X)", (int) c);
        };
    }

    private static MeetzyConfigurationException invalid(TokenSource source, String problem) {
        return new MeetzyConfigurationException(source.settingName() + " " + problem);
    }
}
