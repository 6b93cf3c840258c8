package io.meetzy.client;

/**
 * Thrown when a request gets no HTTP response: the connection failed, the request timed out or the
 * calling thread was interrupted. The cause is the underlying {@link java.io.IOException} or
 * {@link InterruptedException}.
 *
 * <p>The server may have received and processed the request before the failure, so a caller that
 * sends it again must make sure that doing so twice is harmless.
 */
public class MeetzyConnectionException extends MeetzyException {

    public MeetzyConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
