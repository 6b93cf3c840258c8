package io.meetzy.verifier.internal;

/** Builds {@code WWW-Authenticate} values for the Bearer scheme, as RFC 6750 section 3 defines them. */
public final class Challenges {

    private Challenges() {
    }

    /** Returns {@code Bearer realm="..."}, the challenge for a request without credentials. */
    public static String bare(String realm) {
        return "Bearer realm=\"" + realm + "\"";
    }

    /** Returns {@code Bearer realm="...", error="...", error_description="..."}. */
    public static String withError(String realm, String error, String description) {
        return bare(realm) + ", error=\"" + error + "\", error_description=\"" + toDescription(description) + "\"";
    }

    /**
     * Returns whether {@code text} may stand inside a quoted challenge parameter as RFC 6750 allows
     * for {@code error_description}: printable ASCII ({@code %x20-7E}) without {@code "} or {@code \}.
     */
    public static boolean isAllowedParameterText(String text) {
        return text.chars().allMatch(Challenges::isAllowed);
    }

    /** Replaces each character RFC 6750 forbids in {@code error_description}: quotes become {@code '}, others {@code ?}. */
    static String toDescription(String message) {
        StringBuilder description = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (isAllowed(c)) {
                description.append(c);
            } else if (c == '"') {
                description.append('\'');
            } else {
                description.append('?');
            }
        }
        return description.toString();
    }

    private static boolean isAllowed(int c) {
        return c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
    }
}
