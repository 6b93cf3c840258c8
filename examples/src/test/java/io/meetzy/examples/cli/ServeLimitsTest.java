package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code meetzy serve --rate-limit N/PERIOD --failure-limit N/PERIOD --cache-ttl DURATION}: parsing, and the effect over HTTP. */
class ServeLimitsTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @ValueSource(strings = {"--rate-limit", "--failure-limit"})
    void badLimitIsUsageError(String option) {
        CliRun run = CliRun.of("serve", "--data", data.toString(), option, "5/1w");

        assertThat(run.exitCode()).isEqualTo(MeetzyCli.EXIT_USAGE);
        assertThat(run.err()).contains("Invalid value for option '" + option + "': Invalid rate limit '5/1w':"
                + " use N/PERIOD, such as 5/1s or 20/1m, where PERIOD is a whole number followed by ms, s, m, h or d.");
    }

    @Test
    void zeroLimitIsUsageError() {
        CliRun run = CliRun.of("serve", "--data", data.toString(), "--rate-limit", "0/1s");

        assertThat(run.exitCode()).isEqualTo(MeetzyCli.EXIT_USAGE);
        assertThat(run.err()).contains("Invalid rate limit '0/1s': The rate limit must allow at least 1 request per"
                + " period, got 0.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "10", "1h", "-5s", "ten"})
    void badCacheTtlIsUsageError(String ttl) {
        CliRun run = CliRun.of("serve", "--data", data.toString(), "--cache-ttl", ttl);

        assertThat(run.exitCode()).isEqualTo(MeetzyCli.EXIT_USAGE);
        assertThat(run.err()).contains("Invalid value for option '--cache-ttl': Invalid cache TTL '" + ttl
                + "': use a positive whole number followed by ms, s or m, such as 10s.");
    }

    @Test
    void cachedServeStillRejectsRevokedToken() throws Exception {
        Process serve = ChildCli.start(Map.of(), "serve", "--port", "0", "--data", data.toString(), "--cache-ttl", "200ms");
        try {
            URI assistants = listeningOn(serve, "cache TTL 200 ms").resolve("/v1/assistants");
            String created = CliRun.of("tokens", "create", "--name", "cached", "--json", "--data", data.toString()).out();
            var node = TokenJson.MAPPER.readTree(created);
            String bearer = "Bearer " + node.get("token").asText();

            assertThat(get(assistants, bearer).statusCode()).isEqualTo(200);
            CliRun.of("tokens", "revoke", node.get("id").asText(), "--data", data.toString());

            // Another process revoked the token, so this server sees it only once the 200 ms TTL ran out.
            int status = 200;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (status == 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = get(assistants, bearer).statusCode();
            }
            assertThat(status).isEqualTo(401);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void helpNamesBothOptions() {
        CliRun run = CliRun.of("serve", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--rate-limit=N/PERIOD").contains("--failure-limit=N/PERIOD")
                .contains("(default: 100/1m)").contains("(default: 20/1m)");
    }

    @Test
    void limitsApplyOverHttp() throws Exception {
        Process serve = ChildCli.start(Map.of(), "serve", "--port", "0", "--data", data.toString(),
                "--rate-limit", "2/1m", "--failure-limit", "3/1m");
        try {
            URI assistants = listeningOn(serve, "rate limit 2/60s per token, failure limit 3/60s per client address")
                    .resolve("/v1/assistants");
            String token = CliRun.of("tokens", "create", "--name", "limited", "--data", data.toString()).out().strip();

            HttpResponse<String> first = get(assistants, "Bearer " + token);
            HttpResponse<String> second = get(assistants, "Bearer " + token);
            HttpResponse<String> third = get(assistants, "Bearer " + token);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("RateLimit-Policy")).contains("\"default\";q=2;w=60");
            assertThat(second.headers().firstValue("RateLimit-Remaining")).contains("0");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

            for (int i = 0; i < 3; i++) {
                assertThat(get(assistants, "Bearer mzy_guess" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> blocked = get(assistants, "Bearer mzy_guess");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.body()).contains("failed authentication (limit 3 per 60 s)");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI listeningOn(Process serve, String expectedSettings) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);

        Matcher matcher = LISTENING.matcher(String.valueOf(firstLine));
        assertThat(matcher.find()).as("serve printed: %s", firstLine).isTrue();
        assertThat(firstLine).contains(expectedSettings);
        return URI.create(matcher.group(1));
    }
}
