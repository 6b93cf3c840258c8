package io.meetzy.examples.snippets;

import io.meetzy.client.ApiTokenInfo;
import io.meetzy.client.CreatedApiToken;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.RetryPolicy;
import io.meetzy.core.Expiration;
import java.time.Duration;

/**
 * Creates, lists and revokes tokens through the token API with a client whose retries are
 * tuned for a batch job. The token in {@code MEETZY_API_TOKEN} needs the {@code tokens:write} scope.
 */
public final class ManageTokens {

    private ManageTokens() {
    }

    public static void main(String[] args) {
        MeetzyClient client = MeetzyClient.builder()
                .tokenFromEnv()
                .baseUrlFromEnv()
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).maxDelay(Duration.ofSeconds(20)).build())
                .build();

        // The full token is in this response only: store it in a secret manager now.
        CreatedApiToken created = client.tokens().create("Nightly export", Expiration.THIRTY_DAYS);
        System.out.println("Created " + created.info().id() + ": " + created.token().maskedValue());

        for (ApiTokenInfo token : client.tokens().list()) {
            System.out.println(token.id() + "  " + token.name() + "  " + token.maskedValue() + "  " + token.status());
        }

        client.tokens().revoke(created.info().id());
    }
}
