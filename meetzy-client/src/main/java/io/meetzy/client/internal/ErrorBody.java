package io.meetzy.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Optional;

/**
 * The fields of a Meetzy error body, {@code {"error":{"type":..,"message":..,"request_id":..}}}.
 * Each is empty when the body is not JSON, has another shape, or lacks the field.
 */
record ErrorBody(Optional<String> type, Optional<String> message, Optional<String> requestId) {

    static ErrorBody parse(byte[] body) {
        JsonNode error = Json.read(body)
                .map(tree -> tree.path("error"))
                .orElseGet(MissingNode::getInstance);
        return new ErrorBody(text(error, "type"), text(error, "message"), text(error, "request_id"));
    }

    private static Optional<String> text(JsonNode error, String field) {
        JsonNode node = error.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asText().strip());
    }
}
