package io.meetzy.client.internal;

import io.meetzy.core.ApiToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends one attempt of a {@link Call} and follows its redirects. The JDK client stays at
 * {@link HttpClient.Redirect#NEVER}, because its own redirect handling has changed between JDK
 * updates in what it does with the {@code Authorization} header. Here the rules are fixed:
 *
 * <ul>
 *   <li>The token goes only to the base URL's origin (scheme, host and port). A redirect elsewhere
 *       is followed without {@code Authorization}.</li>
 *   <li>A redirect from https to http, or to any scheme other than http and https, is not followed,
 *       because the request would leave the encrypted channel.</li>
 *   <li>303, and 301 or 302 after a POST, continue with a GET without body, as browsers do; 307 and
 *       308 repeat the method and body.</li>
 *   <li>At most {@value #MAX_REDIRECTS} redirects per attempt.</li>
 * </ul>
 */
public final class Exchange {

    /**
     * Five, the default of the JDK's own redirect handling ({@code jdk.httpclient.redirects.retrylimit}):
     * an API does not chain redirects, so more than a few signal a loop.
     */
    static final int MAX_REDIRECTS = 5;


    private static final Logger LOG = LoggerFactory.getLogger("io.meetzy.client.MeetzyClient");

    private final HttpClient httpClient;
    private final RequestFactory requestFactory;
    private final Origin tokenOrigin;
    private final Clock clock;

    public Exchange(HttpClient httpClient, RequestFactory requestFactory, URI baseUrl, Clock clock) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.requestFactory = Objects.requireNonNull(requestFactory, "requestFactory");
        this.tokenOrigin = Origin.of(baseUrl);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the attempt and follows redirects, blocking the calling thread.
     *
     * @throws InterruptedException if the thread is interrupted while waiting for a response
     */
    public Outcome send(Call call, ApiToken token, Duration timeout) throws InterruptedException {
        Hop hop = Hop.first(call);
        while (true) {
            HttpResponse<byte[]> response;
            try {
                response = httpClient.send(request(call, hop, token, timeout), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                return failed(call, hop, e);
            }

            Step step = afterResponse(call, hop, response);
            if (step.next().isEmpty()) {
                return step.outcome();
            }
            hop = step.next().get();
        }
    }

    /** Sends the attempt and follows redirects without blocking. */
    public CompletableFuture<Outcome> sendAsync(Call call, ApiToken token, Duration timeout) {
        return sendAsync(call, Hop.first(call), token, timeout);
    }

    private CompletableFuture<Outcome> sendAsync(Call call, Hop hop, ApiToken token, Duration timeout) {
        HttpRequest request = request(call, hop, token, timeout);
        return httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(failed(call, hop, asIoException(error)));
                    }
                    Step step = afterResponse(call, hop, response);
                    return step.next()
                            .map(next -> sendAsync(call, next, token, timeout))
                            .orElseGet(() -> CompletableFuture.completedFuture(step.outcome()));
                })
                .thenCompose(future -> future);
    }

    private HttpRequest request(Call call, Hop hop, ApiToken token, Duration timeout) {
        boolean authorized = tokenOrigin.equals(Origin.of(hop.uri()));
        if (LOG.isTraceEnabled()) {
            LOG.trace("Sending {} {} (redirect {}, Authorization {})", hop.method(), withoutQuery(hop.uri()),
                    hop.redirects(), authorized ? "sent" : "left out for another origin");
        }
        Optional<String> bearer = authorized ? Optional.of(token.value()) : Optional.empty();
        return requestFactory.create(hop.method(), hop.uri(), hop.body(), bearer, call.idempotencyKey(), timeout);
    }

    private Step afterResponse(Call call, Hop hop, HttpResponse<byte[]> response) {
        if (LOG.isDebugEnabled()) {
            String requestId = HeaderMaps.first(response.headers().map(), ResponseMapper.REQUEST_ID_HEADER)
                    .orElse("none");
            LOG.debug("{} returned status {} (request id {})", call.describe(), response.statusCode(), requestId);
        }

        if (!isRedirect(response.statusCode())) {
            return Step.done(Outcome.of(response, Optional.empty(), clock.instant()));
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return Step.done(Outcome.of(response, Optional.empty(), clock.instant()));
        }

        Optional<URI> target = resolve(hop.uri(), location.get());
        Optional<String> problem = target.isEmpty()
                ? Optional.of("The server redirected to a Location that is not a valid URL, so the client did not"
                        + " follow it.")
                : refusal(hop, target.get());
        if (problem.isPresent()) {
            return Step.done(Outcome.of(response, problem, clock.instant()));
        }

        Hop next = hop.redirectTo(target.get(), response.statusCode());
        LOG.debug("{} followed a {} redirect to {}", call.describe(), response.statusCode(), withoutQuery(next.uri()));
        return Step.follow(next);
    }

    /** Returns whether the status is a redirect that the client follows when it carries a Location. */
    private static boolean isRedirect(int statusCode) {
        return switch (statusCode) {
            case 301, 302, 303, 307, 308 -> true;
            default -> false;
        };
    }

        private static Optional<String> refusal(Hop hop, URI target) {
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("The server redirected to a " + scheme + " URL, which the client does not follow:"
                    + " set the base URL to the address that serves the API.");
        }
        boolean downgrade = hop.uri().getScheme().equalsIgnoreCase("https") && scheme.equals("http");
        if (downgrade) {
            return Optional.of("The server redirected from https to " + withoutQuery(target) + ". The client does"
                    + " not follow a redirect from https to http, because the request would travel unencrypted:"
                    + " set the base URL to the https address that serves the API.");
        }
        if (hop.redirects() >= MAX_REDIRECTS) {
            return Optional.of("The server redirected more than " + MAX_REDIRECTS + " times, last to "
                    + withoutQuery(target) + ", so the client stopped: check the base URL for a redirect loop.");
        }
        return Optional.empty();
    }

    /** Resolves a Location value against the URI that returned it; empty when it is not a usable URL. */
    private static Optional<URI> resolve(URI current, String location) {
        try {
            URI target = current.resolve(new URI(location.strip()));
            boolean usable = target.getScheme() != null && target.getHost() != null;
            return usable ? Optional.of(target) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Outcome failed(Call call, Hop hop, IOException e) {
        LOG.debug("{} got no response from {}: {}", call.describe(), origin(hop.uri()), e.getClass().getSimpleName());
        return Outcome.failed(e, clock.instant());
    }

    private static IOException asIoException(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new CompletionException(cause);
    }

    /**
     * Returns the scheme, authority and path of {@code uri} with any token masked, for logs and
     * messages: a query may carry a credential.
     */
    static String withoutQuery(URI uri) {
        return TokenRedactor.redact(origin(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** One request of an attempt: the first, or one reached through redirects. */
    private record Hop(String method, URI uri, Optional<byte[]> body, int redirects) {

        static Hop first(Call call) {
            return new Hop(call.method(), call.uri(), call.jsonBody(), 0);
        }

        Hop redirectTo(URI target, int status) {
            boolean becomesGet = status == 303 && !method.equals("HEAD")
                    || (status == 301 || status == 302) && method.equals("POST");
            return becomesGet
                    ? new Hop("GET", target, Optional.empty(), redirects + 1)
                    : new Hop(method, target, body, redirects + 1);
        }
    }

    /** The step after a response: stop with an outcome, or follow a redirect. */
    private record Step(Outcome outcome, Optional<Hop> next) {

        static Step done(Outcome outcome) {
            return new Step(outcome, Optional.empty());
        }

        static Step follow(Hop next) {
            return new Step(null, Optional.of(next));
        }
    }

    /** Scheme, host and port, compared as the same-origin rule of RFC 6454 does. */
    private record Origin(String scheme, String host, int port) {

        static Origin of(URI uri) {
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return new Origin(scheme, host, port);
        }
    }
}
