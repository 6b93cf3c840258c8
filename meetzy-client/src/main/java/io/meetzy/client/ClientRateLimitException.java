package io.meetzy.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown before a request is sent when the client-side rate limit set with
 * {@link MeetzyClient.Builder#rateLimit(int, Duration)} would make the request wait past the
 * call's deadline. No request was sent for the attempt that failed.
 */
public class ClientRateLimitException extends MeetzyException {

    private final Duration requiredWait;

    public ClientRateLimitException(String message, Duration requiredWait) {
        super(message);
        this.requiredWait = Objects.requireNonNull(requiredWait, "requiredWait");
    }

    /** Returns how long the request would have had to wait for a permit, or at least that long. */
    public Duration requiredWait() {
        return requiredWait;
    }
}
