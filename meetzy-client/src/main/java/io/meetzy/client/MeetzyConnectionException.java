package io.meetzy.client;

/**
 * Thrown when a request gets no HTTP response: the connection failed, the request timed out or the
 * calling thread was interrupted. The cause is the underlying {@link java.io.IOException} or
 * {@link InterruptedException}.
 *
 * <p>Unless the connection itself failed, the server may have received and processed the request
 * before the failure, so a caller that sends it again must make sure that doing so twice is
 * harmless. The client retries such a POST only when it carries an {@code Idempotency-Key}.
 */
public class MeetzyConnectionException extends MeetzyException {

    private final int attempts;

    /** Creates an exception for a failure of the first attempt. */
    public MeetzyConnectionException(String message, Throwable cause) {
        this(message, cause, 1);
    }

    /**
     * Creates an exception for a failure of the last of {@code attempts} attempts.
     *
     * @param attempts how many attempts the client made, at least 1
     */
    public MeetzyConnectionException(String message, Throwable cause, int attempts) {
        super(message, cause);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts + ".");
        }
        this.attempts = attempts;
    }

    /** Returns how many attempts the client made before it gave up, 1 when it did not retry. */
    public int attempts() {
        return attempts;
    }
}
