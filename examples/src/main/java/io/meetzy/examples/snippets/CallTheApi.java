package io.meetzy.examples.snippets;

import io.meetzy.client.AuthenticationException;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.MeetzyResponse;

/**
 * Calls the Meetzy API with the token in {@code MEETZY_API_TOKEN}. Copy it into an application;
 * the build compiles it so it stays correct.
 */
public final class CallTheApi {

    private CallTheApi() {
    }

    public static void main(String[] args) {
        // Reads MEETZY_API_TOKEN (and MEETZY_BASE_URL, default https://api.meetzy.ai); a missing
        // or mistyped token fails here, before any request is sent.
        MeetzyClient client = MeetzyClient.fromEnv();

        try {
            MeetzyResponse response = client.get("/v1/assistants");
            System.out.println(response.body().get("data"));
        } catch (AuthenticationException e) {
            // 401: the token is unknown, expired or revoked. The message names the cause and the fix.
            System.err.println(e.getMessage());
        }
    }
}
