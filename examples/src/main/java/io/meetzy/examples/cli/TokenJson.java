package io.meetzy.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetzy.client.ApiTokenInfo;
import io.meetzy.client.CreatedApiToken;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes token objects in the API's JSON shape: snake_case, RFC 3339 UTC timestamps. */
final class TokenJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenJson() {
    }

    static ObjectNode tokenObject(ApiTokenInfo token) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", token.id());
        node.put("name", token.name());
        node.put("masked_value", token.maskedValue());
        ArrayNode scopes = node.putArray("scopes");
        token.scopes().forEach(scopes::add);
        node.put("created_at", rfc3339(token.createdAt()));
        node.put("expires_at", rfc3339(token.expiresAt()));
        if (token.lastUsedAt().isPresent()) {
            node.put("last_used_at", rfc3339(token.lastUsedAt().get()));
        } else {
            node.putNull("last_used_at");
        }
        node.put("status", token.status().jsonName());
        return node;
    }

    /** Returns the token object with the full token in {@code token}, as the create response has it. */
    static ObjectNode createdObject(CreatedApiToken created) {
        ObjectNode node = tokenObject(created.info());
        node.put("token", created.token().value());
        return node;
    }

    static ObjectNode tokenList(List<ApiTokenInfo> tokens) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode data = node.putArray("data");
        tokens.forEach(token -> data.add(tokenObject(token)));
        return node;
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
