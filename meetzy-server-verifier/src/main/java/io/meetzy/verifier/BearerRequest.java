package io.meetzy.verifier;

import java.util.List;
import java.util.Objects;

/**
 * The places a request carries credentials in, as {@link TokenVerifier#verify(BearerRequest)}
 * reads them: every {@code Authorization} header value, and whether a token also came as an
 * {@code access_token} query parameter or form body parameter. RFC 6750 allows only one method per
 * request, and Meetzy accepts only the header.
 *
 * @param authorizationHeaders each {@code Authorization} header value, in order; empty when absent
 * @param tokenInQuery whether the URL query has an {@code access_token} parameter
 * @param tokenInBody whether the form body has an {@code access_token} parameter
 */
public record BearerRequest(List<String> authorizationHeaders, boolean tokenInQuery, boolean tokenInBody) {

    /** Copies the header values; a null list or a null value is rejected. */
    public BearerRequest {
        Objects.requireNonNull(authorizationHeaders, "authorizationHeaders");
        authorizationHeaders = List.copyOf(authorizationHeaders);
    }

    /** Returns a request with at most one header, {@code null} meaning none, and no other credentials. */
    public static BearerRequest ofHeader(String authorizationHeaderOrNull) {
        List<String> headers = authorizationHeaderOrNull == null ? List.of() : List.of(authorizationHeaderOrNull);
        return new BearerRequest(headers, false, false);
    }

    /** Prints how many headers there are, never their values, which hold tokens. */
    @Override
    public String toString() {
        return "BearerRequest[authorizationHeaders=" + authorizationHeaders.size()
                + ", tokenInQuery=" + tokenInQuery + ", tokenInBody=" + tokenInBody + "]";
    }
}
