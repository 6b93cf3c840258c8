package io.meetzy.core;

/** The rule for token names: required, trimmed, at most 100 characters, no control characters. */
public final class TokenNames {

    /** The maximum length of a name, in UTF-16 code units after trimming. */
    public static final int MAX_LENGTH = 100;

    private TokenNames() {
    }

    /**
     * Returns the name trimmed of surrounding whitespace.
     *
     * @throws IllegalArgumentException if the name is null or blank, longer than 100 characters
     *     after trimming, or contains a control character such as a line break or tab
     */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "A token name is required: describe what uses the token, for example \"Production API\".");
        }

        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The token name has " + trimmed.length()
                    + " characters; use at most " + MAX_LENGTH + ".");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new IllegalArgumentException("The token name contains a control character (U+"
                        + String.format("%04X", (int) trimmed.charAt(i)) + ") at position " + i
                        + "; use a single line of printable text.");
            }
        }
        return trimmed;
    }
}
