package io.meetzy.client.internal;

import io.meetzy.client.MeetzyConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Builds the {@link HttpRequest} for one attempt, with the headers every request carries. */
public final class RequestFactory {

    /** The header that lets the server recognize a repeated POST and apply it only once. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private static final String JSON = "application/json";

    /**
     * The maximum number of paths whose resolved URI is kept. Parsing a URI costs about a microsecond, which is
     * measurable against a loopback round trip, and most applications call a handful of fixed
     * paths. The bound keeps a client that builds many distinct paths from growing the map.
     */
    private static final int MAX_CACHED_PATHS = 256;

    private final String baseUrlText;
    private final ConcurrentMap<String, URI> resolvedPaths = new ConcurrentHashMap<>();

    public RequestFactory(URI baseUrl) {
        this.baseUrlText = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    }

    /**
     * Returns the request for one attempt.
     *
     * @param bearerToken the token for the {@code Authorization} header, or empty to send none, as
     *     for a redirect to another origin
     * @param timeout the time to wait for the response once connected
     * @throws MeetzyConfigurationException if the token contains a character that HTTP does not
     *     allow in a header value. The message does not contain the token.
     */
    public HttpRequest create(String method, URI uri, Optional<byte[]> jsonBody, Optional<String> bearerToken,
            Optional<String> idempotencyKey, Duration timeout) {
        HttpRequest.BodyPublisher publisher = jsonBody
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);

        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(method, publisher)
                .timeout(timeout)
                .header("Accept", JSON)
                .header("User-Agent", UserAgent.value());
        if (jsonBody.isPresent()) {
            builder.header("Content-Type", JSON);
        }
        idempotencyKey.ifPresent(key -> builder.header(IDEMPOTENCY_KEY_HEADER, key));
        bearerToken.ifPresent(token -> withAuthorization(builder, token));
        return builder.build();
    }

    /**
     * Appends {@code path} to the base URL as text rather than with {@link URI#resolve}. The base
     * URL ends with its authority or path prefix and the path starts with {@code /}, so the
     * authority always ends before the path: no path, not even {@code //other.host/x}, can change
     * the host the token is sent to.
     */
    public URI resolve(String path) {
        Objects.requireNonNull(path, "path");
        URI cached = resolvedPaths.get(path);
        if (cached != null) {
            return cached;
        }

        URI uri = parse(path);
        // Paths with a query are not kept: queries vary per call and may carry values that should
        // not outlive the request.
        boolean isCacheable = path.indexOf('?') < 0 && resolvedPaths.size() < MAX_CACHED_PATHS;
        if (isCacheable) {
            resolvedPaths.putIfAbsent(path, uri);
        }
        return uri;
    }

    private URI parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("The request path " + quoted(path)
                    + " must start with '/', for example /v1/assistants.");
        }

        try {
            return new URI(baseUrlText.concat(path));
        } catch (URISyntaxException e) {
            // No cause: the JDK's message repeats the whole input, which may hold a query secret.
            throw new IllegalArgumentException("The request path " + quoted(path) + " is not a valid URI path ("
                    + e.getReason() + "): percent-encode spaces and other special characters.");
        }
    }

    private static String quoted(String path) {
        return "'" + TokenRedactor.redact(path) + "'";
    }

    /**
     * Checks that {@code tokenValue} fits in a header value, for a value that skipped the token
     * checks.
     *
     * @throws MeetzyConfigurationException if it does not; the message does not contain the token
     */
    public static void checkHeaderValue(URI baseUrl, String tokenValue) {
        withAuthorization(HttpRequest.newBuilder(baseUrl), tokenValue);
    }

    /**
     * Adds the Authorization header. The JDK's message for a rejected header value quotes the
     * value, so the exception is replaced by one that names only the problem, without a cause.
     */
    private static HttpRequest.Builder withAuthorization(HttpRequest.Builder builder, String tokenValue) {
        try {
            return builder.header("Authorization", "Bearer " + tokenValue);
        } catch (IllegalArgumentException e) {
            throw new MeetzyConfigurationException("The API token contains a character that is not allowed in"
                    + " an HTTP header, such as a line break: set the token to the exact value shown when it"
                    + " was created.");
        }
    }
}
