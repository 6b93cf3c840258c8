package io.meetzy.client.internal;

import io.meetzy.client.AuthenticationException;
import io.meetzy.client.MeetzyApiException;
import io.meetzy.client.MeetzyConnectionException;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.client.NotFoundException;
import io.meetzy.client.PermissionException;
import io.meetzy.client.RateLimit;
import io.meetzy.client.RateLimitException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the outcome of a call's last attempt into a {@link MeetzyResponse}, or into the exception
 * for its status or failure. Messages repeat no token: the server's message is redacted.
 */
public final class ResponseMapper {

    public static final String REQUEST_ID_HEADER = "Meetzy-Request-Id";

    private final URI baseUrl;
    private final TokenSource tokenSource;
    private final ResponseFactory responses;

    public ResponseMapper(URI baseUrl, TokenSource tokenSource, ResponseFactory responses) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /**
     * Returns the response of a 2xx status with a JSON or empty body. The body is checked here,
     * but its tree and the rate-limit state are built only when the caller reads them.
     *
     * @throws MeetzyApiException if the body is not JSON
     */
    public MeetzyResponse success(Call call, HttpResponse<byte[]> response, Instant receivedAt, int attempts) {
        Map<String, List<String>> headers = response.headers().map();
        if (!Json.isValid(response.body())) {
            RateLimit rateLimit = RateLimitHeaders.parse(headers, receivedAt);
            throw notJson(call, response.statusCode(), response.body(), headers, rateLimit, attempts);
        }
        return responses.create(response.statusCode(), response.body(), headers, receivedAt);
    }

    /**
     * Returns the exception for a response outside 2xx.
     *
     * @param tokenDisplayPrefix the display prefix of the token the attempt sent, for the 401 hint
     * @param note why the client stopped retrying, as whole sentences, or empty
     */
    public MeetzyApiException failure(Call call, Outcome outcome, String tokenDisplayPrefix, int attempts,
            Optional<String> note) {
        HttpResponse<byte[]> response = outcome.response().orElseThrow();
        Map<String, List<String>> headers = response.headers().map();
        int statusCode = response.statusCode();
        byte[] body = response.body();

        ErrorBody error = ErrorBody.parse(body);
        String type = error.type().orElse(MeetzyApiException.UNKNOWN_ERROR_TYPE);
        Optional<String> requestId = error.requestId().or(() -> HeaderMaps.first(headers, REQUEST_ID_HEADER));
        Optional<Duration> retryAfter = RetryAfter.parse(headers.get("Retry-After"), outcome.receivedAt());
        RateLimit rateLimit = RateLimitHeaders.parse(headers, outcome.receivedAt());

        StringBuilder message = new StringBuilder(describe(call, statusCode, type, error, requestId, body, headers));
        Optional<String> hint = outcome.redirectProblem().or(() -> hint(statusCode, headers, retryAfter,
                tokenDisplayPrefix));
        hint.ifPresent(text -> message.append(' ').append(text));
        appendRetrySummary(message, attempts, note);

        String redacted = TokenRedactor.redact(message.toString());
        String responseBody = text(body);
        return switch (statusCode) {
            case 401 -> new AuthenticationException(redacted, statusCode, type, requestId, responseBody, headers,
                    rateLimit, attempts);
            case 403 -> new PermissionException(redacted, statusCode, type, requestId, responseBody, headers,
                    rateLimit, attempts);
            case 404 -> new NotFoundException(redacted, statusCode, type, requestId, responseBody, headers,
                    rateLimit, attempts);
            case 429 -> new RateLimitException(redacted, statusCode, type, requestId, responseBody, headers,
                    rateLimit, attempts, retryAfter);
            default -> new MeetzyApiException(redacted, statusCode, type, requestId, responseBody, headers,
                    rateLimit, attempts, retryAfter);
        };
    }

    /** Returns the exception for an attempt that got no response. */
    public MeetzyConnectionException connectionFailure(Call call, IOException cause, int attempts,
            Optional<String> note) {
        StringBuilder message = new StringBuilder(call.describe()).append(' ').append(problem(cause))
                .append(". Check the base URL and the network");
        message.append(cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                ? "; the request was not sent."
                : "; the server may have received the request.");
        appendRetrySummary(message, attempts, note);
        return new MeetzyConnectionException(TokenRedactor.redact(message.toString()), cause, attempts);
    }

