package io.meetzy.client;

import io.meetzy.core.ApiToken;

import java.util.Objects;

/**
 * A token that {@link TokensApi#create} or {@link TokensApi#rotate} just made: the only time its
 * full value is available. Store {@code token().value()} where the application reads it, such as
 * a secret manager; the API never shows it again. {@link #toString()} masks the token.
 *
 * @param token the full token
 * @param info what the list shows about it
 */
public record CreatedApiToken(ApiToken token, ApiTokenInfo info) {

    public CreatedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(info, "info");
    }
}
