package io.meetzy.verifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meetzy.verifier.internal.FormParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The HTTP behaviour both adapters share ({@link MeetzyAuthFilter} for the JDK server and
 * {@link MeetzyServletFilter} for Servlet containers): from what an adapter reads off a request,
 * it decides the response headers and either the principal to hand on or the error response.
 * The adapters only translate their request and response types.
 */
final class HttpAuthentication {

    static final String REQUEST_ID_HEADER = "Meetzy-Request-Id";
    static final String TOKEN_EXPIRES_HEADER = "Meetzy-Token-Expires";

    /** The name of the one policy a token has, in {@code RateLimit-Policy} and {@code RateLimit}. */
    private static final String POLICY_NAME = "default";
    private static final String INTERNAL_ERROR_MESSAGE = "The server could not verify the token because of an "
            + "internal error. Retry later; if the error persists, report the request id.";

    /**
     * The maximum number of formatted expiry dates kept. Each active token has one expiry, and the
     * bound keeps a flood of distinct tokens from growing the cache.
     */
    private static final int MAX_CACHED_EXPIRY_DATES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpAuthentication.class);

    private final TokenVerifier verifier;

    /**
     * {@code Meetzy-Token-Expires} values by epoch second. Each token has the same expiry on every
     * request, and in a JFR profile of {@code meetzy serve} under load, formatting the date took
     * about as many samples as {@link TokenVerifier#verify} itself.
     */
    private final Cache<Long, String> expiryDates = Caffeine.newBuilder().maximumSize(MAX_CACHED_EXPIRY_DATES).build();

    /** The header values that depend only on the policy, built once per policy rather than per response. */
    private volatile PolicyHeaders policyHeaders;

    HttpAuthentication(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * What an adapter reads off a request.
     *
     * @param authorizationHeaders every {@code Authorization} value, in order
     * @param rawQuery the undecoded query string, empty when the URL has none
     * @param peer the address of the TCP peer
     * @param forwardedFor every {@code X-Forwarded-For} value, in order
     * @param bodyHasToken reads the body for an {@code access_token} form parameter; called at most once,
     *     and only when the credentials are absent or genuine
     */
    record Request(List<String> authorizationHeaders, String rawQuery, InetAddress peer, List<String> forwardedFor,
                   BooleanSupplier bodyHasToken) {
    }

    /**
     * The decision for one request: headers for the response in every case, and either the
     * principal (the request goes on) or the status and JSON body of the error response.
     */
    record Outcome(List<Map.Entry<String, String>> headers, Optional<VerifiedToken> principal, int status, byte[] body) {

        boolean isVerified() {
            return principal.isPresent();
        }
    }

    /** Decides one request. A runtime exception, such as a store failure, becomes a 500 with the request id. */
    Outcome authenticate(Request request) {
        String requestId = TokenVerifier.newRequestId();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry(REQUEST_ID_HEADER, requestId));

        VerificationResult result;
        try {
            BearerRequest credentials = new BearerRequest(request.authorizationHeaders(),
                    FormParameters.contains(request.rawQuery(), FormParameters.ACCESS_TOKEN), false);
            InetAddress client = verifier.resolveClientAddress(request.peer(), request.forwardedFor());
            result = verifier.verify(credentials, requestId, Optional.of(client), request.bodyHasToken());
        } catch (RuntimeException e) {
            LOG.error("Token verification failed for request {}; answering 500", requestId, e);
            return error(headers, 500, "api_error", INTERNAL_ERROR_MESSAGE, requestId);
        }

        result.rateLimit().ifPresent(status -> addRateLimitHeaders(headers, status));
        if (result.rejection().isPresent()) {
            Rejection rejection = result.rejection().get();
            rejection.wwwAuthenticate().ifPresent(challenge -> headers.add(Map.entry("WWW-Authenticate", challenge)));
            rejection.retryAfterSeconds().ifPresent(seconds -> headers.add(Map.entry("Retry-After", seconds.toString())));
            return error(headers, rejection.httpStatus(), rejection.errorType(), rejection.message(), requestId);
        }

        VerifiedToken token = result.token().orElseThrow();
        headers.add(Map.entry(TOKEN_EXPIRES_HEADER, httpDate(token.expiresAt())));
        return new Outcome(List.copyOf(headers), Optional.of(token), 200, new byte[0]);
    }

    /** Formats an instant as the RFC 1123 date in GMT that {@code Meetzy-Token-Expires} carries, in whole seconds. */
    private String httpDate(Instant instant) {
        return expiryDates.get(instant.getEpochSecond(), seconds ->
                DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)));
    }

    /**
     * Adds the rate-limit fields of the IETF httpapi draft ({@code RateLimit-Policy}, {@code RateLimit})
     * and the widely deployed {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (seconds).
     */
    private void addRateLimitHeaders(List<Map.Entry<String, String>> headers, RateLimitStatus status) {
        PolicyHeaders policyValues = policyHeadersFor(status.policy());
        headers.add(policyValues.rateLimitPolicy());
        headers.add(Map.entry("RateLimit",
                "\"" + POLICY_NAME + "\";r=" + status.remaining() + ";t=" + status.resetSeconds()));
        headers.add(policyValues.rateLimitLimit());
        headers.add(Map.entry("RateLimit-Remaining", Integer.toString(status.remaining())));
        headers.add(Map.entry("RateLimit-Reset", Long.toString(status.resetSeconds())));
    }

    private PolicyHeaders policyHeadersFor(RateLimitPolicy policy) {
        PolicyHeaders current = policyHeaders;
        if (current != null && current.policy().equals(policy)) {
            return current;
        }

        // A verifier has one token policy, so this runs once; a race only builds equal values twice.
        PolicyHeaders built = new PolicyHeaders(policy,
                Map.entry("RateLimit-Policy", "\"" + POLICY_NAME + "\";q=" + policy.limit() + ";w=" + policy.periodSeconds()),
                Map.entry("RateLimit-Limit", Integer.toString(policy.limit())));
        policyHeaders = built;
        return built;
    }

    /** The {@code RateLimit-Policy} and {@code RateLimit-Limit} headers of one policy. */
    private record PolicyHeaders(RateLimitPolicy policy, Map.Entry<String, String> rateLimitPolicy,
                                 Map.Entry<String, String> rateLimitLimit) {
    }

    private static Outcome error(List<Map.Entry<String, String>> headers, int status, String errorType, String message,
                                 String requestId) {
        headers.add(Map.entry("Content-Type", "application/json"));
        byte[] body = ErrorResponses.json(errorType, message, requestId).getBytes(StandardCharsets.UTF_8);
        return new Outcome(List.copyOf(headers), Optional.empty(), status, body);
    }
}
