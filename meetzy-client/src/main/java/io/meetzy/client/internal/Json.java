package io.meetzy.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.util.Optional;

/**
 * The one Jackson mapper of the client, configured once and shared: an {@link ObjectMapper} is
 * thread-safe once configured.
 */
public final class Json {

    /**
     * Writes bean properties in snake_case, as the Meetzy API expects, so a record component
     * {@code expiresIn} is sent as {@code expires_in}. Map keys and {@link JsonNode} trees are
     * written as they are. Trailing data after a JSON value is an error, so a truncated or
     * concatenated body cannot pass as valid.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * Serializes a request body.
     *
     * @throws IllegalArgumentException if Jackson cannot serialize the value's type
     */
    public static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body of type " + body.getClass().getName()
                    + " cannot be written as JSON (" + e.getOriginalMessage()
                    + "). Pass a Map, a JsonNode, or a record or bean of JSON-friendly types.", e);
        }
    }

    /**
     * Parses a response body: {@link MissingNode} for an empty or blank body, the tree for JSON,
     * and empty when the body is not JSON.
     */
    public static Optional<JsonNode> read(byte[] body) {
        if (isBlank(body)) {
            return Optional.of(MissingNode.getInstance());
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether {@link #read} would accept the body: empty, blank, or exactly one JSON value.
     * The check runs Jackson's streaming parser over every token, which also checks string escapes
     * and UTF-8 when it skips a string, so bad syntax, bad UTF-8 and trailing data fail here as in
     * {@code read}, but no tree is built. A response checks its body this way when it arrives and
     * builds the tree only when the caller asks for it.
     */
    public static boolean isValid(byte[] body) {
        if (isBlank(body)) {
            return true;
        }
        try (JsonParser parser = MAPPER.createParser(body)) {
            int depth = 0;
            JsonToken token = parser.nextToken();
            while (token != null) {
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
            }

            boolean oneCompleteValue = token != null && depth == 0;
            return oneCompleteValue && parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
