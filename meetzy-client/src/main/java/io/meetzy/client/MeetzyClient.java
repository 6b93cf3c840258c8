package io.meetzy.client;

import io.meetzy.client.internal.ActiveToken;
import io.meetzy.client.internal.Backoff;
import io.meetzy.client.internal.BaseUrls;
import io.meetzy.client.internal.Call;
import io.meetzy.client.internal.CallExecutor;
import io.meetzy.client.internal.ClientRateLimiter;
import io.meetzy.client.internal.EnvironmentTokenProvider;
import io.meetzy.client.internal.Exchange;
import io.meetzy.client.internal.FixedTokenProvider;
import io.meetzy.client.internal.IdempotencyKeys;
import io.meetzy.client.internal.Json;
import io.meetzy.client.internal.RequestFactory;
import io.meetzy.client.internal.ResponseMapper;
import io.meetzy.client.internal.TokenExpiry;
import io.meetzy.client.internal.TokenRedactor;
import io.meetzy.client.internal.TokenSource;
import io.meetzy.client.internal.TokenValidator;
import io.meetzy.core.ApiToken;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the Meetzy API with an API token in the {@code Authorization: Bearer} header.
 *
 * <p>Create one with {@link #fromEnv()}, which reads {@value #TOKEN_ENV} and {@value #BASE_URL_ENV},
 * or with {@link #builder()}. The token is checked when the client is built: a missing, blank or
 * malformed token, or one with a failed checksum, fails there with a
 * {@link MeetzyConfigurationException} that names the setting and the fix, so no request ever
 * carries a token that cannot work. A {@link TokenProvider} is asked again before every request,
 * so a rotated token file or secret is used without a restart.
 *
 * <p>A 2xx response comes back as a {@link MeetzyResponse}. Any other status throws a
 * {@link MeetzyApiException} subclass, and a request without a response throws
 * {@link MeetzyConnectionException}. All of them are unchecked. Each {@code ...Async} method
 * returns a {@link CompletableFuture} that completes with the same response or exception, follows
 * the same retry rules, and occupies no thread while it waits between attempts.
 *
 * <p><b>Retries.</b> Connection failures, timeouts and statuses 408, 429, 500, 502, 503 and 504
 * are retried as the {@link RetryPolicy} sets out (by default three attempts with exponential backoff
 * and jitter, honouring {@code Retry-After}). GET, HEAD, PUT and DELETE are retried. A POST is
 * retried only with an {@code Idempotency-Key}: the client generates one per call and sends the
 * same key on every attempt, unless {@link Builder#automaticIdempotencyKeys(boolean)} turned that
 * off. A POST without a key is retried only when its connection failed, since the server then
 * never received it. A 401 makes the client re-read its token source once and repeat the request
 * if the token changed.
 *
 * <p><b>Redirects.</b> Same-origin redirects are followed. A redirect to another origin (scheme,
 * host or port) is followed without the {@code Authorization} header, and a redirect from https
 * to http is not followed at all.
 *
 * <p><b>Expiry.</b> Within {@link #DEFAULT_TOKEN_EXPIRY_WARNING} of the token's expiry (from the
 * day embedded in the token and the {@code Meetzy-Token-Expires} header), the client logs one
 * WARN per UTC day and calls the optional {@link TokenExpiryListener}.
 *
 * <p>Instances are immutable and thread-safe: share one per token source and base URL. The token
 * appears in no message, log line or {@code toString()}, only masked.
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
     * Bounds one attempt after the connection. The API's requests and responses are small JSON
     * documents, so a response that takes longer than 30 seconds means a problem, not a large
     * transfer.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Seven days: a weekly job, or a colleague back from a week off, still gets the warning
     * before the token stops working.
     */
    public static final Duration DEFAULT_TOKEN_EXPIRY_WARNING = Duration.ofDays(7);

    private final URI baseUrl;
    private final ActiveToken token;
    private final RequestFactory requests;
    private final CallExecutor executor;
    private final boolean automaticIdempotencyKeys;

    private MeetzyClient(URI baseUrl, ActiveToken token, RequestFactory requests, CallExecutor executor,
            boolean automaticIdempotencyKeys) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.requests = requests;
        this.executor = executor;
        this.automaticIdempotencyKeys = automaticIdempotencyKeys;
    }

    /**
     * Creates a client from {@value #TOKEN_ENV} and, when it is set, {@value #BASE_URL_ENV}
     * (default {@code https://api.meetzy.ai}), with default timeouts and retries.
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
     * @throws MeetzyApiException for a non-2xx status after any retries, or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived
     */
    public MeetzyResponse get(String path) {
        return executor.execute(call("GET", path, Optional.empty(), Optional.empty()));
    }

    /** Sends {@code HEAD path}; see {@link #get(String)}. The response body is a MissingNode. */
    public MeetzyResponse head(String path) {
        return executor.execute(call("HEAD", path, Optional.empty(), Optional.empty()));
    }

    /**
     * Sends {@code POST path} with {@code jsonBody} serialized by Jackson, and returns the 2xx
     * response. A {@link Map} or a {@link com.fasterxml.jackson.databind.JsonNode} is sent as it is,
     * while the properties of a record or bean are written in snake_case, as the API expects. Unless
     * automatic keys are off, the request carries a generated {@code Idempotency-Key}, so it is
     * retried like a GET.
     *
     * @param jsonBody the body, such as {@code Map.of()} for an empty JSON object
     * @throws IllegalArgumentException if the path is invalid or Jackson cannot serialize the body
     * @throws MeetzyApiException for a non-2xx status after any retries, or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived, though the server may have acted on the request
     */
    public MeetzyResponse post(String path, Object jsonBody) {
        return executor.execute(postCall(path, jsonBody, Optional.empty()));
    }

    /**
     * Sends {@code POST path} with the caller's {@code Idempotency-Key}, the same on every attempt,
     * so a server that saw the key before returns the first result instead of acting twice. Reuse
     * the key when you repeat the same logical request later.
     *
     * @param idempotencyKey 1 to 255 printable ASCII characters without spaces, such as a UUID
     * @throws IllegalArgumentException if the key is empty, too long or has other characters
     * @see #post(String, Object)
     */
    public MeetzyResponse post(String path, Object jsonBody, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.execute(postCall(path, jsonBody, Optional.of(idempotencyKey)));
    }

    /** Sends {@code PUT path} with a JSON body; see {@link #post(String, Object)} for the body. */
    public MeetzyResponse put(String path, Object jsonBody) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        return executor.execute(call("PUT", path, Optional.of(Json.write(jsonBody)), Optional.empty()));
    }

    /**
     * Sends {@code DELETE path} and returns the 2xx response, whose body is a
     * {@link com.fasterxml.jackson.databind.node.MissingNode} for 204 No Content.
     *
     * @throws IllegalArgumentException if the path does not start with {@code /} or is not a valid URI path
     * @throws MeetzyApiException for a non-2xx status after any retries, or a 2xx body that is not JSON
     * @throws MeetzyConnectionException if no response arrived
     */
    public MeetzyResponse delete(String path) {
        return executor.execute(call("DELETE", path, Optional.empty(), Optional.empty()));
    }

    /** Returns the typed token-management API ({@code /v1/tokens}) that sends its requests through this client. */
    public TokensApi tokens() {
        return new TokensApi(this);
    }

    /**
     * Sends {@code GET path} without blocking; see {@link #get(String)}.
     *
     * @throws IllegalArgumentException at once, if the path is invalid
     */
    public CompletableFuture<MeetzyResponse> getAsync(String path) {
        return executor.executeAsync(call("GET", path, Optional.empty(), Optional.empty()));
    }

    /** Sends {@code POST path} without blocking; see {@link #post(String, Object)}. */
    public CompletableFuture<MeetzyResponse> postAsync(String path, Object jsonBody) {
        return executor.executeAsync(postCall(path, jsonBody, Optional.empty()));
    }

    /** Sends {@code POST path} with the caller's key without blocking; see {@link #post(String, Object, String)}. */
    public CompletableFuture<MeetzyResponse> postAsync(String path, Object jsonBody, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.executeAsync(postCall(path, jsonBody, Optional.of(idempotencyKey)));
    }

    /** Sends {@code PUT path} without blocking; see {@link #put(String, Object)}. */
    public CompletableFuture<MeetzyResponse> putAsync(String path, Object jsonBody) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        return executor.executeAsync(call("PUT", path, Optional.of(Json.write(jsonBody)), Optional.empty()));
    }

    /** Sends {@code DELETE path} without blocking; see {@link #delete(String)}. */
    public CompletableFuture<MeetzyResponse> deleteAsync(String path) {
        return executor.executeAsync(call("DELETE", path, Optional.empty(), Optional.empty()));
    }

    /** Returns the base URL that request paths are appended to, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns the last token used, as its display prefix followed by {@code *} for each hidden character. */
    public String maskedToken() {
        return token.last().maskedValue();
    }

    /** Returns the base URL and the masked token. */
    @Override
    public String toString() {
        return "MeetzyClient[baseUrl=" + baseUrl + ", token=" + maskedToken() + "]";
    }

    private Call postCall(String path, Object jsonBody, Optional<String> callerKey) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        callerKey.ifPresent(IdempotencyKeys::validate);
        Optional<String> key = callerKey.isPresent() || !automaticIdempotencyKeys
                ? callerKey
                : Optional.of(IdempotencyKeys.generate());
        return call("POST", path, Optional.of(Json.write(jsonBody)), key);
    }

    private Call call(String method, String path, Optional<byte[]> body, Optional<String> idempotencyKey) {
        URI uri = requests.resolve(path);
        String logPath = TokenRedactor.redact(uri.getRawPath());
        return new Call(method, uri, logPath, body, idempotencyKey);
    }

    /**
     * Builds a {@link MeetzyClient}. Each setter checks its argument at once, and {@link #build()}
     * checks that a token was given and that the settings fit together.
     */
    public static final class Builder {

        private TokenProvider tokenProvider;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private HttpClient httpClient;
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private RetryListener retryListener;
        private Duration tokenExpiryWarning = DEFAULT_TOKEN_EXPIRY_WARNING;
        private TokenExpiryListener tokenExpiryListener;
        private int rateLimitPermits;
        private Duration rateLimitPeriod;
        private boolean automaticIdempotencyKeys = true;

        private Builder() {
        }

        /**
         * Sets the API token. Surrounding whitespace is removed with a warning.
         *
         * @throws MeetzyConfigurationException if the token is null, blank, contains whitespace or
         *     is not a well-formed Meetzy token. The message never contains the token.
         */
        public Builder token(String token) {
            ApiToken validated = TokenValidator.validate(Optional.ofNullable(token), TokenSource.BUILDER);
            this.tokenProvider = new FixedTokenProvider(validated.value(), TokenSource.BUILDER);
            return this;
        }

        /**
         * Sets the API token from {@value MeetzyClient#TOKEN_ENV}, with messages that name that variable.
         *
         * @throws MeetzyConfigurationException if the variable is not set or contains an invalid token
         */
        public Builder tokenFromEnv() {
            return tokenFromEnv(System.getenv());
        }

        /**
         * Reads the variable once: the environment of a running process does not change. The
         * stripped value is kept, so a whitespace warning is logged here and not again.
         */
        Builder tokenFromEnv(Map<String, String> environment) {
            String raw = new EnvironmentTokenProvider(environment).token();
            ApiToken validated = TokenValidator.validate(Optional.ofNullable(raw), TokenSource.ENVIRONMENT);
            this.tokenProvider = new FixedTokenProvider(validated.value(), TokenSource.ENVIRONMENT);
            return this;
        }

        /**
         * Reads the token from {@code file} before each request, so replacing the file rotates the
         * token without a restart; see {@link TokenProvider#fromFile(Path)}. The file is first read
         * in {@link #build()}.
         */
        public Builder tokenFile(Path file) {
            return tokenProvider(TokenProvider.fromFile(file));
        }

        /**
         * Sets where the token comes from; the provider is asked before every request. Its first
         * token is read and checked in {@link #build()}.
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
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
         * Sets how long each attempt waits for its response once connected, by default
         * {@link MeetzyClient#DEFAULT_REQUEST_TIMEOUT}. The last attempt's timeout is shortened to
         * end by the retry policy's deadline.
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
         *     {@code followRedirects(HttpClient.Redirect.NEVER)}, the JDK default, because this
         *     client follows redirects itself and keeps the token from other origins
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

        /** Sets the retry policy, by default {@link RetryPolicy#ofDefaults()}; {@link RetryPolicy#none()} disables retries. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Sets a listener that receives an event for each retry, before its wait. */
        public Builder retryListener(RetryListener retryListener) {
            this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
            return this;
        }

        /**
         * Sets whether a POST without a caller's key gets a generated {@code Idempotency-Key} (a
         * random UUID), which lets the client retry it. On by default; turn it off for a server that
         * rejects the header, and POSTs are then not retried once sent.
         */
        public Builder automaticIdempotencyKeys(boolean enabled) {
            this.automaticIdempotencyKeys = enabled;
            return this;
        }

        /**
         * Limits this client to {@code requests} per {@code period}, attempts and retries included,
         * so a batch job stays under its quota instead of collecting 429 responses. A request that
         * would exceed the limit waits for the next period; one that would wait past the retry
         * deadline fails with {@link ClientRateLimitException}. No limit by default.
         */
        public Builder rateLimit(int requests, Duration period) {
            if (requests < 1) {
                throw new IllegalArgumentException("The rate limit must allow at least 1 request per period, got "
                        + requests + ".");
            }
            this.rateLimitPeriod = requirePositive(period, "period");
            this.rateLimitPermits = requests;
            return this;
        }

        /**
         * Sets how long before the token's expiry the client starts to warn, by default
         * {@link MeetzyClient#DEFAULT_TOKEN_EXPIRY_WARNING}; {@code Duration.ZERO} warns only once
         * the token has expired.
         */
        public Builder tokenExpiryWarning(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative()) {
                throw new IllegalArgumentException("The token expiry warning window must not be negative, got "
                        + window + ".");
            }
            this.tokenExpiryWarning = window;
            return this;
        }

        /** Sets a listener called with the daily expiry warning. */
        public Builder tokenExpiryListener(TokenExpiryListener listener) {
            this.tokenExpiryListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sets how the client waits between attempts, by default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the clock for {@code Retry-After} dates, the retry deadline, the client-side rate
         * limit and token expiry, by default {@link Clock#systemUTC()}.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client, reading the first token from its provider.
         *
         * @throws MeetzyConfigurationException if no token was set, or the provider's token is
         *     missing or invalid
         * @throws IllegalStateException if both {@code connectTimeout(..)} and {@code httpClient(..)} were called
         */
        public MeetzyClient build() {
            if (tokenProvider == null) {
                throw new MeetzyConfigurationException("No API token was set: call token(..), tokenFromEnv(),"
                        + " tokenFile(..) or tokenProvider(..) on the builder, or use MeetzyClient.fromEnv() to read "
                        + TOKEN_ENV + ".");
            }
            if (httpClient != null && connectTimeout != null) {
                throw new IllegalStateException("connectTimeout(..) has no effect together with httpClient(..):"
                        + " set the connect timeout on your HttpClient instead.");
            }

            TokenExpiry expiry = new TokenExpiry(clock, tokenExpiryWarning, Optional.ofNullable(tokenExpiryListener));
            ActiveToken token = new ActiveToken(tokenProvider, expiry);
            RequestFactory requests = new RequestFactory(baseUrl);
            RequestFactory.checkHeaderValue(baseUrl, token.last().value());

            HttpClient client = httpClient != null ? httpClient : defaultHttpClient();
            CallExecutor executor = new CallExecutor(new CallExecutor.Settings(
                    new Exchange(client, requests, baseUrl, clock),
                    new ResponseMapper(baseUrl, token.source(), MeetzyResponse::received),
                    token, retryPolicy, requestTimeout, Backoff.withThreadLocalRandom(retryPolicy), sleeper, clock,
                    rateLimiter(), Optional.ofNullable(retryListener)));
            return new MeetzyClient(baseUrl, token, requests, executor, automaticIdempotencyKeys);
        }

        private Optional<ClientRateLimiter> rateLimiter() {
            if (rateLimitPeriod == null) {
                return Optional.empty();
            }
            return Optional.of(new ClientRateLimiter(rateLimitPermits, rateLimitPeriod, retryPolicy.deadline(), clock));
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
