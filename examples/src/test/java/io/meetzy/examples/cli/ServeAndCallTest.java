package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetzy.core.ApiToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meetzy serve} in a child JVM, with {@code meetzy tokens} opening the same data directory
 * from this JVM while it runs, and {@code meetzy call} in another child JVM that reads the
 * environment.
 */
class ServeAndCallTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path data;

    private Process serve;
    private URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startServe() throws Exception {
        serve = ChildCli.start(Map.of(), "serve", "--port", "0", "--data", data.toString());
        BufferedReader stdout = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String firstLine = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);

        Matcher matcher = LISTENING.matcher(String.valueOf(firstLine));
        assertThat(matcher.find()).as("serve printed: %s", firstLine).isTrue();
        baseUrl = URI.create(matcher.group(1));
    }

    @AfterEach
    void stopServe() throws InterruptedException {
        serve.destroy();
        serve.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void tokenCreatedBesideServerWorksUntilRevoked() throws Exception {
        CliRun created = CliRun.of("tokens", "create", "--name", "curl test", "--json", "--data", data.toString());
        var node = TokenJson.MAPPER.readTree(created.out());
        String token = node.get("token").asText();

        HttpResponse<String> accepted = getAssistants("Bearer " + token);
        CliRun revoked = CliRun.of("tokens", "revoke", node.get("id").asText(), "--data", data.toString());
        HttpResponse<String> rejected = getAssistants("Bearer " + token);

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"data\"");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.headers().firstValue("WWW-Authenticate")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Bearer realm=\"meetzy\"");
        assertThat(rejected.body()).doesNotContain(token);
    }

    @Test
    void serveListsTokensOverHttp() throws Exception {
        var created = TokenJson.MAPPER.readTree(
                CliRun.of("tokens", "create", "--name", "api test", "--json", "--data", data.toString()).out());
        String token = created.get("token").asText();

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(baseUrl.resolve("/v1/tokens"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(created.get("masked_value").asText()).contains(created.get("id").asText());
        assertThat(listed.body()).doesNotContain(token);
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/health")).timeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void callReadsTokenFromEnvironment() throws Exception {
        String token = CliRun.of("tokens", "create", "--name", "call test", "--data", data.toString()).out().strip();

        ChildCli.Result call = ChildCli.run(
                Map.of("MEETZY_API_TOKEN", token + "\n", "MEETZY_BASE_URL", baseUrl.toString()),
                "call", "GET", "/v1/assistants");

        assertThat(call.exitCode()).as(call.err()).isZero();
        assertThat(call.out()).startsWith("HTTP 200").contains("Meetzy-Request-Id: req_").contains("asst_notes");
        assertThat(call.out() + call.err()).doesNotContain(token);
    }

    @Test
    void callWithBaseUrlOptionReportsRejection() throws Exception {
        String token = CliRun.of("tokens", "create", "--name", "revoked", "--json", "--data", data.toString()).out();
        var node = TokenJson.MAPPER.readTree(token);
        CliRun.of("tokens", "revoke", node.get("id").asText(), "--data", data.toString());

        ChildCli.Result call = ChildCli.run(Map.of("MEETZY_API_TOKEN", node.get("token").asText()),
                "call", "GET", "/v1/assistants", "--base-url", baseUrl.toString());

        assertThat(call.exitCode()).isEqualTo(1);
        assertThat(call.out()).startsWith("HTTP 401").contains("WWW-Authenticate: Bearer realm=\"meetzy\"");
        assertThat(call.out() + call.err()).doesNotContain(node.get("token").asText());
    }

    @Test
    void callWithoutTokenNamesVariable() throws Exception {
        ChildCli.Result call = ChildCli.run(Map.of(), "call", "GET", "/v1/assistants", "--base-url", baseUrl.toString());

        assertThat(call.exitCode()).isEqualTo(1);
        assertThat(call.err()).contains("MEETZY_API_TOKEN");
    }

    @Test
    void callWithMalformedTokenNeverEchoesIt() throws Exception {
        String valid = CliRun.of("tokens", "create", "--name", "typo", "--data", data.toString()).out().strip();
        String typo = valid.substring(0, 61) + (valid.charAt(61) == 'A' ? 'B' : 'A');
        assertThat(ApiToken.parse(typo).isValid()).isFalse();

        ChildCli.Result call = ChildCli.run(Map.of("MEETZY_API_TOKEN", typo),
                "call", "GET", "/v1/assistants", "--base-url", baseUrl.toString());

        assertThat(call.exitCode()).isEqualTo(1);
        assertThat(call.err()).contains("MEETZY_API_TOKEN").contains("checksum");
        assertThat(call.err()).doesNotContain(typo.substring(24, 56));
    }

    private HttpResponse<String> getAssistants(String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/v1/assistants"))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
