package io.meetzy.verifier.internal;

import java.util.regex.Pattern;

/** Decides which caller-supplied values an error message may repeat. */
public final class SafeText {

    /**
     * Short runs of id-like characters. The limit of 24 is below the 32 characters of a token's
     * secret, so a token or secret pasted into the wrong field is never echoed back.
     */
    private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9_:.+-]{1,24}");

    private SafeText() {
    }

    /** Returns {@code 'value'} when it is safe to repeat, and otherwise a description of its length. */
    public static String quote(String value) {
        if (ECHOABLE.matcher(value).matches()) {
            return "'" + value + "'";
        }
        return "(a value of " + value.length() + " characters)";
    }
}
