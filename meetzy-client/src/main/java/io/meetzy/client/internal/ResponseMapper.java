package io.meetzy.client.internal;

import com.fasterxml.jackson.databind.JsonNode;

import io.meetzy.client.AuthenticationException;
import io.meetzy.client.MeetzyApiException;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.client.NotFoundException;
import io.meetzy.client.PermissionException;
import io.meetzy.client.RateLimitException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an HTTP response into a {@link MeetzyResponse}, or into the {@link MeetzyApiException}
 * subclass for its status. Messages repeat no token: the server's message is redacted.
 */
public final class ResponseMapper {

    public static final String REQUEST_ID_HEADER = "Meetzy-Request-Id";

    private final URI baseUrl;
    private final TokenSource tokenSource;
    private final String tokenDisplayPrefix;

    public ResponseMapper(URI baseUrl, TokenSource tokenSource, String tokenDisplayPrefix) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
        this.tokenDisplayPrefix = Objects.requireNonNull(tokenDisplayPrefix, "tokenDisplayPrefix");
    }

    /**
     * Returns the response of a 2xx status with a JSON or empty body.
     *
     * @param path the request path without its query, for messages
     * @throws MeetzyApiException for any other status, or a 2xx body that is not JSON
     */
    public MeetzyResponse map(String method, String path, int statusCode, byte[] body,
            Map<String, List<String>> headers) {
        Map<String, List<String>> headerCopy = HeaderMaps.copyOf(headers);
        boolean successful = statusCode >= 200 && statusCode < 300;
        if (!successful) {
            throw toException(method, path, statusCode, body, headerCopy);
        }

        Optional<JsonNode> json = Json.read(body);
        if (json.isEmpty()) {
            throw notJson(method, path, statusCode, body, headerCopy);
        }
        return new MeetzyResponse(statusCode, json.get(), headerCopy);
    }

    private MeetzyApiException notJson(String method, String path, int statusCode, byte[] body,
            Map<String, List<String>> headers) {
        String message = method + " " + path + " returned status " + statusCode + " with a body that is not JSON"
                + " (Content-Type: " + HeaderMaps.first(headers, "Content-Type").orElse("none")
                + "): check that the base URL " + baseUrl + " is the Meetzy API.";
        return new MeetzyApiException(TokenRedactor.redact(message), statusCode, MeetzyApiException.UNKNOWN_ERROR_TYPE,
                HeaderMaps.first(headers, REQUEST_ID_HEADER), text(body), headers);
    }

    private MeetzyApiException toException(String method, String path, int statusCode, byte[] body,
            Map<String, List<String>> headers) {
        ErrorBody error = ErrorBody.parse(body);
        String type = error.type().orElse(MeetzyApiException.UNKNOWN_ERROR_TYPE);
        Optional<String> requestId = error.requestId().or(() -> HeaderMaps.first(headers, REQUEST_ID_HEADER));
        Optional<Duration> retryAfter = RetryAfter.parse(headers.get("Retry-After"));

        String message = TokenRedactor.redact(describe(method, path, statusCode, type, error, requestId,
                body, headers, retryAfter));
        String responseBody = text(body);
        return switch (statusCode) {
            case 401 -> new AuthenticationException(message, statusCode, type, requestId, responseBody, headers);
            case 403 -> new PermissionException(message, statusCode, type, requestId, responseBody, headers);
            case 404 -> new NotFoundException(message, statusCode, type, requestId, responseBody, headers);
            case 429 -> new RateLimitException(message, statusCode, type, requestId, responseBody, headers,
                    retryAfter);
            default -> new MeetzyApiException(message, statusCode, type, requestId, responseBody, headers);
        };
    }

    private String describe(String method, String path, int statusCode, String type, ErrorBody error,
            Optional<String> requestId, byte[] body, Map<String, List<String>> headers,
            Optional<Duration> retryAfter) {
        StringBuilder message = new StringBuilder()
                .append(method).append(' ').append(path)
                .append(" failed with status ").append(statusCode).append(" (").append(type).append("): ")
                .append(sentence(error.message().orElseGet(() -> describeBody(body, headers))));

        requestId.ifPresent(id -> message.append(" Request id: ").append(id).append('.'));
        hint(statusCode, headers, retryAfter).ifPresent(hint -> message.append(' ').append(hint));
        return message.toString();
    }

    private static String describeBody(byte[] body, Map<String, List<String>> headers) {
        if (body.length == 0) {
            return "the response has no body.";
        }
        return "the response body is not a Meetzy error (Content-Type: "
                + HeaderMaps.first(headers, "Content-Type").orElse("none") + ", " + body.length + " bytes).";
    }

    private Optional<String> hint(int statusCode, Map<String, List<String>> headers, Optional<Duration> retryAfter) {
        if (statusCode >= 300 && statusCode < 400) {
            return Optional.of(redirectHint(headers));
        }
        return switch (statusCode) {
            case 401 -> Optional.of("Check that " + tokenSource.settingNameInSentence()
                    + " is the complete token (it starts with " + tokenDisplayPrefix
                    + ") and that the token has not expired or been revoked; create a new token if it has.");
            case 403 -> Optional.of("The token is valid but lacks a scope this request needs:"
                    + " use a token created with that scope.");
            case 429 -> Optional.of(retryAfter
                    .map(delay -> "Wait " + delay.toSeconds() + " seconds before the next request.")
                    .orElse("Send fewer requests, and wait before the next one."));
            case 500, 502, 503, 504 -> Optional.of("The server failed to handle the request: try again later,"
                    + " and quote the request id to Meetzy support if it keeps failing.");
            default -> Optional.empty();
        };
    }

    /**
     * Explains the redirect. Only the scheme, host and path of the target are shown, because
     * its query may carry a credential.
     */
    private static String redirectHint(Map<String, List<String>> headers) {
        String target = HeaderMaps.first(headers, "Location")
                .map(ResponseMapper::withoutQuery)
                .map(location -> " to " + location)
                .orElse("");
        return "The server redirected" + target + ". The client does not follow redirects, so the token is never"
                + " sent to another address: set the base URL to the address that serves the API.";
    }

    private static String withoutQuery(String location) {
        int end = location.length();
        int query = location.indexOf('?');
        int fragment = location.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return location.substring(0, end);
    }

    private static String sentence(String text) {
        char last = text.charAt(text.length() - 1);
        boolean terminated = last == '.' || last == '!' || last == '?';
        return terminated ? text : text + ".";
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
