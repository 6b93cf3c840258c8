package io.meetzy.verifier.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.meetzy.verifier.MeetzyAuthFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Serves a {@link TokenApi} on the JDK {@code HttpServer}. Mount it behind
 * {@link MeetzyAuthFilter}, which authenticates the caller:
 *
 * <pre>{@code
 * HttpContext tokens = server.createContext("/v1/tokens", new TokenApiHandler(api));
 * tokens.getFilters().add(new MeetzyAuthFilter(verifier));
 * }</pre>
 *
 * A request that reaches the handler without a verified token gets 500, and the error is logged,
 * because that means the filter is missing. The response reuses the {@code Meetzy-Request-Id}
 * that the filter set. Thread-safe.
 */
public final class TokenApiHandler implements HttpHandler {

    private final TokenApi api;

    public TokenApiHandler(TokenApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = RequestIds.existingOrNew(
                    Optional.ofNullable(exchange.getResponseHeaders().getFirst(RequestIds.HEADER)));
            exchange.getResponseHeaders().set(RequestIds.HEADER, requestId);

            ApiRequest request = new ApiRequest(
                    exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    pathBelowContext(exchange),
                    MeetzyAuthFilter.principal(exchange),
                    requestId,
                    Optional.ofNullable(exchange.getRequestHeaders().get(IdempotentRequests.KEY_HEADER)).orElse(List.of()),
                    new ExchangeBody(exchange));
            write(exchange, api.handle(request));
        }
    }

    /**
     * Returns the raw path after the context path. The JDK matches contexts by string prefix, so
     * {@code /v1/tokensX} reaches a context {@code /v1/tokens} too; its remainder {@code X} does
     * not start with {@code /}, and the API returns 404 for it.
     */
    private static String pathBelowContext(HttpExchange exchange) {
        String context = exchange.getHttpContext().getPath();
        if (context.endsWith("/")) {
            context = context.substring(0, context.length() - 1);
        }
        String path = exchange.getRequestURI().getRawPath();
        return path.length() <= context.length() ? "" : path.substring(context.length());
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));

        // A response to HEAD, or a 204, has no body: the JDK server fails a write of one.
        boolean isHead = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        boolean sendsBody = response.hasBody() && !isHead;
        exchange.sendResponseHeaders(response.status(), sendsBody ? response.body().length : -1);
        if (sendsBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private record ExchangeBody(HttpExchange exchange) implements ApiRequest.Body {

        @Override
        public OptionalLong declaredLength() {
            String value = exchange.getRequestHeaders().getFirst("Content-Length");
            if (value == null) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }

        @Override
        public InputStream open() {
            return exchange.getRequestBody();
        }
    }
}
