package io.meetzy.verifier;

import io.meetzy.verifier.internal.ClientAddresses;
import io.meetzy.verifier.internal.FormParameters;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A Jakarta Servlet (6.0) filter that lets only requests with a valid Meetzy token reach the
 * servlet. It makes exactly the decisions of {@link MeetzyAuthFilter}, through the same code:
 * the same statuses, headers, JSON bodies, audit lines and limits.
 *
 * <p>A verified request goes on with the {@link VerifiedToken} as the request attribute
 * {@link #PRINCIPAL_ATTRIBUTE} (read it with {@link #principal}); {@code getUserPrincipal()}
 * returns a {@link Principal} named after the token id, and {@code getAuthType()} returns
 * {@code "Bearer"}.
 *
 * <p>Only HTTP requests are filtered; anything else goes on unchanged. The client address comes
 * from {@code getRemoteAddr()}, or from {@code X-Forwarded-For} when that is a trusted proxy. The
 * container reads a form body for an {@code access_token} parameter only when the header is absent
 * or carries a genuine token, and keeps the parsed parameters for the servlet. Thread-safe.
 */
public final class MeetzyServletFilter implements Filter {

    /** The request attribute that contains the {@link VerifiedToken} of a verified request. */
    public static final String PRINCIPAL_ATTRIBUTE = MeetzyAuthFilter.PRINCIPAL_ATTRIBUTE;

    private static final InetAddress UNKNOWN_PEER = ClientAddresses.parseLiteral("0.0.0.0").orElseThrow();

    private final HttpAuthentication authentication;

    public MeetzyServletFilter(TokenVerifier verifier) {
        this.authentication = new HttpAuthentication(verifier);
    }

    /** Returns the verified token of a request that passed this filter, or empty. */
    public static Optional<VerifiedToken> principal(ServletRequest request) {
        Objects.requireNonNull(request, "request");
        return request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof VerifiedToken token
                ? Optional.of(token)
                : Optional.empty();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }

        HttpAuthentication.Outcome outcome = authentication.authenticate(new HttpAuthentication.Request(
                headers(http, "Authorization"),
                http.getQueryString() == null ? "" : http.getQueryString(),
                peerAddress(http),
                headers(http, "X-Forwarded-For"),
                bodyHasToken(http)));

        for (Map.Entry<String, String> header : outcome.headers()) {
            httpResponse.setHeader(header.getKey(), header.getValue());
        }
        if (outcome.isVerified()) {
            VerifiedToken token = outcome.principal().get();
            http.setAttribute(PRINCIPAL_ATTRIBUTE, token);
            chain.doFilter(new AuthenticatedRequest(http, token), httpResponse);
            return;
        }

        httpResponse.setStatus(outcome.status());
        httpResponse.setContentLength(outcome.body().length);
        if (!"HEAD".equalsIgnoreCase(http.getMethod())) {
            httpResponse.getOutputStream().write(outcome.body());
        }
    }

    /**
     * Parses {@code getRemoteAddr()} without a name lookup. A connector without an IP peer (a Unix
     * domain socket, for example) gives no literal; such requests share the unspecified address.
     */
    private static InetAddress peerAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        return ClientAddresses.parseLiteral(remote == null ? "" : remote).orElse(UNKNOWN_PEER);
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    /**
     * Returns a check for {@code access_token} in a form body, which the container parses on the
     * first parameter lookup. The verifier has rejected a query {@code access_token} before it
     * calls the check, so a value found then came from the body.
     */
    private static BooleanSupplier bodyHasToken(HttpServletRequest request) {
        return () -> FormParameters.isForm(request.getContentType())
                && request.getParameter(FormParameters.ACCESS_TOKEN) != null;
    }

    /** The request passed on to the servlet, authenticated by the token. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final Principal principal;

        AuthenticatedRequest(HttpServletRequest request, VerifiedToken token) {
            super(request);
            String name = token.tokenId();
            this.principal = () -> name;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return principal.getName();
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }
    }
}
