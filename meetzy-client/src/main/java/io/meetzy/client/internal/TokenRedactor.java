package io.meetzy.client.internal;

import io.meetzy.core.ApiToken;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a Meetzy token in text that the client puts into messages or
 * {@code toString()}: the first 24 characters stay, every later character becomes {@code *}.
 * Truncated and over-long tokens are masked too, because their secret part is still secret.
 */
public final class TokenRedactor {

    /**
     * The start of every token. Text without it, such as almost every request path, is returned
     * unchanged without running the regular expression.
     */
    private static final String TOKEN_START = "mzy_";

    /** {@code mzy_} and the 20 characters of expiry day and identifier, then the rest. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile(
            "(mzy_[0-9A-Za-z]{" + (ApiToken.DISPLAY_PREFIX_LENGTH - 4) + "})([0-9A-Za-z]+)");

    private TokenRedactor() {
    }

    /** Returns {@code text} with the secret part of every token-shaped run replaced by {@code *}. */
    public static String redact(String text) {
        if (!text.contains(TOKEN_START)) {
            return text;
        }

        Matcher matcher = TOKEN_SHAPE.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            String hidden = "*".repeat(matcher.group(2).length());
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + hidden));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