    /** Returns the exception for a thread interrupted while it waited for a response or a retry. */
    public MeetzyConnectionException interrupted(Call call, InterruptedException cause, int attempts) {
        StringBuilder message = new StringBuilder(call.describe())
                .append(" was interrupted before the response arrived. The server may have received the request.");
        appendRetrySummary(message, attempts, Optional.empty());
        return new MeetzyConnectionException(TokenRedactor.redact(message.toString()), cause, attempts);
    }

    private String problem(IOException cause) {
        String origin = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
        if (cause instanceof HttpConnectTimeoutException) {
            return "timed out while connecting to " + origin;
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out waiting for the response from " + origin;
        }
        return "failed to reach " + origin + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }

    private static void appendRetrySummary(StringBuilder message, int attempts, Optional<String> note) {
        note.ifPresent(text -> message.append(' ').append(text));
        if (attempts > 1) {
            message.append(" The client made ").append(attempts).append(" attempts.");
        }
    }

    private MeetzyApiException notJson(Call call, int statusCode, byte[] body, Map<String, List<String>> headers,
            RateLimit rateLimit, int attempts) {
        String message = call.describe() + " returned status " + statusCode + " with a body that is not JSON"
                + " (Content-Type: " + HeaderMaps.first(headers, "Content-Type").orElse("none")
                + "): check that the base URL " + baseUrl + " is the Meetzy API.";
        return new MeetzyApiException(TokenRedactor.redact(message), statusCode, MeetzyApiException.UNKNOWN_ERROR_TYPE,
                HeaderMaps.first(headers, REQUEST_ID_HEADER), text(body), headers, rateLimit, attempts);
    }

    private static String describe(Call call, int statusCode, String type, ErrorBody error,
            Optional<String> requestId, byte[] body, Map<String, List<String>> headers) {
        StringBuilder message = new StringBuilder()
                .append(call.describe())
                .append(" failed with status ").append(statusCode).append(" (").append(type).append("): ")
                .append(sentence(error.message().orElseGet(() -> describeBody(body, headers))));

        requestId.ifPresent(id -> message.append(" Request id: ").append(id).append('.'));
        return message.toString();
    }

    private static String describeBody(byte[] body, Map<String, List<String>> headers) {
        if (body.length == 0) {
            return "the response has no body.";
        }
        return "the response body is not a Meetzy error (Content-Type: "
                + HeaderMaps.first(headers, "Content-Type").orElse("none") + ", " + body.length + " bytes).";
    }

    private Optional<String> hint(int statusCode, Map<String, List<String>> headers, Optional<Duration> retryAfter,
            String tokenDisplayPrefix) {
        if (statusCode >= 300 && statusCode < 400) {
            return Optional.of(redirectHint(headers));
        }
        return switch (statusCode) {
            case 401 -> Optional.of("Check that " + tokenSource.settingNameInSentence()
                    + " is the complete token (it starts with " + tokenDisplayPrefix
                    + ") and that the token has not expired or been revoked; create a new token if it has.");
            // The server's message already names the scope and the fix, so the hint adds only what it leaves out.
            case 403 -> Optional.of("Scopes are chosen when a token is created, and rotation keeps them.");
            case 429 -> Optional.of(retryAfter
                    .map(delay -> "Wait " + wholeSecondsUp(delay) + " seconds before the next request.")
                    .orElse("Send fewer requests, and wait before the next one."));
            case 500, 502, 503, 504 -> Optional.of("The server failed to handle the request: try again later,"
                    + " and quote the request id to Meetzy support if it keeps failing.");
            default -> Optional.empty();
        };
    }

    /**
     * Explains a redirect that came back without a Location the client could follow. Only the
     * scheme, host and path of the target are shown, because its query may carry a credential.
     */
    private static String redirectHint(Map<String, List<String>> headers) {
        String target = HeaderMaps.first(headers, "Location")
                .map(ResponseMapper::withoutQuery)
                .map(location -> " to " + location)
                .orElse(" without a Location header");
        return "The server redirected" + target + ", which the client could not follow: set the base URL to the"
                + " address that serves the API.";
    }

    private static long wholeSecondsUp(Duration delay) {
        long seconds = delay.toSeconds();
        return delay.toNanosPart() > 0 ? seconds + 1 : seconds;
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
