package io.meetzy.client.internal;

import io.meetzy.client.MeetzyConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Builds the {@link HttpRequest} for one API call, with the headers every request carries. */
public final class RequestFactory {

    private static final String JSON = "application/json";

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;

    /**
     * Creates a factory for requests to {@code baseUrl} that authenticate with {@code tokenValue}.
     *
     * @throws MeetzyConfigurationException if the token contains a character that HTTP does not
     *     allow in a header value. The message does not contain the token.
     */
    public RequestFactory(URI baseUrl, String tokenValue, Duration requestTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.authorization = "Bearer " + Objects.requireNonNull(tokenValue, "tokenValue");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        checkAuthorizationHeader();
    }

    /**
     * Returns the request for {@code method} on {@code path}, which is appended to the base URL.
     *
     * @throws IllegalArgumentException if the path does not start with {@code /} or is not a valid
     *     URI path and query
     */
    public HttpRequest create(String method, String path, Optional<byte[]> jsonBody) {
        URI uri = resolve(path);
        HttpRequest.BodyPublisher publisher = jsonBody
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);

        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(method, publisher)
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header("User-Agent", UserAgent.value());
        if (jsonBody.isPresent()) {
            builder.header("Content-Type", JSON);
        }
        return withAuthorization(builder).build();
    }

    /**
     * Appends {@code path} to the base URL as text rather than with {@link URI#resolve}. The base
     * URL ends with its authority or path prefix and the path starts with {@code /}, so the
     * authority always ends before the path: no path, not even {@code //other.host/x}, can change
     * the host the token is sent to.
     */
    URI resolve(String path) {
        Objects.requireNonNull(path, "path");
        String quotedPath = "'" + TokenRedactor.redact(path) + "'";
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("The request path " + quotedPath
                    + " must start with '/', for example /v1/assistants.");
        }

        try {
            return new URI(baseUrl + path);
        } catch (URISyntaxException e) {
            // No cause: the JDK's message repeats the whole input, which may hold a query secret.
            throw new IllegalArgumentException("The request path " + quotedPath + " is not a valid URI path ("
                    + e.getReason() + "): percent-encode spaces and other special characters.");
        }
    }

    private void checkAuthorizationHeader() {
        withAuthorization(HttpRequest.newBuilder(baseUrl));
    }

    /**
     * Adds the Authorization header. The JDK's message for a rejected header value quotes the
     * value, so the exception is replaced by one that names only the problem, without a cause.
     */
    private HttpRequest.Builder withAuthorization(HttpRequest.Builder builder) {
        try {
            return builder.header("Authorization", authorization);
        } catch (IllegalArgumentException e) {
            throw new MeetzyConfigurationException("The API token contains a character that is not allowed in"
                    + " an HTTP header, such as a line break: set the token to the exact value shown when it"
                    + " was created.");
        }
    }
}
