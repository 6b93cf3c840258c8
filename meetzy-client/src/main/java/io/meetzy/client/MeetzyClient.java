package io.meetzy.client;

import io.meetzy.client.internal.BaseUrls;
import io.meetzy.client.internal.RequestExecutor;
import io.meetzy.client.internal.RequestFactory;
import io.meetzy.client.internal.ResponseMapper;
import io.meetzy.client.internal.TokenSource;
import io.meetzy.client.internal.TokenValidator;
import io.meetzy.core.ApiToken;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls the Meetzy API with an API token in the {@code Authorization: Bearer} header.
 *
 * <p>Create one with {@link #fromEnv()}, which reads {@value #TOKEN_ENV} and {@value #BASE_URL_ENV},
 * or with {@link #builder()}. The token is checked when the client is built: a missing, blank or
 * malformed token, or one with a failed checksum, fails there with a
 * {@link MeetzyConfigurationException} that names the setting and the fix, so no request ever
 * carries a token that cannot work.
 *
 * <p>A 2xx response comes back as a {@link MeetzyResponse}. Any other status throws a
 * {@link MeetzyApiException} subclass, and a request without a response throws
 * {@link MeetzyConnectionException}. All of them are unchecked.
 *
 * <p>The client never follows redirects. The JDK's {@link HttpClient} would send the
 * {@code Authorization} header again to wherever a redirect points, which may be another host,
 * so a 3xx response becomes a {@link MeetzyApiException} instead.
 *
 * <p>Instances are immutable and thread-safe: share one per token and base URL. The token appears
 * in no message, log line or {@code toString()}, only masked.
 *
 * <p>This version sends each request once: it does not retry, and it does not limit its own
 * request rate.
 */
public final class MeetzyClient {

    /** The environment variable that {@link #fromEnv()} reads the token from. */
    public static final String TOKEN_ENV = "MEETZY_API_TOKEN";

    /** The environment variable that {@link #fromEnv()} reads the base URL from, when it is set. */
    public static final String BASE_URL_ENV = "MEETZY_BASE_URL";

    /** The production API, used when no base URL is given. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.meetzy.ai");

    /**
     * A TCP and TLS handshake over a slow network completes well within 10 seconds, and a wrong
     * address still fails while the user is waiting for it.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Bounds one whole exchange after the connection. The API's requests and responses are small
     * JSON documents, so a response that takes longer than 30 seconds means a problem, not a
     * large transfer.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final ApiToken token;
    private final RequestExecutor executor;

    private MeetzyClient(URI baseUrl, ApiToken token, RequestExecutor executor) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.executor = executor;
    }

    /**
     * Creates a client from {@value #TOKEN_ENV} and, when it is set, {@value #BASE_URL_ENV}
     * (default {@code https://api.meetzy.ai}), with default timeouts.
     *
     * @throws MeetzyConfigurationException if the token is missing or invalid, or the base URL is invalid
     */
    public static MeetzyClient fromEnv() {
        return fromEnv(System.getenv());
    }

    /** Creates a client as {@link #fromEnv()} does, from the given variables instead of the process's. */
    static MeetzyClient fromEnv(Map<String, String> environment) {
        return builder().tokenFromEnv(environment).baseUrlFromEnv(environment).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code GET path} and returns the 2xx response.
     *
     * @param path the path after the base URL, starting with {@code /}, such as {@code /v1/assistants},
     *     optionally with a query string
     * @throws IllegalArgumentException if the path does not start with {@code /} or is not a valid URI path
     * @throws MeetzyApiException for a non-2xx status, or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived
     */
    public MeetzyResponse get(String path) {
        return executor.execute("GET", path, Optional.empty());
    }

    /**
     * Sends {@code POST path} with {@code jsonBody} serialized by Jackson, and returns the 2xx
     * response. A {@link Map} or a {@link com.fasterxml.jackson.databind.JsonNode} is sent as it is,
     * while the properties of a record or bean are written in snake_case, as the API expects.
     *
     * @param jsonBody the body, such as {@code Map.of()} for an empty JSON object
     * @throws IllegalArgumentException if the path is invalid or Jackson cannot serialize the body
     * @throws MeetzyApiException for a non-2xx status, or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived, though the server may have acted on the request
     */
    public MeetzyResponse post(String path, Object jsonBody) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        return executor.execute("POST", path, Optional.of(jsonBody));
    }

    /**
     * Sends {@code DELETE path} and returns the 2xx response, whose body is a
     * {@link com.fasterxml.jackson.databind.node.MissingNode} for 204 No Content.
     *
     * @throws IllegalArgumentException if the path does not start with {@code /} or is not a valid URI path
     * @throws MeetzyApiException for a non-2xx status, or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived
     */
    public MeetzyResponse delete(String path) {
        return executor.execute("DELETE", path, Optional.empty());
    }

    /** Returns the base URL that request paths are appended to, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns the token's display prefix followed by {@code *} for each hidden character. */
    public String maskedToken() {
        return token.maskedValue();
    }

    /** Returns the base URL and the masked token. */
    @Override
    public String toString() {
        return "MeetzyClient[baseUrl=" + baseUrl + ", token=" + maskedToken() + "]";
    }

    /**
     * Builds a {@link MeetzyClient}. Each setter checks its argument at once, and {@link #build()}
     * checks that a token was given and that the settings fit together.
     */
    public static final class Builder {

        private ApiToken token;
        private TokenSource tokenSource;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private HttpClient httpClient;

        private Builder() {
        }

        /**
         * Sets the API token. Surrounding whitespace is removed with a warning.
         *
         * @throws MeetzyConfigurationException if the token is null, blank, contains whitespace or
         *     is not a well-formed Meetzy token. The message never contains the token.
         */
        public Builder token(String token) {
            return setToken(Optional.ofNullable(token), TokenSource.BUILDER);
        }

        /**
         * Sets the API token from {@value MeetzyClient#TOKEN_ENV}, with messages that name that variable.
         *
         * @throws MeetzyConfigurationException if the variable is not set or contains an invalid token
         */
        public Builder tokenFromEnv() {
            return tokenFromEnv(System.getenv());
        }

        Builder tokenFromEnv(Map<String, String> environment) {
            return setToken(Optional.ofNullable(environment.get(TOKEN_ENV)), TokenSource.ENVIRONMENT);
        }

        /**
         * Sets the base URL, such as {@code http://127.0.0.1:8080}. A path prefix is kept and a
         * trailing slash removed.
         *
         * @throws MeetzyConfigurationException if it is not an http or https URL with a host, or has
         *     user information, a query or a fragment
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            this.baseUrl = BaseUrls.parse(baseUrl, "The base URL");
            return this;
        }

        /** Sets the base URL; see {@link #baseUrl(String)}. */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            this.baseUrl = BaseUrls.validate(baseUrl, "The base URL");
            return this;
        }

        /**
         * Sets the base URL from {@value MeetzyClient#BASE_URL_ENV} when that variable is set, and otherwise
         * keeps the current one ({@code https://api.meetzy.ai} unless {@code baseUrl(..)} was called).
         *
         * @throws MeetzyConfigurationException if the variable is set but empty or invalid
         */
        public Builder baseUrlFromEnv() {
            return baseUrlFromEnv(System.getenv());
        }

        Builder baseUrlFromEnv(Map<String, String> environment) {
            String value = environment.get(BASE_URL_ENV);
            if (value != null) {
                this.baseUrl = BaseUrls.parse(value, BASE_URL_ENV);
            }
            return this;
        }

        /**
         * Sets how long to wait for a connection, by default {@link MeetzyClient#DEFAULT_CONNECT_TIMEOUT}.
         * It cannot be combined with {@link #httpClient(HttpClient)}, whose own setting applies.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for each response once connected, by default
         * {@link MeetzyClient#DEFAULT_REQUEST_TIMEOUT}.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the HTTP client to send requests with, for a proxy, TLS settings or a shared
         * executor.
         *
         * @throws IllegalArgumentException if it follows redirects: build it with
         *     {@code followRedirects(HttpClient.Redirect.NEVER)}, the JDK default
         */
        public Builder httpClient(HttpClient httpClient) {
            Objects.requireNonNull(httpClient, "httpClient");
            if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("The HttpClient follows redirects (policy "
                        + httpClient.followRedirects() + "), which would send the Authorization header to"
                        + " the redirect target: build it with followRedirects(HttpClient.Redirect.NEVER).");
            }
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws MeetzyConfigurationException if no token was set
         * @throws IllegalStateException if both {@code connectTimeout(..)} and {@code httpClient(..)} were called
         */
        public MeetzyClient build() {
            if (token == null) {
                throw new MeetzyConfigurationException("No API token was set: call token(..) or tokenFromEnv()"
                        + " on the builder, or use MeetzyClient.fromEnv() to read " + TOKEN_ENV + ".");
            }
            if (httpClient != null && connectTimeout != null) {
                throw new IllegalStateException("connectTimeout(..) has no effect together with httpClient(..):"
                        + " set the connect timeout on your HttpClient instead.");
            }

            HttpClient client = httpClient != null ? httpClient : defaultHttpClient();
            RequestFactory requests = new RequestFactory(baseUrl, token.value(), requestTimeout);
            ResponseMapper responses = new ResponseMapper(baseUrl, tokenSource, token.displayPrefix());
            return new MeetzyClient(baseUrl, token, new RequestExecutor(client, requests, responses));
        }

        private Builder setToken(Optional<String> raw, TokenSource source) {
            this.token = TokenValidator.validate(raw, source);
            this.tokenSource = source;
            return this;
        }

        private HttpClient defaultHttpClient() {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT)
                    .build();
        }

        private static Duration requirePositive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration + ".");
            }
            return duration;
        }
    }
}
