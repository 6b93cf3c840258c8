package io.meetzy.client.internal;

import io.meetzy.client.MeetzyResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Creates the {@link MeetzyResponse} for a 2xx response whose body passed {@link Json#isValid}.
 * {@code MeetzyClient} supplies it, because the constructor that defers parsing is not public.
 */
@FunctionalInterface
public interface ResponseFactory {

    /**
     * Returns the response, which takes ownership of {@code validJson} and shares {@code headers}.
     *
     * @param headers the JDK's response headers: unmodifiable, with lookups that ignore case
     * @param receivedAt when the response arrived
     */
    MeetzyResponse create(int statusCode, byte[] validJson, Map<String, List<String>> headers, Instant receivedAt);
}
