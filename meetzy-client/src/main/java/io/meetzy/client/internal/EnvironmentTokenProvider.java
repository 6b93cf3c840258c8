package io.meetzy.client.internal;

import io.meetzy.client.MeetzyClient;

import java.util.Map;
import java.util.Objects;

/**
 * Reads {@code MEETZY_API_TOKEN}. The environment of a running process does not change, so
 * {@link #reload()} returns the same value; rotate through a file or a supplier instead.
 */
public final class EnvironmentTokenProvider implements SourcedTokenProvider {

    private final Map<String, String> environment;

    public EnvironmentTokenProvider(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Returns the variable's value, or null when it is not set; the client reports that case. */
    @Override
    public String token() {
        return environment.get(MeetzyClient.TOKEN_ENV);
    }

    @Override
    public TokenSource source() {
        return TokenSource.ENVIRONMENT;
    }

    @Override
    public String toString() {
        return "EnvironmentTokenProvider[" + MeetzyClient.TOKEN_ENV + "]";
    }
}
