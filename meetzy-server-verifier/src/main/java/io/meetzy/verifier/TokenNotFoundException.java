package io.meetzy.verifier;

import java.util.Objects;

/**
 * Thrown when a token id is unknown or belongs to another account. The two cases share one
 * message, so a caller cannot probe which ids exist in other accounts (the HTTP API answers 404
 * for both, never 403).
 */
public class TokenNotFoundException extends RuntimeException {

    private final String tokenId;

    public TokenNotFoundException(String tokenId) {
        super("No token with id '" + Objects.requireNonNull(tokenId, "tokenId")
                + "' was found in this account. List the account's tokens to find the right id.");
        this.tokenId = tokenId;
    }

    /** Returns the id that was looked up. */
    public String tokenId() {
        return tokenId;
    }
}
