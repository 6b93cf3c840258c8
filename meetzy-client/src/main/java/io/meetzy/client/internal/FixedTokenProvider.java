package io.meetzy.client.internal;

import java.util.Objects;

/** One token value for the client's lifetime. */
public final class FixedTokenProvider implements SourcedTokenProvider {

    private final String value;
    private final TokenSource source;

    public FixedTokenProvider(String value, TokenSource source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public String token() {
        return value;
    }

    @Override
    public TokenSource source() {
        return source;
    }

    /** Returns no part of the token, which may not have been validated yet. */
    @Override
    public String toString() {
        return "FixedTokenProvider";
    }
}
