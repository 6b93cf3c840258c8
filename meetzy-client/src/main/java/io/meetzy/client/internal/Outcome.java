package io.meetzy.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one attempt: the final response after any redirects, or the exception that kept a
 * response from arriving.
 *
 * @param response the response, or empty when {@code failure} is set
 * @param failure the exception, or empty when {@code response} is set
 * @param redirectProblem why a redirect in {@code response} was not followed, or empty
 * @param receivedAt when the response or failure arrived, from the client's clock
 */
public record Outcome(Optional<HttpResponse<byte[]>> response, Optional<IOException> failure,
        Optional<String> redirectProblem, Instant receivedAt) {

    /**
     * Statuses worth retrying: 408 Request Timeout and 429 Too Many Requests ask for a later
     * attempt, and 500, 502, 503 and 504 are failures of the server or a gateway that often pass.
     * 501 Not Implemented and 505 are permanent and left out.
     */
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    public Outcome {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(redirectProblem, "redirectProblem");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (response.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("An outcome has either a response or a failure.");
        }
    }

    static Outcome of(HttpResponse<byte[]> response, Optional<String> redirectProblem, Instant receivedAt) {
        return new Outcome(Optional.of(response), Optional.empty(), redirectProblem, receivedAt);
    }

    static Outcome failed(IOException failure, Instant receivedAt) {
        return new Outcome(Optional.empty(), Optional.of(failure), Optional.empty(), receivedAt);
    }

    /** Returns whether the attempt got a 2xx response. */
    public boolean succeeded() {
        return response.map(r -> r.statusCode() >= 200 && r.statusCode() < 300).orElse(false);
    }

    /** Returns whether the attempt got a response with {@code statusCode}. */
    public boolean hasStatus(int statusCode) {
        return response.map(r -> r.statusCode() == statusCode).orElse(false);
    }

    /** Returns whether a retry may succeed: a connection failure, a timeout or a retryable status. */
    public boolean retryable() {
        return failure.isPresent() || response.map(r -> RETRYABLE_STATUSES.contains(r.statusCode())).orElse(false);
    }

    /**
     * Returns whether the request certainly never reached the server: the connection could not be
     * opened. Such a failure is safe to retry for any method.
     */
    public boolean neverSent() {
        return failure.map(e -> e instanceof ConnectException || e instanceof HttpConnectTimeoutException)
                .orElse(false);
    }

    /** Returns the response headers, or an empty map when no response arrived. */
    public Map<String, List<String>> headers() {
        return response.map(r -> r.headers().map()).orElse(Map.of());
    }
}
