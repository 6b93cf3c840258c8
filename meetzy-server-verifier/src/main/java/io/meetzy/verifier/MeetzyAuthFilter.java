package io.meetzy.verifier;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.meetzy.verifier.internal.PrincipalExchange;
import io.meetzy.verifier.internal.PrincipalHttpsExchange;
import io.meetzy.verifier.internal.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter for the JDK {@code HttpServer} that lets only requests with a valid Meetzy token
 * reach the handler.
 *
 * <p>Every response gets a {@code Meetzy-Request-Id} header with a fresh {@code req_} id, which
 * the audit log line and any error body also carry. A rejected request gets its status (400 or
 * 401), its {@code WWW-Authenticate} challenge and a JSON body
 * {@code {"error":{"type":...,"message":...,"request_id":...}}}; the handler is not called. If the
 * store fails, the response is 500 {@code api_error} with the request id and no stack trace, and the
 * failure is logged at ERROR.
 *
 * <p>A verified request reaches the chain with the {@link VerifiedToken} under
 * {@link #PRINCIPAL_ATTRIBUTE} (read it with {@link #principal}) and a {@code Meetzy-Token-Expires}
 * header (RFC 1123 date in GMT) on the response. The handler receives a wrapper of the exchange,
 * because the JDK keeps exchange attributes in the shared {@code HttpContext}, where concurrent
 * requests would see each other's principal.
 *
 * <p>The filter never reads the request body, so a bad token is rejected before any upload is
 * read, and it cannot see an {@code access_token} form parameter: it passes {@code tokenInBody=false}.
 * It does detect an {@code access_token} parameter in the raw query and answers 400. Thread-safe.
 */
public final class MeetzyAuthFilter extends Filter {

    /** The exchange attribute that contains the {@link VerifiedToken} of a verified request. */
    public static final String PRINCIPAL_ATTRIBUTE = "io.meetzy.verifier.token";

    static final String REQUEST_ID_HEADER = "Meetzy-Request-Id";
    static final String TOKEN_EXPIRES_HEADER = "Meetzy-Token-Expires";

    private static final String QUERY_TOKEN_PARAMETER = "access_token";
    private static final String INTERNAL_ERROR_MESSAGE = "The server could not verify the token because of an "
            + "internal error. Retry later; if the error persists, report the request id.";

    private static final Logger LOG = LoggerFactory.getLogger(MeetzyAuthFilter.class);

    private final TokenVerifier verifier;
    private final SecureRandom random = new SecureRandom();

    public MeetzyAuthFilter(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Returns the verified token of a request that passed this filter, or empty. */
    public static Optional<VerifiedToken> principal(HttpExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        return exchange.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof VerifiedToken token
                ? Optional.of(token)
                : Optional.empty();
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String requestId = RandomIds.requestId(random);
        exchange.getResponseHeaders().set(REQUEST_ID_HEADER, requestId);

        VerificationResult result;
        try {
            result = verifier.verify(bearerRequest(exchange), requestId);
        } catch (RuntimeException e) {
            LOG.error("Token verification failed for request {}; answering 500", requestId, e);
            sendError(exchange, 500, "api_error", INTERNAL_ERROR_MESSAGE, requestId, Optional.empty());
            return;
        }

        if (result.rejection().isPresent()) {
            Rejection rejection = result.rejection().get();
            sendError(exchange, rejection.httpStatus(), rejection.errorType(), rejection.message(), requestId,
                    rejection.wwwAuthenticate());
            return;
        }

        VerifiedToken token = result.token().orElseThrow();
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(token.expiresAt().atOffset(ZoneOffset.UTC));
        exchange.getResponseHeaders().set(TOKEN_EXPIRES_HEADER, expires);
        chain.doFilter(withPrincipal(exchange, token));
    }

    @Override
    public String description() {
        return "Meetzy API token verification";
    }

    private static BearerRequest bearerRequest(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
        return new BearerRequest(headers, hasQueryToken(exchange.getRequestURI().getRawQuery()), false);
    }

    /** Returns whether the raw query has an {@code access_token} parameter, with or without a value. */
    static boolean hasQueryToken(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (QUERY_TOKEN_PARAMETER.equals(decode(name))) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decodes a parameter name; a malformed escape leaves it as it is. */
    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static HttpExchange withPrincipal(HttpExchange exchange, VerifiedToken token) {
        if (exchange instanceof HttpsExchange tls) {
            return new PrincipalHttpsExchange(tls, PRINCIPAL_ATTRIBUTE, token);
        }
        return new PrincipalExchange(exchange, PRINCIPAL_ATTRIBUTE, token);
    }

    private static void sendError(HttpExchange exchange, int status, String errorType, String message,
                                  String requestId, Optional<String> wwwAuthenticate) throws IOException {
        byte[] body = ErrorResponses.json(errorType, message, requestId).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        wwwAuthenticate.ifPresent(challenge -> exchange.getResponseHeaders().set("WWW-Authenticate", challenge));

        // A response to HEAD has no body: the JDK server fails a write of one.
        boolean isHead = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        try (exchange) {
            exchange.sendResponseHeaders(status, isHead ? -1 : body.length);
            if (!isHead) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
