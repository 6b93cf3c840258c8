package io.meetzy.client;

import java.time.Instant;

/**
 * Learns that the client's token expires soon or has expired, for an alert of your own. The client
 * calls it at most once per UTC day, together with its WARN log line, when the token is within the
 * warning window of {@link MeetzyClient.Builder#tokenExpiryWarning}. An exception thrown by the
 * listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface TokenExpiryListener {

    /**
     * Called when the token expires within the warning window.
     *
     * @param maskedToken the token's display prefix followed by {@code *} for each hidden character
     * @param expiresAt when the token expires: the instant from the {@code Meetzy-Token-Expires}
     *     response header, or the start of the UTC expiry day embedded in the token before any
     *     response arrived
     */
    void onTokenExpiring(String maskedToken, Instant expiresAt);
}
