package io.meetzy.client.internal;

import io.meetzy.client.MeetzyConfigurationException;
import io.meetzy.client.TokenProvider;
import io.meetzy.core.ApiToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token the client sends. It calls the {@link TokenProvider} before each attempt and validates
 * only a value it has not seen before, so an unchanged value costs one string comparison.
 */
public final class ActiveToken {

    private final TokenProvider provider;
    private final TokenSource source;
    private final TokenExpiry expiry;
    private volatile Validated current;

    /**
     * Reads and validates the first token at once, so a missing or malformed token fails while the
     * client is built.
     *
     * @throws MeetzyConfigurationException if the provider's token is missing or invalid
     */
    public ActiveToken(TokenProvider provider, TokenExpiry expiry) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.source = provider instanceof SourcedTokenProvider sourced
                ? sourced.source()
                : TokenSource.custom(provider.getClass());
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.current = validate(provider.token(), null);
        expiry.checkEmbedded(current.token(), current.embeddedExpiry(), source);
    }

    /** Returns the token's source, for messages. */
    public TokenSource source() {
        return source;
    }

    /** Returns the last validated token, without asking the provider. */
    public ApiToken last() {
        return current.token();
    }

    /**
     * Returns the provider's current token, validated, after checking its expiry.
     *
     * @throws MeetzyConfigurationException if the provider now returns an invalid token
     */
    public ApiToken current() {
        Validated known = current;
        String raw = provider.token();
        Validated result = known.raw().equals(raw) ? known : validate(raw, known);

        expiry.checkEmbedded(result.token(), result.embeddedExpiry(), source);
        return result.token();
    }

    /**
     * Reads the source again after {@code rejected} got a 401, and returns the new token if it differs.
     *
     * @throws MeetzyConfigurationException if the source now contains an invalid token
     */
    public Optional<ApiToken> reloadAfterRejection(ApiToken rejected) {
        Validated reloaded = validate(provider.reload(), current);
        boolean changed = !reloaded.token().equals(rejected);
        return changed ? Optional.of(reloaded.token()) : Optional.empty();
    }

    /** Checks the expiry that a response reported for {@code token}. */
    public void observe(ApiToken token, Map<String, List<String>> headers) {
        expiry.checkResponse(token, headers, source);
    }

    private Validated validate(String raw, Validated known) {
        if (known != null && known.raw().equals(raw)) {
            return known;
        }

        ApiToken token = TokenValidator.validate(Optional.ofNullable(raw), source);
        Validated validated = new Validated(raw, token, TokenExpiry.embeddedExpiry(token));
        current = validated;
        return validated;
    }

    /** A raw provider value and the token it validated to. */
    private record Validated(String raw, ApiToken token, Instant embeddedExpiry) {

        @Override
        public String toString() {
            return "Validated[" + token.maskedValue() + "]";
        }
    }
}
