package io.meetzy.examples.cli;

import io.meetzy.client.MeetzyClient;
import io.meetzy.client.RetryEvent;
import io.meetzy.client.RetryPolicy;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** Builds the client for commands that call an API with the token from the environment. */
final class ClientFactory {

    private ClientFactory() {
    }

    /**
     * Returns a client that reads {@code MEETZY_API_TOKEN} and {@code MEETZY_BASE_URL}, with
     * {@code baseUrlOverride} (when not null) in place of the latter. Each retry is announced on
     * {@code err}, because a wait for {@code Retry-After} can take a minute and would otherwise look
     * like a hang.
     */
    static MeetzyClient fromEnvironment(String baseUrlOverride, PrintWriter err) {
        return fromEnvironment(baseUrlOverride, Optional.empty(), err);
    }

    /**
     * Returns a client as {@link #fromEnvironment(String, PrintWriter)} does, retrying
     * {@code maxRetries} times after the first attempt when given, and otherwise with the client's
     * default retry policy.
     */
    static MeetzyClient fromEnvironment(String baseUrlOverride, Optional<Integer> maxRetries, PrintWriter err) {
        MeetzyClient.Builder builder = MeetzyClient.builder().tokenFromEnv().retryListener(event -> announce(event, err));
        if (baseUrlOverride == null) {
            builder.baseUrlFromEnv();
        } else {
            builder.baseUrl(baseUrlOverride);
        }
        maxRetries.ifPresent(retries -> builder.retryPolicy(RetryPolicy.builder().maxRetries(retries).build()));
        return builder.build();
    }

    private static void announce(RetryEvent event, PrintWriter err) {
        String seconds = String.format(Locale.ROOT, "%.1f", event.delay().toMillis() / 1000.0);
        err.println(event.method() + " " + event.path() + ": attempt " + event.attempt() + " failed with " + event.cause()
                + ". Retrying in " + seconds + " s.");
    }
}
