package io.meetzy.verifier.internal;

/**
 * One {@code Authorization} header value split into scheme and credentials, as RFC 9110 section
 * 11.4 defines them: {@code auth-scheme [ 1*SP token68 ]}. The scheme name is case-insensitive.
 *
 * @param kind the kind of content
 * @param credentials the text after the scheme and its separating spaces; empty unless {@code kind} is {@link Kind#BEARER}
 */
public record AuthorizationHeader(Kind kind, String credentials) {

    private static final String BEARER = "Bearer";

    /** The kinds of content an {@code Authorization} header value can have. */
    public enum Kind {
        /** No {@code Authorization} header. */
        ABSENT,
        /** An empty or blank value: no credentials at all. */
        EMPTY,
        /** A scheme other than {@code Bearer}, such as {@code Basic}. */
        OTHER_SCHEME,
        /** {@code Bearer} separated from the rest by a tab, which RFC 6750 does not allow ({@code 1*SP}). */
        BEARER_WITH_TAB,
        /** {@code Bearer}, one or more spaces, then the credentials (possibly empty). */
        BEARER
    }

    /** Returns the value for a request without an {@code Authorization} header. */
    public static AuthorizationHeader absent() {
        return new AuthorizationHeader(Kind.ABSENT, "");
    }

    /**
     * Splits a header value. Surrounding spaces and tabs are dropped first, because RFC 9110
     * section 5.5 excludes them from a field value.
     */
    public static AuthorizationHeader parse(String value) {
        String field = stripWhitespace(value);
        if (field.isEmpty()) {
            return new AuthorizationHeader(Kind.EMPTY, "");
        }

        int schemeEnd = 0;
        while (schemeEnd < field.length() && !isWhitespace(field.charAt(schemeEnd))) {
            schemeEnd++;
        }
        boolean isBearer = schemeEnd == BEARER.length() && field.regionMatches(true, 0, BEARER, 0, schemeEnd);
        if (!isBearer) {
            return new AuthorizationHeader(Kind.OTHER_SCHEME, "");
        }

        int credentialsStart = schemeEnd;
        boolean separatorHasTab = false;
        while (credentialsStart < field.length() && isWhitespace(field.charAt(credentialsStart))) {
            separatorHasTab |= field.charAt(credentialsStart) == '\t';
            credentialsStart++;
        }
        if (separatorHasTab) {
            return new AuthorizationHeader(Kind.BEARER_WITH_TAB, "");
        }
        return new AuthorizationHeader(Kind.BEARER, field.substring(credentialsStart));
    }

    /** Prints the kind only: the credentials are a token. */
    @Override
    public String toString() {
        return "AuthorizationHeader[" + kind + "]";
    }

    private static String stripWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
