package io.meetzy.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.meetzy.client.internal.HeaderMaps;
import io.meetzy.client.internal.ResponseMapper;
import io.meetzy.client.internal.TokenExpiry;
import io.meetzy.client.internal.TokenRedactor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) API response. Immutable: the body is copied on the way in and out, so
 * changing a returned tree changes neither this response nor any other.
 *
 * @param statusCode the HTTP status code, 200 to 299 when the client created the response
 * @param body the parsed JSON body, never null. It is a
 *     {@link com.fasterxml.jackson.databind.node.MissingNode} when the response had no body, as
 *     for 204 No Content.
 * @param headers the response headers, unmodifiable, with lookups that ignore case
 * @param rateLimit the rate-limit state read from the headers when the response arrived
 */
public record MeetzyResponse(int statusCode, JsonNode body, Map<String, List<String>> headers,
        RateLimit rateLimit) {

    public MeetzyResponse {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be between 100 and 599, got " + statusCode + ".");
        }
        body = Objects.requireNonNull(body, "body").deepCopy();
        headers = HeaderMaps.copyOf(headers);
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /** Creates a response whose rate-limit state is read from {@code headers} as of now. */
    public MeetzyResponse(int statusCode, JsonNode body, Map<String, List<String>> headers) {
        this(statusCode, body, headers, RateLimit.parse(headers, Instant.now()));
    }

    /** Returns a copy of the parsed JSON body. */
    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /** Returns the first value of the header {@code name}, compared without case, or empty. */
    public Optional<String> header(String name) {
        return HeaderMaps.first(headers, name);
    }

    /** Returns the {@code Meetzy-Request-Id} header. Quote it when you contact Meetzy support. */
    public Optional<String> requestId() {
        return header(ResponseMapper.REQUEST_ID_HEADER);
    }

    /**
     * Returns when the token that made the request expires, from the {@code Meetzy-Token-Expires}
     * header (an RFC 1123 date), or empty when the header is absent or not a valid date.
     */
    public Optional<Instant> tokenExpiresAt() {
        return header(TokenExpiry.EXPIRES_HEADER).flatMap(TokenExpiry::parseHeader);
    }

    /**
     * Returns the status, request id and body with every token masked, because the response that
     * creates a token carries it in full. Headers are left out, since {@code Set-Cookie} and the
     * like may carry credentials.
     */
    @Override
    public String toString() {
        return "MeetzyResponse[statusCode=" + statusCode + ", requestId=" + requestId().orElse("none")
                + ", rateLimit=" + rateLimit + ", body=" + TokenRedactor.redact(body.toString()) + "]";
    }
}
