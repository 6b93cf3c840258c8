package io.meetzy.client.internal;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import io.meetzy.client.ClientRateLimitException;
import io.meetzy.client.MeetzyException;
import io.meetzy.client.MeetzyResponse;
import io.meetzy.client.RetryEvent;
import io.meetzy.client.RetryListener;
import io.meetzy.client.RetryPolicy;
import io.meetzy.client.Sleeper;
import io.meetzy.core.ApiToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one logical call: attempts, retries, the client-side rate limit and the re-read of the token
 * after a 401. The blocking {@link #execute} and the asynchronous {@link #executeAsync} share every
 * decision through {@link #decide}; they differ only in how they wait.
 *
 * <p>resilience4j's {@link Retry} counts the attempts and computes each wait through an
 * {@link IntervalBiFunction} that applies {@link Backoff} and {@code Retry-After}. The client uses
 * its {@link Retry.AsyncContext}, which returns the wait instead of sleeping, for both kinds of
 * call: resilience4j's blocking context sleeps through a static, process-wide function, which
 * tests could only replace for every client at once.
 */
public final class CallExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("io.meetzy.client.MeetzyClient");

    private final Exchange exchange;
    private final ResponseMapper mapper;
    private final ActiveToken tokens;
    private final RetryPolicy policy;
    private final Duration requestTimeout;
    private final Retry retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Optional<ClientRateLimiter> rateLimiter;
    private final Optional<RetryListener> listener;

    /** The collaborators and settings of a {@link CallExecutor}. */
    public record Settings(Exchange exchange, ResponseMapper mapper, ActiveToken tokens, RetryPolicy policy,
            Duration requestTimeout, Backoff backoff, Sleeper sleeper, Clock clock,
            Optional<ClientRateLimiter> rateLimiter, Optional<RetryListener> listener) {

        public Settings {
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(mapper, "mapper");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(rateLimiter, "rateLimiter");
            Objects.requireNonNull(listener, "listener");
        }
    }

    public CallExecutor(Settings settings) {
        this.exchange = settings.exchange();
        this.mapper = settings.mapper();
        this.tokens = settings.tokens();
        this.policy = settings.policy();
        this.requestTimeout = settings.requestTimeout();
        this.sleeper = settings.sleeper();
        this.clock = settings.clock();
        this.rateLimiter = settings.rateLimiter();
        this.listener = settings.listener();
        this.retry = Retry.of("meetzy-client", retryConfig(settings.policy(), settings.backoff(), settings.clock()));
    }

    /**
     * Runs the call on the calling thread and returns the 2xx response.
     *
     * @throws MeetzyException the exception for the last attempt's status or failure
     */
    public MeetzyResponse execute(Call call) {
        CallState state = new CallState(call, retry.asyncContext(), clock.instant());
        while (true) {
            try {
                sleep(permitWait(state));
                ApiToken token = tokens.current();
                Outcome outcome = exchange.send(call, token, attemptTimeout(state));
                Decision decision = decide(state, token, outcome);
                if (decision.response().isPresent()) {
                    return decision.response().get();
                }
                sleep(decision.retryDelay().orElseThrow(decision::failure));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw mapper.interrupted(call, e, Math.max(1, state.attempts));
            }
        }
    }

    /**
     * Runs the call without blocking. The future completes with the 2xx response, or exceptionally
     * with the same exception {@link #execute} would throw. No thread waits between attempts.
     */
    public CompletableFuture<MeetzyResponse> executeAsync(Call call) {
        CallState state = new CallState(call, retry.asyncContext(), clock.instant());
        return attemptAsync(state);
    }

    private CompletableFuture<MeetzyResponse> attemptAsync(CallState state) {
        Duration permitWait;
        ApiToken token;
        try {
            permitWait = permitWait(state);
            token = tokens.current();
        } catch (MeetzyException e) {
            return CompletableFuture.failedFuture(e);
        }

        return sleeper.delay(permitWait)
                .thenCompose(ignored -> exchange.sendAsync(state.call, token, attemptTimeout(state)))
                .thenCompose(outcome -> {
                    Decision decision = decide(state, token, outcome);
                    if (decision.response().isPresent()) {
                        return CompletableFuture.completedFuture(decision.response().get());
                    }
                    if (decision.retryDelay().isEmpty()) {
                        return CompletableFuture.failedFuture(decision.failure());
                    }
                    return sleeper.delay(decision.retryDelay().get()).thenCompose(ignored -> attemptAsync(state));
                });
    }

    /**
     * Decides what follows an attempt: return the response, repeat at once with a reloaded token,
     * retry after a wait, or fail with the exception for the outcome.
     */
    private Decision decide(CallState state, ApiToken token, Outcome outcome) {
        state.attempts++;
        outcome.response().ifPresent(response -> tokens.observe(token, response.headers().map()));

        if (outcome.succeeded()) {
            state.context.onComplete();
            return Decision.respond(mapper.success(state.call, outcome.response().get(), outcome.receivedAt(),
                    state.attempts));
        }
        if (outcome.hasStatus(401) && !state.tokenReloaded) {
            state.tokenReloaded = true;
            if (tokens.reloadAfterRejection(token).isPresent()) {
                LOG.debug("{} got status 401, and the token source now holds another token; repeating the request"
                        + " once with it", state.call.describe());
                return Decision.retryAfter(Duration.ZERO);
            }
        }
        if (!outcome.retryable()) {
            return fail(state, token, outcome, Optional.empty());
        }
        if (!state.call.replayable() && !outcome.neverSent()) {
            return fail(state, token, outcome, Optional.of("The client did not retry, because the server may"
                    + " already have processed this " + state.call.method() + ", and it has no Idempotency-Key."));
        }

        Optional<Duration> retryAfter = outcome.response()
                .flatMap(response -> RetryAfter.parse(response.headers().allValues("Retry-After"),
                        outcome.receivedAt()));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
            return fail(state, token, outcome, Optional.of("The client did not retry, because the server asked"
                    + " to wait " + seconds(retryAfter.get()) + " seconds, longer than the maximum of "
                    + seconds(policy.maxRetryAfter()) + " seconds (RetryPolicy.maxRetryAfter)."));
        }

        long delayMillis = outcome.failure().isPresent()
                ? state.context.onError(outcome.failure().get())
                : state.context.onResult(outcome);
        if (delayMillis < 0) {
            return fail(state, token, outcome, Optional.empty());
        }

        Duration delay = Duration.ofMillis(delayMillis);
        if (!state.fitsDeadline(clock.instant(), delay, policy.deadline())) {
            return fail(state, token, outcome, Optional.of("The client stopped retrying, because the next attempt"
                    + " would start after the deadline of " + seconds(policy.deadline())
                    + " seconds (RetryPolicy.deadline)."));
        }

        announceRetry(state, outcome, delay);
        return Decision.retryAfter(delay);
    }

    private Decision fail(CallState state, ApiToken token, Outcome outcome, Optional<String> note) {
        if (outcome.failure().isPresent()) {
            return Decision.fail(mapper.connectionFailure(state.call, outcome.failure().get(), state.attempts, note));
        }
        return Decision.fail(mapper.failure(state.call, outcome, token.displayPrefix(), state.attempts, note));
    }

    private void announceRetry(CallState state, Outcome outcome, Duration delay) {
        OptionalInt status = outcome.response().map(r -> OptionalInt.of(r.statusCode())).orElseGet(OptionalInt::empty);
        Optional<String> exceptionType = outcome.failure().map(e -> e.getClass().getSimpleName());
        RetryEvent event = new RetryEvent(state.call.method(), state.call.logPath(), state.attempts, status,
                exceptionType, delay);

        LOG.debug("{} attempt {} of {} failed ({}); retrying in {} ms", state.call.describe(), state.attempts,
                policy.maxAttempts(), event.cause(), delay.toMillis());
        listener.ifPresent(target -> notifyListener(target, event));
    }

    private static void notifyListener(RetryListener target, RetryEvent event) {
        try {
            target.onRetry(event);
        } catch (RuntimeException e) {
            LOG.warn("The RetryListener {} threw {}; the client ignored it.", target.getClass().getName(),
                    e.getClass().getName());
        }
    }

    /**
     * Returns the wait for a client-side rate-limit permit, zero without a limiter.
     *
     * @throws ClientRateLimitException if the wait would pass the call's deadline
     */
    private Duration permitWait(CallState state) {
        if (rateLimiter.isEmpty()) {
            return Duration.ZERO;
        }

        ClientRateLimiter limiter = rateLimiter.get();
        Optional<Duration> wait = limiter.reserve();
        if (wait.isEmpty() || !state.fitsDeadline(clock.instant(), wait.get(), policy.deadline())) {
            Duration required = wait.orElse(policy.deadline());
            throw new ClientRateLimitException(state.call.describe() + " was not sent: the client-side rate limit of "
                    + limiter.describe() + " would delay it past the deadline of " + seconds(policy.deadline())
                    + " seconds (RetryPolicy.deadline). Raise the limit or the deadline, or send fewer requests.",
                    required);
        }
        if (!wait.get().isZero()) {
            LOG.debug("{} waits {} ms for the client-side rate limit of {}", state.call.describe(),
                    wait.get().toMillis(), limiter.describe());
        }
        return wait.get();
    }

    /** Returns the request timeout, shortened so that the attempt ends by the deadline. */
    private Duration attemptTimeout(CallState state) {
        Duration remaining = policy.deadline().minus(Duration.between(state.start, clock.instant()));
        Duration timeout = remaining.compareTo(requestTimeout) < 0 ? remaining : requestTimeout;
        return timeout.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : timeout;
    }

    /** Returns a duration in seconds for messages, such as {@code 60} or {@code 1.2}. */
    private static String seconds(Duration duration) {
        BigDecimal millisPart = BigDecimal.valueOf(duration.toMillisPart(), 3);
        return BigDecimal.valueOf(duration.getSeconds()).add(millisPart).stripTrailingZeros().toPlainString();
    }

    private void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            sleeper.sleep(duration);
        }
    }

    /**
     * Retries outcomes with a retryable status; exceptions reach the context only for failures
     * without a response, all of them {@link IOException}s. The wait honours a usable
     * {@code Retry-After} and falls back to the computed backoff.
     */
    private static RetryConfig retryConfig(RetryPolicy policy, Backoff backoff, Clock clock) {
        IntervalBiFunction<Outcome> interval = (attempt, result) -> wait(attempt, result, backoff, clock).toMillis();
        return RetryConfig.<Outcome>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(Outcome::retryable)
                .retryOnException(IOException.class::isInstance)
                .intervalBiFunction(interval)
                .failAfterMaxAttempts(false)
                .build();
    }

    private static Duration wait(int attempt, Either<Throwable, Outcome> result, Backoff backoff, Clock clock) {
        Optional<Duration> retryAfter = result.isRight()
                ? result.get().response().flatMap(response -> RetryAfter.parse(
                        response.headers().allValues("Retry-After"), result.get().receivedAt()))
                : Optional.empty();
        return retryAfter.map(backoff::afterRetryAfter).orElseGet(() -> backoff.computed(attempt));
    }

    /** The mutable progress of one logical call. Each call has its own; attempts run one at a time. */
    private static final class CallState {

        final Call call;
        final Retry.AsyncContext<Outcome> context;
        final Instant start;
        int attempts;
        boolean tokenReloaded;

        CallState(Call call, Retry.AsyncContext<Outcome> context, Instant start) {
            this.call = call;
            this.context = context;
            this.start = start;
        }

        boolean fitsDeadline(Instant now, Duration wait, Duration deadline) {
            Duration elapsedAfterWait = Duration.between(start, now).plus(wait);
            return elapsedAfterWait.compareTo(deadline) < 0;
        }
    }

    /** The step after an attempt: exactly one of a response, a retry delay or a failure. */
    private record Decision(Optional<MeetzyResponse> response, Optional<Duration> retryDelay, MeetzyException failure) {

        static Decision respond(MeetzyResponse response) {
            return new Decision(Optional.of(response), Optional.empty(), null);
        }

        static Decision retryAfter(Duration delay) {
            return new Decision(Optional.empty(), Optional.of(delay), null);
        }

        static Decision fail(MeetzyException failure) {
            return new Decision(Optional.empty(), Optional.empty(), failure);
        }
    }
}
