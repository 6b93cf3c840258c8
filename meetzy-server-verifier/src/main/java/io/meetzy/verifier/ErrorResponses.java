package io.meetzy.verifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The JSON error body every Meetzy endpoint returns:
 * {@code {"error":{"type":"...","message":"...","request_id":"..."}}}. The client maps
 * {@code type} to its exceptions: {@code invalid_request_error} (400), {@code authentication_error}
 * (401), {@code permission_error} (403), {@code not_found_error} (404), {@code rate_limit_error}
 * (429) and {@code api_error} (500). The token API also answers {@code idempotency_error} (409 while
 * a request with the same {@code Idempotency-Key} is running, 422 when the key was used for another
 * request); the client maps that by status.
 */
public final class ErrorResponses {

    private static final JsonFactory JSON = new JsonFactory();

    private ErrorResponses() {
    }

    /** Returns the error body as JSON, with every value escaped as JSON requires. */
    public static String json(String errorType, String message, String requestId) {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");

        StringWriter body = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(body)) {
            generator.writeStartObject();
            generator.writeObjectFieldStart("error");
            generator.writeStringField("type", errorType);
            generator.writeStringField("message", message);
            generator.writeStringField("request_id", requestId);
            generator.writeEndObject();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to a StringWriter cannot fail", e);
        }
        return body.toString();
    }
}
