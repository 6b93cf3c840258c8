package io.meetzy.verifier.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.ErrorResponses;
import io.meetzy.verifier.RotatedToken;
import io.meetzy.verifier.ScopeCheck;
import io.meetzy.verifier.ScopeRejection;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenNotFoundException;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.VerifiedToken;
import io.meetzy.verifier.internal.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The token management API, for any server: {@code GET} and {@code POST} on the collection,
 * {@code DELETE /{id}} to revoke and {@code POST /{id}/rotate} to rotate. Mount it at
 * {@code /v1/tokens} with {@link TokenApiHandler} (JDK {@code HttpServer}, behind
 * {@link io.meetzy.verifier.MeetzyAuthFilter}) or {@link TokenApiServlet}; both call the same code.
 *
 * <p>Every operation acts on the caller's account only, the account of the token that
 * authenticated the request: another account's token id gives 404, exactly like an unknown id,
 * never 403. Listing needs the scope {@code tokens:read}; creating, revoking and rotating need
 * {@code tokens:write}. A request without the scope gets 403 {@code insufficient_scope} with the
 * {@code scope} attribute in its challenge, before its body is read. No request can give a token
 * more scopes than the caller's own: neither {@code POST} with {@code scopes}, nor rotating a
 * token that has scopes the caller lacks.
 *
 * <p>Bad input gets 400 {@code invalid_request_error} with a message that names the field and the
 * rule. Only the create and rotate responses contain a full token, and every response carries
 * {@code Cache-Control: no-store}. Thread-safe, as its {@link TokenManager} is.
 *
 * <p><b>Idempotent POSTs.</b> A {@code POST} to create or rotate may carry an
 * {@code Idempotency-Key} header, 1 to 255 printable ASCII characters such as a UUID, as
 * {@code MeetzyClient} sends on every attempt; any other key gets 400 {@code invalid_request_error}.
 * A POST without the key runs every time, and {@code GET} and {@code DELETE} ignore the header,
 * because repeating them changes nothing. The first request with a key runs; within the retention
 * ({@link #DEFAULT_IDEMPOTENCY_KEY_RETENTION} by default), a repeat from the same account gets:
 * <ul>
 *   <li>the first response's status, headers and body again, the body byte for byte, plus
 *       {@code Idempotent-Replayed: true}, when method, path, body bytes and calling token are the
 *       same. The authentication filter's headers, such as the request id, are those of the repeat.
 *       This holds for 2xx responses and 400 validation errors. Other errors are not remembered, so
 *       the repeat runs again;</li>
 *   <li>409 {@code idempotency_error} with {@code Retry-After: 1} while the first request still
 *       runs. Nothing runs twice, and a retry after it ends gets its response if it is remembered;</li>
 *   <li>422 {@code idempotency_error} when any of those four differ: the key was already used for
 *       another request. 422, not 409, because waiting does not help: the client must send a new key.</li>
 * </ul>
 * A replayed create or rotate response contains the full token, so the API keeps that response
 * in memory for the retention. It is never logged, printed or put in an exception. This is the
 * price of idempotency: a client whose first response was lost can only use its new token if the
 * replay contains it. Keys are kept per {@code TokenApi} instance, in memory.
 * NOTE: behind a load balancer, a repeat that reaches another node runs again there, and a restart
 * loses every key.
 */
public final class TokenApi {

    /**
     * The largest request body read, in bytes. A create request with a 100-character name and
     * every scope takes under 1 KiB even in four-byte UTF-8; 8 KiB leaves room for formatting and
     * still keeps a client from making the server buffer large uploads.
     */
    public static final int DEFAULT_MAX_BODY_BYTES = 8 * 1024;

    /**
     * How long a response to an {@code Idempotency-Key} is remembered: 24 hours, the age after which
     * Stripe's documentation (docs.stripe.com/idempotency) says its keys may be removed.
     * {@code MeetzyClient} retries for at most 2 minutes by default, and a day also covers a person
     * or job that repeats a failed call later that day.
     */
    public static final Duration DEFAULT_IDEMPOTENCY_KEY_RETENTION = Duration.ofHours(24);

    /**
     * How many responses to {@code Idempotency-Key} requests are remembered at most. By an estimate,
     * each takes at most about 1.5 KiB: a token object stays under 800 bytes even with a
     * 100-character name, and a key has at most 255. The default thus takes at most about 15 MiB.
     * Tokens are created and rotated rarely, so 10 000 in a day covers a busy server. Beyond the
     * bound, some keys are forgotten before their retention ends, and a repeat of one runs again.
     */
    public static final int DEFAULT_MAX_IDEMPOTENCY_KEYS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TokenApi.class);

    private static final String CREATE_EXAMPLE = "{\"name\":\"Production API\",\"expires_in\":\"90d\"}";
    private static final String ROTATE_EXAMPLE = "{\"grace_period\":\"24h\"}";
    private static final Set<String> CREATE_FIELDS = Set.of("name", "expires_in", "scopes");
    private static final Set<String> ROTATE_FIELDS = Set.of("grace_period", "expires_in");
    private static final String INTERNAL_ERROR = "The token API failed because of an internal error. Retry later;"
            + " if the error persists, report the request id.";

    private final TokenManager manager;
    private final Clock clock;
    private final ScopeCheck scopeCheck;
    private final int maxBodyBytes;
    private final IdempotentRequests idempotentRequests;

    private TokenApi(Builder builder) {
        this.manager = builder.manager;
        this.clock = builder.clock;
        this.scopeCheck = builder.scopeCheck;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.idempotentRequests = new IdempotentRequests(builder.idempotencyKeyRetention, builder.maxIdempotencyKeys,
                builder.clock);
    }

    public static Builder builder(TokenManager manager) {
        return new Builder(manager);
    }

    /** Handles one request. Every runtime exception becomes an error response, so only an {@link Error} escapes. */
    ApiResponse handle(ApiRequest request) {
        return respond(request, () -> dispatch(request));
    }

    /** Returns the response of {@code action}, or the error response for its exception. */
    private ApiResponse respond(ApiRequest request, Supplier<ApiResponse> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            return error(e.status(), e.errorType(), e.getMessage(), request.requestId(), e.headers());
        } catch (RuntimeException e) {
            LOG.error("Token API request {} {} failed; answering 500 to request {}", request.method(),
                    TokenApiRoute.describe(request.path()), request.requestId(), e);
            return error(500, "api_error", INTERNAL_ERROR, request.requestId(), Map.of());
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        TokenApiRoute route = TokenApiRoute.match(request.method(), request.path());
        VerifiedToken caller = request.principal().orElseThrow(() -> {
            LOG.error("Token API request {} reached the handler without a verified token: mount the handler behind"
                    + " MeetzyAuthFilter (HttpServer) or the Meetzy Servlet filter", request.requestId());
            return new ApiException(500, "api_error", INTERNAL_ERROR, Map.of());
        });
        requireScope(caller, route.requiredScope(), route.description());

        return switch (route.operation()) {
            case LIST -> list(caller);
            case CREATE -> post(caller, route, request, CREATE_EXAMPLE, body -> create(caller, body));
            case REVOKE -> revoke(caller, route.tokenId());
            case ROTATE -> post(caller, route, request, ROTATE_EXAMPLE, body -> rotate(caller, route.tokenId(), body));
        };
    }

    /**
     * Reads the body of a POST and runs {@code operation} on it, once per {@code Idempotency-Key}
     * when the request carries one.
     */
    private ApiResponse post(VerifiedToken caller, TokenApiRoute route, ApiRequest request, String example,
                             Function<byte[], ApiResponse> operation) {
        Optional<String> key = IdempotentRequests.keyOf(request.idempotencyKeys());
        byte[] body = JsonBodies.read(request.body(), maxBodyBytes, example);
        if (key.isEmpty()) {
            return operation.apply(body);
        }

        byte[] fingerprint = IdempotentRequests.fingerprint(request.method(), route.canonicalPath(), caller.tokenId(),
                body);
        return idempotentRequests.execute(caller.accountId(), key.get(), fingerprint,
                () -> respond(request, () -> operation.apply(body)));
    }

    private ApiResponse list(VerifiedToken caller) {
        List<TokenMetadata> tokens = manager.list(caller.accountId());
        return ApiResponse.json(200, TokenObjects.list(tokens, clock.instant()).toString(), Map.of());
    }

    private ApiResponse create(VerifiedToken caller, byte[] bytes) {
        ObjectNode body = JsonBodies.parseObject(bytes, CREATE_FIELDS, CREATE_EXAMPLE)
                .orElseThrow(() -> ApiException.invalidRequest("The request body is empty. Send a JSON object, such as "
                        + CREATE_EXAMPLE + "."));

        String name = JsonBodies.string(body, "name").filter(value -> !value.isBlank())
                .orElseThrow(() -> ApiException.invalidRequest("The field 'name' is required: describe what uses"
                        + " the token, for example \"Production API\"."));
        Expiration expiration = expiration(JsonBodies.string(body, "expires_in")
                .orElseThrow(() -> ApiException.invalidRequest("The field 'expires_in' is required: use one of "
                        + Expiration.codes() + ".")));
        Set<String> scopes = JsonBodies.strings(body, "scopes").map(TokenApi::knownScopes).orElse(caller.scopes());
        requireScopes(caller, scopes, "A token cannot create a token with scopes that it lacks itself");

        try {
            var created = manager.create(caller.accountId(), name, expiration, scopes);
            return ApiResponse.json(201, TokenObjects.created(created, clock.instant()).toString(), Map.of());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidRequest("Invalid field 'name': " + lowerFirst(e.getMessage()));
        }
    }

    private ApiResponse revoke(VerifiedToken caller, String tokenId) {
        try {
            manager.revoke(caller.accountId(), tokenId);
            return ApiResponse.noContent();
        } catch (TokenNotFoundException e) {
            throw notFound(tokenId);
        }
    }

    private ApiResponse rotate(VerifiedToken caller, String tokenId, byte[] bytes) {
        Optional<ObjectNode> body = JsonBodies.parseObject(bytes, ROTATE_FIELDS, ROTATE_EXAMPLE);
        Duration gracePeriod = body.flatMap(object -> JsonBodies.string(object, "grace_period"))
                .map(TokenApi::gracePeriod)
                .orElse(Duration.ZERO);
        Optional<Expiration> expiration = body.flatMap(object -> JsonBodies.string(object, "expires_in"))
                .map(TokenApi::expiration);

        TokenMetadata previous = manager.find(caller.accountId(), tokenId).orElseThrow(() -> notFound(tokenId));
        requireScopes(caller, previous.scopes(), "A token cannot rotate a token with scopes that it lacks itself,"
                + " because the replacement gets the same scopes");

        try {
            RotatedToken rotated = expiration.isPresent()
                    ? manager.rotate(caller.accountId(), tokenId, gracePeriod, expiration.get())
                    : manager.rotate(caller.accountId(), tokenId, gracePeriod);
            return ApiResponse.json(201, TokenObjects.created(rotated.replacement(), clock.instant()).toString(), Map.of());
        } catch (TokenNotFoundException e) {
            throw notFound(tokenId);
        } catch (IllegalArgumentException e) {
            // The remaining checks are the token's state: revoked, or a shortened expiry without expires_in.
            throw ApiException.invalidRequest(e.getMessage());
        }
    }

    private void requireScope(VerifiedToken caller, String scope, String operation) {
        Optional<ScopeRejection> rejection = scopeCheck.require(caller, scope, operation);
        if (rejection.isPresent()) {
            throw insufficientScope(rejection.get());
        }
    }

    private void requireScopes(VerifiedToken caller, Set<String> scopes, String rule) {
        Set<String> missing = new TreeSet<>(scopes);
        missing.removeAll(caller.scopes());
        if (!missing.isEmpty()) {
            throw insufficientScope(scopeCheck.reject(missing, rule + ": the calling token lacks "
                    + String.join(", ", missing) + ". Request only scopes that the calling token has, or use a token"
                    + " that has them."));
        }
    }

    private static ApiException insufficientScope(ScopeRejection rejection) {
        return new ApiException(rejection.httpStatus(), rejection.errorType(), rejection.message(),
                Map.of("WWW-Authenticate", rejection.wwwAuthenticate()));
    }

    private static ApiException notFound(String tokenId) {
        return new ApiException(404, "not_found_error", "No token with id " + SafeText.quote(tokenId)
                + " was found in this account. List the account's tokens to find the right id.", Map.of());
    }

    private static Expiration expiration(String code) {
        return Expiration.find(code).orElseThrow(() -> ApiException.invalidRequest("Invalid field 'expires_in': "
                + SafeText.quote(code) + " is not an expiration. Use one of " + Expiration.codes() + "."));
    }

    private static Duration gracePeriod(String text) {
        String rule = " Use a duration from 0 to " + ApiDurations.format(TokenManager.MAX_GRACE_PERIOD)
                + ", such as 24h (units s, m, h, d).";
        Duration duration = ApiDurations.parse(text).orElseThrow(() -> ApiException.invalidRequest(
                "Invalid field 'grace_period': " + SafeText.quote(text) + " is not a duration." + rule));
        if (duration.compareTo(TokenManager.MAX_GRACE_PERIOD) > 0) {
            throw ApiException.invalidRequest("Invalid field 'grace_period': " + text + " is longer than the maximum of "
                    + ApiDurations.format(TokenManager.MAX_GRACE_PERIOD) + "." + rule);
        }
        return duration;
    }

    private static Set<String> knownScopes(List<String> scopes) {
        if (scopes.isEmpty()) {
            throw ApiException.invalidRequest("The field 'scopes' must not be empty: leave it out to get every scope of"
                    + " the calling token, or list some of " + Scopes.allNames() + ".");
        }
        for (String scope : scopes) {
            if (!Scopes.ALL.contains(scope)) {
                throw ApiException.invalidRequest("Invalid field 'scopes': " + SafeText.quote(scope)
                        + " is not a scope. Use some of " + Scopes.allNames() + ".");
            }
        }
        return new LinkedHashSet<>(scopes);
    }

    private static String lowerFirst(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static ApiResponse error(int status, String type, String message, String requestId,
                                     Map<String, String> headers) {
        return ApiResponse.json(status, ErrorResponses.json(type, message, requestId), headers);
    }

    /**
     * Configures a {@link TokenApi}. Defaults: the UTC system clock, realm
     * {@value TokenVerifier#DEFAULT_REALM}, bodies up to {@link #DEFAULT_MAX_BODY_BYTES},
     * idempotency keys kept for {@link #DEFAULT_IDEMPOTENCY_KEY_RETENTION}, at most
     * {@link #DEFAULT_MAX_IDEMPOTENCY_KEYS} of them.
     */
    public static final class Builder {

        private final TokenManager manager;
        private Clock clock = Clock.systemUTC();
        private ScopeCheck scopeCheck = ScopeCheck.of(TokenVerifier.DEFAULT_REALM);
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration idempotencyKeyRetention = DEFAULT_IDEMPOTENCY_KEY_RETENTION;
        private long maxIdempotencyKeys = DEFAULT_MAX_IDEMPOTENCY_KEYS;

        private Builder(TokenManager manager) {
            this.manager = Objects.requireNonNull(manager, "manager");
        }

        /**
         * Sets the clock that decides each token's status in responses and when idempotency keys
         * are forgotten; use the manager's.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the realm of the 403 challenges; use the verifier's.
         *
         * @throws IllegalArgumentException if it is empty or has a character outside printable ASCII,
         *     or a {@code "} or {@code \}
         */
        public Builder realm(String realm) {
            this.scopeCheck = ScopeCheck.of(realm);
            return this;
        }

        /**
         * Sets the largest request body accepted, in bytes; a larger one gets 400.
         *
         * @throws IllegalArgumentException if it is below 256, too small for a create request
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 256) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 256, got " + maxBodyBytes + ".");
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets how long the response to an {@code Idempotency-Key} request is remembered, so that a
         * repeat gets it again instead of running a second time.
         *
         * @throws IllegalArgumentException if it is shorter than one second
         */
        public Builder idempotencyKeyRetention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("The idempotency key retention must be at least 1 second, got "
                        + retention + ". Use a span longer than the clients' retries, such as 24 hours.");
            }
            this.idempotencyKeyRetention = retention;
            return this;
        }

        /**
         * Sets how many responses to {@code Idempotency-Key} requests are remembered at most; beyond
         * that, some are forgotten before their retention ends, and a repeat of one runs again.
         *
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder maxIdempotencyKeys(long maxKeys) {
            if (maxKeys < 1) {
                throw new IllegalArgumentException("maxIdempotencyKeys must be at least 1, got " + maxKeys + ".");
            }
            this.maxIdempotencyKeys = maxKeys;
            return this;
        }

        public TokenApi build() {
            return new TokenApi(this);
        }
    }
}
