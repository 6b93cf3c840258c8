package io.meetzy.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link ApiToken#parse}: a token, or the reason the input is not one. Exactly one
 * of {@link #token()} and {@link #rejection()} is present.
 */
public final class TokenParseResult {

    private final ApiToken token;
    private final TokenRejection rejection;

    private TokenParseResult(ApiToken token, TokenRejection rejection) {
        this.token = token;
        this.rejection = rejection;
    }

    static TokenParseResult valid(ApiToken token) {
        return new TokenParseResult(Objects.requireNonNull(token), null);
    }

    static TokenParseResult rejected(TokenRejection.Reason reason, String message) {
        return new TokenParseResult(null, new TokenRejection(reason, message));
    }

    public boolean isValid() {
        return token != null;
    }

    public Optional<ApiToken> token() {
        return Optional.ofNullable(token);
    }

    public Optional<TokenRejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * Returns the token, or throws {@link InvalidTokenException} describing the defect.
     */
    public ApiToken orElseThrow() {
        if (token == null) {
            throw new InvalidTokenException(rejection);
        }
        return token;
    }

    /** Prints the masked token or the rejection; never the input. */
    @Override
    public String toString() {
        return token != null ? "TokenParseResult[valid " + token + "]" : "TokenParseResult[" + rejection.message() + "]";
    }
}
