package io.meetzy.client;

/**
 * Thrown while a {@link MeetzyClient} is being built when the token or the base URL is missing or
 * invalid. The message names the setting (such as {@code MEETZY_API_TOKEN}) and the fix, and never
 * contains the token. No request has been sent when this is thrown.
 */
public class MeetzyConfigurationException extends MeetzyException {

    public MeetzyConfigurationException(String message) {
        super(message);
    }
}
