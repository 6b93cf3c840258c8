package io.meetzy.examples.cli;

import io.meetzy.examples.server.DemoApiServer;
import io.meetzy.verifier.CachingTokenStore;
import io.meetzy.verifier.RateLimitPolicy;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenStore;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.rest.TokenApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meetzy serve}: the demo API on a real token store, until the process is stopped.
 *
 * <p>By default the verifier reads the store on every request, because other {@code meetzy}
 * processes revoke tokens in the same store and their revocations must take effect on the next
 * request. {@code --cache-ttl} trades that for speed: found tokens are then kept in memory, and a
 * revocation made by another process takes effect here only within the TTL.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the demo Meetzy API (GET /v1/assistants, the token API under /v1/tokens and GET /health)"
                + " with token verification, until stopped with Ctrl-C."
                + " Other meetzy commands can open the same --data directory while it runs.")
final class ServeCommand implements Runnable {

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, reachable from this machine only).")
    String host;

    @Option(names = "--rate-limit", paramLabel = "N/PERIOD", converter = PolicyConverter.class,
            description = "Requests each token may make per period, such as 5/1s or 20/1m; PERIOD is a whole number"
                    + " followed by ms, s, m, h or d (default: 100/1m). Further requests get 429 with Retry-After.")
    RateLimitPolicy rateLimit = RateLimitPolicy.DEFAULT_TOKEN_POLICY;

    @Option(names = "--failure-limit", paramLabel = "N/PERIOD", converter = PolicyConverter.class,
            description = "Failed verifications each client address may cause per period before its requests get 429,"
                    + " in the form of --rate-limit (default: 20/1m).")
    RateLimitPolicy failureLimit = RateLimitPolicy.DEFAULT_FAILURE_POLICY;

    @Option(names = "--cache-ttl", paramLabel = "DURATION", converter = TtlConverter.class,
            description = "Keep found tokens in memory this long, such as 10s or 500ms (default: no cache)."
                    + " Revocations made by other processes then take effect here only after up to this long.")
    Duration cacheTtl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for --port: " + port + ". Use 0 to 65535.");
        }

        CountDownLatch stopped = new CountDownLatch(1);
        try (TokenStore tokenStore = cached(store.open());
             TokenVerifier verifier = TokenVerifier.builder(tokenStore).clock(Clock.systemUTC())
                     .rateLimit(rateLimit)
                     .failureLimit(failureLimit)
                     .build();
             DemoApiServer server = DemoApiServer.start(host, port, verifier, tokenApi(tokenStore))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "meetzy-serve-shutdown"));
            spec.commandLine().getOut().println("Meetzy demo API listening on " + server.baseUrl()
                    + " (token store: " + store.describe() + "; rate limit " + rateLimit
                    + " per token, failure limit " + failureLimit + " per client address"
                    + (cacheTtl == null ? "" : ", cache TTL " + cacheTtl.toMillis() + " ms") + ")."
                    + " Press Ctrl-C to stop.");
            spec.commandLine().getOut().flush();
            stopped.await();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + host + ":" + port + ": " + e.getMessage()
                    + ". Check --host, which must be an address of this machine, such as 127.0.0.1, or choose another"
                    + " --port, or 0 for a free one.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves {@code /v1/tokens} on the verifier's store, so revocations through the API invalidate its cache too. */
    private static TokenApi tokenApi(TokenStore tokenStore) {
        TokenManager manager = TokenManager.builder(tokenStore).clock(Clock.systemUTC()).build();
        return TokenApi.builder(manager).clock(Clock.systemUTC()).build();
    }

    private TokenStore cached(TokenStore opened) {
        return cacheTtl == null
                ? opened
                : CachingTokenStore.wrap(opened, cacheTtl, CachingTokenStore.DEFAULT_MAX_ENTRIES);
    }

    /** Reads a positive duration: a whole number followed by {@code ms}, {@code s} or {@code m}. */
    static final class TtlConverter implements CommandLine.ITypeConverter<Duration> {

        private static final Pattern TTL = Pattern.compile("([1-9]\\d{0,8})(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher matcher = TTL.matcher(value.strip());
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("Invalid cache TTL '" + value
                        + "': use a positive whole number followed by ms, s or m, such as 10s.");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
    }

    /** Reads {@code N/PERIOD}. Picocli reports a bad value as a usage error (exit code 2) with this message. */
    static final class PolicyConverter implements CommandLine.ITypeConverter<RateLimitPolicy> {
        @Override
        public RateLimitPolicy convert(String value) {
            try {
                return RateLimitPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
