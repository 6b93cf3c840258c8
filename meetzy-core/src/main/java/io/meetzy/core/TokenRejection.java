package io.meetzy.core;

import java.util.Objects;

/**
 * Why a string is not a well-formed Meetzy token. The message never contains the input, so it is
 * safe to log and to return to a client.
 *
 * @param reason the kind of defect
 * @param message a short description such as {@code "wrong length (61)"} or
 *     {@code "character outside the alphabet at position 30"} (positions count from 0)
 */
public record TokenRejection(Reason reason, String message) {

    /** The kinds of defect, in the order {@link ApiToken#parse} checks them. */
    public enum Reason {
        /** Null, empty or only whitespace. */
        EMPTY,
        /** Does not start with {@code mzy_}. */
        WRONG_PREFIX,
        /** Not 62 characters long. */
        WRONG_LENGTH,
        /** A character outside {@code 0-9A-Za-z} after the prefix. */
        INVALID_CHARACTER,
        /** The last 6 characters are not the checksum of the first 56: a typo or a truncated copy. */
        CHECKSUM_MISMATCH
    }

    public TokenRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** Returns the message followed by what the user should do about it. */
    public String describeWithFix() {
        return switch (reason) {
            case EMPTY -> "the token is empty; set it to the full value shown when the token was created";
            case WRONG_PREFIX -> "the token has a " + message + "; Meetzy tokens start with 'mzy_'";
            case WRONG_LENGTH -> "the token has the " + message + "; a Meetzy token has 62 characters."
                    + " Copy the complete value, without quotes or spaces";
            case INVALID_CHARACTER -> "the token contains a " + message
                    + "; remove spaces, quotes or line breaks that were copied with it";
            case CHECKSUM_MISMATCH -> "the token failed its checksum: it was mistyped or changed."
                    + " Copy it again from where it was stored";
        };
    }
}
