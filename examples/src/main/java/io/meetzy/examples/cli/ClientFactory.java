package io.meetzy.examples.cli;

import io.meetzy.client.MeetzyClient;

/** Builds the client for commands that call an API with the token from the environment. */
final class ClientFactory {

    private ClientFactory() {
    }

    /**
     * Returns a client that reads {@code MEETZY_API_TOKEN} and {@code MEETZY_BASE_URL}, with
     * {@code baseUrlOverride} (when not null) in place of the latter.
     */
    static MeetzyClient fromEnvironment(String baseUrlOverride) {
        MeetzyClient.Builder builder = MeetzyClient.builder().tokenFromEnv();
        if (baseUrlOverride == null) {
            builder.baseUrlFromEnv();
        } else {
            builder.baseUrl(baseUrlOverride);
        }
        return builder.build();
    }
}
