package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.verifier.internal.SafeText;

import java.util.Objects;

/**
 * Thrown when a token id is unknown or belongs to another account. The two cases share one
 * message, so a caller cannot probe which ids exist in other accounts (the HTTP API answers 404
 * for both, never 403).
 */
public class TokenNotFoundException extends RuntimeException {

    private final String tokenId;

    /**
     * Creates the exception for the id that was looked up. The message repeats the id only when it
     * is short and id-like, because a caller may pass a token where an id belongs.
     */
    public TokenNotFoundException(String tokenId) {
        super(message(Objects.requireNonNull(tokenId, "tokenId")));
        this.tokenId = tokenId;
    }

    /**
     * Returns the id that was looked up, exactly as the caller passed it. It may be a secret pasted
     * into the wrong place, so do not log it. The message contains a safe rendering.
     */
    public String tokenId() {
        return tokenId;
    }

    private static String message(String tokenId) {
        String message = "No token with id " + SafeText.quote(tokenId) + " was found in this account.";
        if (tokenId.startsWith(ApiToken.PREFIX)) {
            return message + " The value looks like a Meetzy token, not a token id: token ids start with 'tok_'."
                    + " List the account's tokens to find the id.";
        }
        return message + " List the account's tokens to find the right id.";
    }
}
