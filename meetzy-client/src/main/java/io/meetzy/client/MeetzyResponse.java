package io.meetzy.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.meetzy.client.internal.HeaderMaps;
import io.meetzy.client.internal.Json;
import io.meetzy.client.internal.Lazy;
import io.meetzy.client.internal.RateLimitHeaders;
import io.meetzy.client.internal.ResponseMapper;
import io.meetzy.client.internal.TokenExpiry;
import io.meetzy.client.internal.TokenRedactor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) API response. Immutable and thread-safe: the body is copied on the way out,
 * so changing a returned tree changes neither this response nor any other.
 *
 * <p>A response that {@link MeetzyClient} returns has checked its body as JSON when it arrived,
 * but builds the tree on the first {@link #body()} call, and reads the rate-limit headers on the
 * first {@link #rateLimit()} call. A caller that needs only the status or a header pays for
 * neither. Each runs once per response, on the first thread that calls the accessor.
 */
public final class MeetzyResponse {

    private final int statusCode;
    private final Lazy<JsonNode> body;
    private final Map<String, List<String>> headers;
    private final Lazy<RateLimit> rateLimit;

    /**
     * Creates a response from parts that are already parsed, copying the body and the headers.
     *
     * @param statusCode the HTTP status code, 100 to 599
     * @param body the parsed JSON body, a {@link com.fasterxml.jackson.databind.node.MissingNode}
     *     for a response without a body
     * @param headers the response headers
     * @param rateLimit the rate-limit state read from the headers
     * @throws IllegalArgumentException if the status code is outside 100 to 599
     */
    public MeetzyResponse(int statusCode, JsonNode body, Map<String, List<String>> headers, RateLimit rateLimit) {
        this(checkStatus(statusCode), Lazy.ofValue(Objects.requireNonNull(body, "body").deepCopy()),
                HeaderMaps.copyOf(headers), Lazy.ofValue(Objects.requireNonNull(rateLimit, "rateLimit")));
    }

    /** Creates a response whose rate-limit state is read from {@code headers} as of now. */
    public MeetzyResponse(int statusCode, JsonNode body, Map<String, List<String>> headers) {
        this(statusCode, body, headers, RateLimit.parse(headers, Instant.now()));
    }

    private MeetzyResponse(int statusCode, Lazy<JsonNode> body, Map<String, List<String>> headers,
            Lazy<RateLimit> rateLimit) {
        this.statusCode = statusCode;
        this.body = body;
        this.headers = headers;
        this.rateLimit = rateLimit;
    }

    /**
     * Creates the response for a body that {@link Json#isValid} accepted, without copying: the
     * body array belongs to the response from here on, and the JDK's {@code HttpHeaders.map()} is
     * already unmodifiable with lookups that ignore case.
     *
     * @param receivedAt when the response arrived, to turn an {@code X-RateLimit-Reset} Unix time into a wait
     */
    static MeetzyResponse received(int statusCode, byte[] validJson, Map<String, List<String>> headers,
            Instant receivedAt) {
        Lazy<JsonNode> body = Lazy.of(() -> Json.read(validJson).orElseThrow(() -> new IllegalStateException(
                "The response body passed the JSON check when it arrived, but Jackson could not parse it.")));
        Lazy<RateLimit> rateLimit = Lazy.of(() -> RateLimitHeaders.parse(headers, receivedAt));
        return new MeetzyResponse(checkStatus(statusCode), body, headers, rateLimit);
    }

    /** Returns the HTTP status code, 200 to 299 when the client created the response. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns a copy of the parsed JSON body. It is a
     * {@link com.fasterxml.jackson.databind.node.MissingNode} when the response had no body, as for
     * 204 No Content.
     */
    public JsonNode body() {
        return body.get().deepCopy();
    }

    /** Returns the response headers, unmodifiable, with lookups that ignore case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns the rate-limit state read from the headers; see {@link RateLimit} for the fields read. */
    public RateLimit rateLimit() {
        return rateLimit.get();
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

    /** Returns whether {@code other} is a response with an equal status, body, headers and rate-limit state. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MeetzyResponse that)) {
            return false;
        }
        return statusCode == that.statusCode
                && body.get().equals(that.body.get())
                && headers.equals(that.headers)
                && rateLimit.get().equals(that.rateLimit.get());
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, body.get(), headers, rateLimit.get());
    }

    /**
     * Returns the status, request id and body with every token masked, because the response that
     * creates a token carries it in full. Headers are left out, since {@code Set-Cookie} and the
     * like may carry credentials.
     */
    @Override
    public String toString() {
        return "MeetzyResponse[statusCode=" + statusCode + ", requestId=" + requestId().orElse("none")
                + ", rateLimit=" + rateLimit.get() + ", body=" + TokenRedactor.redact(body.get().toString()) + "]";
    }

    private static int checkStatus(int statusCode) {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be between 100 and 599, got " + statusCode + ".");
        }
        return statusCode;
    }
}
