package io.meetzy.verifier;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.meetzy.verifier.internal.FormParameters;
import io.meetzy.verifier.internal.PrincipalExchange;
import io.meetzy.verifier.internal.PrincipalHttpsExchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A filter for the JDK {@code HttpServer} that lets only requests with a valid Meetzy token
 * reach the handler. It is a thin adapter: {@link MeetzyServletFilter} makes the same decisions
 * through the same code.
 *
 * <p>Every response gets a {@code Meetzy-Request-Id} header with a fresh {@code req_} id, which
 * the audit log line and any error body also carry. A rejected request gets its status (400, 401
 * or 429), its {@code WWW-Authenticate} challenge or {@code Retry-After}, and a JSON body
 * {@code {"error":{"type":...,"message":...,"request_id":...}}}; the handler is not called. If the
 * store fails, the response is 500 {@code api_error} with the request id and no stack trace, and
 * the failure is logged at ERROR.
 *
 * <p>A verified request reaches the chain with the {@link VerifiedToken} under
 * {@link #PRINCIPAL_ATTRIBUTE} (read it with {@link #principal}), and its response carries
 * {@code Meetzy-Token-Expires} (RFC 1123 date in GMT) and the rate-limit headers
 * {@code RateLimit-Policy}, {@code RateLimit}, {@code RateLimit-Limit}, {@code RateLimit-Remaining}
 * and {@code RateLimit-Reset}. The handler receives a wrapper of the exchange, because the JDK
 * keeps exchange attributes in the shared {@code HttpContext}, where concurrent requests would see
 * each other's principal.
 *
 * <p>The client address for the failure limit is the socket's peer, or what trusted proxies put
 * in {@code X-Forwarded-For} (see {@link TokenVerifier.Builder#trustedProxies}). The body is read
 * only for a form ({@code application/x-www-form-urlencoded}) request whose header is absent or
 * carries a genuine token, to find an {@code access_token} parameter there; bad credentials are
 * rejected before any of the body is read. The handler still gets the whole body. Thread-safe.
 */
public final class MeetzyAuthFilter extends Filter {

    /** The exchange attribute that contains the {@link VerifiedToken} of a verified request. */
    public static final String PRINCIPAL_ATTRIBUTE = "io.meetzy.verifier.token";

    /**
     * How much of a form body is searched for {@code access_token}: 64 KiB is enough for any form
     * that carries credentials, and bounds what is buffered before the handler runs.
     */
    static final int MAX_INSPECTED_BODY_BYTES = 64 * 1024;

    private final HttpAuthentication authentication;

    public MeetzyAuthFilter(TokenVerifier verifier) {
        this.authentication = new HttpAuthentication(verifier);
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
        String rawQuery = exchange.getRequestURI().getRawQuery();
        HttpAuthentication.Outcome outcome = authentication.authenticate(new HttpAuthentication.Request(
                exchange.getRequestHeaders().getOrDefault("Authorization", List.of()),
                rawQuery == null ? "" : rawQuery,
                exchange.getRemoteAddress().getAddress(),
                exchange.getRequestHeaders().getOrDefault("X-Forwarded-For", List.of()),
                bodyHasToken(exchange)));

        for (Map.Entry<String, String> header : outcome.headers()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        if (outcome.isVerified()) {
            chain.doFilter(withPrincipal(exchange, outcome.principal().get()));
            return;
        }
        sendError(exchange, outcome);
    }

    @Override
    public String description() {
        return "Meetzy API token verification";
    }

    /**
     * Reads up to {@link #MAX_INSPECTED_BODY_BYTES} of a form body and puts them back in front of
     * the rest, so the handler reads the body unchanged.
     */
    private static BooleanSupplier bodyHasToken(HttpExchange exchange) {
        return () -> {
            if (!FormParameters.isForm(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                return false;
            }
            try {
                InputStream body = exchange.getRequestBody();
                byte[] head = body.readNBytes(MAX_INSPECTED_BODY_BYTES);
                exchange.setStreams(new SequenceInputStream(new ByteArrayInputStream(head), body), null);
                return FormParameters.contains(FormParameters.bodyText(head, head.length), FormParameters.ACCESS_TOKEN);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the form body of the request", e);
            }
        };
    }

    private static HttpExchange withPrincipal(HttpExchange exchange, VerifiedToken token) {
        if (exchange instanceof HttpsExchange tls) {
            return new PrincipalHttpsExchange(tls, PRINCIPAL_ATTRIBUTE, token);
        }
        return new PrincipalExchange(exchange, PRINCIPAL_ATTRIBUTE, token);
    }

    private static void sendError(HttpExchange exchange, HttpAuthentication.Outcome outcome) throws IOException {
        // A response to HEAD has no body: the JDK server fails a write of one.
        boolean isHead = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        try (exchange) {
            exchange.sendResponseHeaders(outcome.status(), isHead ? -1 : outcome.body().length);
            if (!isHead) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(outcome.body());
                }
            }
        }
    }
}
