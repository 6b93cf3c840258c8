package io.meetzy.verifier.rest;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.CreatedToken;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The JSON token object of the Meetzy API: {@code id}, {@code name}, {@code masked_value},
 * {@code scopes}, {@code created_at}, {@code expires_at}, {@code last_used_at} (null when never
 * used) and {@code status} ({@code active}, {@code expired} or {@code revoked}), with RFC 3339 UTC
 * timestamps. Only {@link #created} adds the full token, in {@code token}.
 */
public final class TokenObjects {

    private static final JsonNodeFactory NODES = JsonMapper.builder().build().getNodeFactory();

    private TokenObjects() {
    }

    /** Returns the token object as the list endpoint shows it, with the status at {@code now}. */
    public static ObjectNode of(TokenMetadata token, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(now, "now");

        ObjectNode node = NODES.objectNode();
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
        node.put("status", token.status(now).jsonName());
        return node;
    }

    /**
     * Returns the token object with the full token in {@code token}: the body of the one response
     * that creates it. Never log the result.
     */
    public static ObjectNode created(CreatedToken created, Instant now) {
        Objects.requireNonNull(created, "created");
        ObjectNode node = of(created.metadata(), now);
        node.put("token", created.token().value());
        return node;
    }

    /** Returns {@code {"data":[token...]}} in the order given. */
    public static ObjectNode list(List<TokenMetadata> tokens, Instant now) {
        Objects.requireNonNull(tokens, "tokens");
        ObjectNode node = NODES.objectNode();
        ArrayNode data = node.putArray("data");
        tokens.forEach(token -> data.add(of(token, now)));
        return node;
    }

    /** Formats an instant as RFC 3339 in UTC, such as {@code 2025-06-15T10:20:30.123456Z}. */
    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
