package io.meetzy.verifier.rest;

import io.meetzy.verifier.MeetzyServletFilter;
import io.meetzy.verifier.VerifiedToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Serves a {@link TokenApi} in a Jakarta Servlet container. Map it to {@code /v1/tokens/*} behind
 * {@link MeetzyServletFilter}, which authenticates the caller and stores its {@link VerifiedToken}
 * in the request attribute {@link MeetzyServletFilter#PRINCIPAL_ATTRIBUTE}. The API reads the path
 * below the mapping from {@link HttpServletRequest#getPathInfo()}.
 *
 * <p>A request without that attribute gets 500, and the error is logged, because that means the
 * filter is missing. The response reuses a {@code Meetzy-Request-Id} header that the filter set,
 * or sets a new one. Thread-safe.
 */
public final class TokenApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Not serializable: a container that serializes servlets would have to build the API again. */
    private final transient TokenApi api;

    public TokenApiServlet(TokenApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.existingOrNew(Optional.ofNullable(response.getHeader(RequestIds.HEADER)));
        response.setHeader(RequestIds.HEADER, requestId);

        Optional<VerifiedToken> principal = MeetzyServletFilter.principal(request);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        // The Servlet API allows null where the container hides headers.
        Enumeration<String> keyHeaders = request.getHeaders(IdempotentRequests.KEY_HEADER);
        List<String> idempotencyKeys = keyHeaders == null ? List.of() : Collections.list(keyHeaders);
        ApiRequest apiRequest = new ApiRequest(request.getMethod().toUpperCase(Locale.ROOT), path, principal,
                requestId, idempotencyKeys, new ServletBody(request));

        write(request, response, api.handle(apiRequest));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ApiResponse apiResponse)
            throws IOException {
        response.setStatus(apiResponse.status());
        apiResponse.headers().forEach(response::setHeader);

        boolean isHead = "HEAD".equalsIgnoreCase(request.getMethod());
        if (apiResponse.hasBody() && !isHead) {
            response.setContentLength(apiResponse.body().length);
            response.getOutputStream().write(apiResponse.body());
        }
    }

    private record ServletBody(HttpServletRequest request) implements ApiRequest.Body {

        @Override
        public OptionalLong declaredLength() {
            long length = request.getContentLengthLong();
            return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
        }

        @Override
        public InputStream open() throws IOException {
            return request.getInputStream();
        }
    }
}
