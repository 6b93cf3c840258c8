package io.meetzy.examples.cli;

import io.meetzy.client.MeetzyClient;
import io.meetzy.client.RetryPolicy;

import java.util.Optional;

/** Builds the client for commands that call an API with the token from the environment. */
final class ClientFactory {

    private ClientFactory() {
    }

    /**
     * Returns a client that reads {@code MEETZY_API_TOKEN} and {@code MEETZY_BASE_URL}, with
     * {@code baseUrlOverride} (when not null) in place of the latter.
     */
    static MeetzyClient fromEnvironment(String baseUrlOverride) {
        return fromEnvironment(baseUrlOverride, Optional.empty());
    }

    /**
     * Returns a client as {@link #fromEnvironment(String)} does, retrying {@code maxRetries} times
     * after the first attempt when given, and otherwise with the client's default retry policy.
     */
    static MeetzyClient fromEnvironment(String baseUrlOverride, Optional<Integer> maxRetries) {
        MeetzyClient.Builder builder = MeetzyClient.builder().tokenFromEnv();
        if (baseUrlOverride == null) {
            builder.baseUrlFromEnv();
        } else {
            builder.baseUrl(baseUrlOverride);
        }
        maxRetries.ifPresent(retries -> builder.retryPolicy(RetryPolicy.builder().maxRetries(retries).build()));
        return builder.build();
    }
}
