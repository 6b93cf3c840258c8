package io.meetzy.client;

/**
 * The root of every exception the Meetzy client throws. It is unchecked, so callers catch it only
 * where they can act on it. No message of this type or its subclasses contains the API token.
 */
public class MeetzyException extends RuntimeException {

    public MeetzyException(String message) {
        super(message);
    }

    public MeetzyException(String message, Throwable cause) {
        super(message, cause);
    }
}
