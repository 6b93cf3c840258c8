package io.meetzy.verifier.rest;

import io.meetzy.verifier.internal.SafeText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks the JSON request bodies of the token API. Every failure is a 400 whose message
 * names the field and the rule. No message repeats the body, because a caller may have pasted a
 * token into it.
 */
final class JsonBodies {

    /** A repeated field or data after the object is an error, so that no two readers can see different values. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /**
     * Reads the whole body, at most {@code maxBytes} of it.
     *
     * @param example a valid body, quoted in messages so the caller sees the expected shape
     * @throws ApiException for a body over {@code maxBytes}, whether declared or read
     */
    static byte[] read(ApiRequest.Body body, int maxBytes, String example) {
        String tooLarge = "The request body is larger than " + maxBytes + " bytes, the limit of this API."
                + " Send a small JSON object, such as " + example + ".";
        OptionalLong declared = body.declaredLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw ApiException.invalidRequest(tooLarge);
        }

        // Reading one byte beyond the limit separates a body of exactly maxBytes from a longer one.
        try (InputStream in = body.open()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw ApiException.invalidRequest(tooLarge);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }

    /**
     * Parses a body that {@link #read} returned as a JSON object with only {@code allowedFields};
     * empty when the body is empty or only whitespace.
     *
     * @param example a valid body, quoted in messages so the caller sees the expected shape
     * @throws ApiException for invalid JSON, a repeated field, a value other than an object, or an
     *     unknown field
     */
    static Optional<ObjectNode> parseObject(byte[] bytes, Set<String> allowedFields, String example) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }

        JsonNode tree = parse(bytes, example);
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.invalidRequest("The request body must be a JSON object, such as " + example + ".");
        }
        checkFields(object, allowedFields);
        return Optional.of(object);
    }

    /**
     * Returns a string field, or empty when it is absent.
     *
     * @throws ApiException if the field is present but not a string, including JSON {@code null}
     */
    static Optional<String> string(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.invalidRequest("The field '" + field + "' must be a string, got "
                    + describe(value) + ".");
        }
        return Optional.of(value.textValue());
    }

    /**
     * Returns an array-of-strings field, or empty when it is absent.
     *
     * @throws ApiException if the field is not an array, or has an element that is not a string
     */
    static Optional<List<String>> strings(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw ApiException.invalidRequest("The field '" + field + "' must be an array of strings, got "
                    + describe(value) + ".");
        }

        List<String> result = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ApiException.invalidRequest("The field '" + field + "' must contain only strings, got "
                        + describe(element) + ".");
            }
            result.add(element.textValue());
        }
        return Optional.of(result);
    }

    private static JsonNode parse(byte[] bytes, String example) {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input, so only its position is passed on.
            JsonLocation location = e.getLocation();
            String where = location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            String original = String.valueOf(e.getOriginalMessage());
            if (original.startsWith("Duplicate field")) {
                throw ApiException.invalidRequest("The request body repeats a field" + where + ". Send each field once.");
            }
            throw ApiException.invalidRequest("The request body is not valid JSON" + where
                    + ". Send a JSON object, such as " + example + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse the request body", e);
        }
    }

    private static void checkFields(ObjectNode object, Set<String> allowedFields) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowedFields.contains(name)) {
                throw ApiException.invalidRequest("Unknown field " + SafeText.quote(name) + " in the request body."
                        + " The accepted fields are " + String.join(", ", new TreeSet<>(allowedFields)) + ".");
            }
        }
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "a value of type " + value.getNodeType();
        };
    }
}
