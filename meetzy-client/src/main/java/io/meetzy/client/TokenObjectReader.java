package io.meetzy.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetzy.core.ApiToken;
import io.meetzy.core.TokenParseResult;
import io.meetzy.core.TokenRedactor;
import io.meetzy.core.TokenStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the token objects of the token API. A response that lacks a field or has one of the wrong
 * shape becomes a {@link MeetzyApiException} that names the field, with every token in the body
 * masked.
 */
final class TokenObjectReader {

    private final MeetzyResponse response;
    private final String operation;

    private TokenObjectReader(MeetzyResponse response, String operation) {
        this.response = response;
        this.operation = operation;
    }

    static List<ApiTokenInfo> list(MeetzyResponse response, String operation) {
        TokenObjectReader reader = new TokenObjectReader(response, operation);
        JsonNode data = response.body().path("data");
        if (!data.isArray()) {
            throw reader.invalid("'data' is not an array");
        }

        List<ApiTokenInfo> tokens = new ArrayList<>();
        for (JsonNode node : data) {
            tokens.add(reader.info(node));
        }
        return List.copyOf(tokens);
    }

    static CreatedApiToken created(MeetzyResponse response, String operation) {
        TokenObjectReader reader = new TokenObjectReader(response, operation);
        JsonNode node = response.body();
        TokenParseResult parsed = ApiToken.parse(reader.text(node, "token"));
        if (!parsed.isValid()) {
            throw reader.invalid("'token' is not a valid Meetzy token ("
                    + parsed.rejection().orElseThrow().message() + ")");
        }
        return new CreatedApiToken(parsed.token().orElseThrow(), reader.info(node));
    }

    private ApiTokenInfo info(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("a token is not a JSON object");
        }
        return new ApiTokenInfo(
                text(node, "id"),
                text(node, "name"),
                text(node, "masked_value"),
                scopes(node),
                instant(node, "created_at"),
                instant(node, "expires_at"),
                node.path("last_used_at").isNull() || node.path("last_used_at").isMissingNode()
                        ? Optional.empty()
                        : Optional.of(instant(node, "last_used_at")),
                status(node));
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw invalid("'" + field + "' is missing or not a string");
        }
        return value.textValue();
    }

    private Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("'" + field + "' is not an RFC 3339 UTC timestamp");
        }
    }

    private Set<String> scopes(JsonNode node) {
        JsonNode value = node.path("scopes");
        if (!value.isArray()) {
            throw invalid("'scopes' is missing or not an array");
        }
        Set<String> scopes = new TreeSet<>();
        for (JsonNode scope : value) {
            if (!scope.isTextual()) {
                throw invalid("'scopes' contains a value that is not a string");
            }
            scopes.add(scope.textValue());
        }
        return scopes;
    }

    private TokenStatus status(JsonNode node) {
        String text = text(node, "status");
        try {
            return TokenStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("'status' is not one of active, expired, revoked");
        }
    }

    private MeetzyApiException invalid(String problem) {
        String message = "The response to " + operation + " is not a valid token API response: " + problem
                + ". Check that the base URL points to the Meetzy API (request id "
                + response.requestId().orElse("none") + ").";
        return new MeetzyApiException(message, response.statusCode(), MeetzyApiException.UNKNOWN_ERROR_TYPE,
                response.requestId(), TokenRedactor.redact(response.body().toString()), response.headers());
    }
}
