package io.meetzy.core;

import java.util.Objects;

/**
 * Thrown by {@link ApiToken#of} when a string is not a well-formed Meetzy token. The message
 * describes the defect and never contains the input.
 */
public class InvalidTokenException extends IllegalArgumentException {

    private final transient TokenRejection rejection;

    public InvalidTokenException(TokenRejection rejection) {
        this("Invalid Meetzy token: " + rejection.describeWithFix() + ".", rejection);
    }

    public InvalidTokenException(String message, TokenRejection rejection) {
        super(message);
        this.rejection = Objects.requireNonNull(rejection, "rejection");
    }

    /** Returns why the token was rejected. */
    public TokenRejection rejection() {
        return rejection;
    }
}
