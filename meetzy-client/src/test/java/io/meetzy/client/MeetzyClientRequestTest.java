package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class MeetzyClientRequestTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private ApiToken token;
    private MeetzyClient client;

    @BeforeEach
    void createClient() {
        token = TestTokens.newToken();
        client = MeetzyClient.builder().token(token.value()).baseUrl(baseUrl(SERVER)).build();
    }

    private static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void getSendsBearerTokenExactly() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{\"data\":[]}")));

        client.get("/v1/assistants");

        SERVER.verify(getRequestedFor(urlEqualTo("/v1/assistants"))
                .withHeader("Authorization", equalTo("Bearer " + token.value()))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", absent()));
        LoggedRequest request = SERVER.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeaders().getHeader("Authorization").values()).hasSize(1);
    }

    @Test
    void getSendsUserAgentWithVersion() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")));

        client.get("/v1/assistants");

        SERVER.verify(getRequestedFor(urlEqualTo("/v1/assistants"))
                .withHeader("User-Agent", equalTo("meetzy-java/0.1.0-SNAPSHOT (Java "
                        + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")")));
    }

    @Test
    void getDecodesJsonBody() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson(
                "{\"data\":[{\"id\":\"asst_1\",\"name\":\"Notes\"},{\"id\":\"asst_2\",\"name\":\"Summaries\"}]}")));

        MeetzyResponse response = client.get("/v1/assistants");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().path("data")).hasSize(2);
        assertThat(response.body().path("data").get(1).path("name").asText()).isEqualTo("Summaries");
    }

    @Test
    void getKeepsQueryString() {
        SERVER.stubFor(get("/v1/tokens?limit=10&status=active").willReturn(okJson("{\"data\":[]}")));

        MeetzyResponse response = client.get("/v1/tokens?limit=10&status=active");

        assertThat(response.statusCode()).isEqualTo(200);
        SERVER.verify(getRequestedFor(urlEqualTo("/v1/tokens?limit=10&status=active")));
    }

    @Test
    void postSendsMapAsJson() {
        SERVER.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"tok_1\",\"name\":\"CI\"}")));

        MeetzyResponse response = client.post("/v1/tokens", Map.of("name", "CI", "expires_in", "90d"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body().path("id").asText()).isEqualTo("tok_1");
        SERVER.verify(postRequestedFor(urlEqualTo("/v1/tokens"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + token.value()))
                .withRequestBody(equalToJson("{\"name\":\"CI\",\"expires_in\":\"90d\"}")));
    }

    record RotateRequest(String gracePeriod) {
    }

    @Test
    void postWritesRecordInSnakeCase() {
        SERVER.stubFor(post("/v1/tokens/tok_1/rotate").willReturn(okJson("{}").withStatus(201)));

        client.post("/v1/tokens/tok_1/rotate", new RotateRequest("24h"));

        SERVER.verify(postRequestedFor(urlEqualTo("/v1/tokens/tok_1/rotate"))
                .withRequestBody(equalToJson("{\"grace_period\":\"24h\"}")));
    }

    @Test
    void postSendsJsonNodeAsIs() {
        SERVER.stubFor(post("/v1/tokens").willReturn(okJson("{}")));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", "Nightly job");
        body.putArray("scopes").add("tokens:read");

        client.post("/v1/tokens", body);

        SERVER.verify(postRequestedFor(urlEqualTo("/v1/tokens"))
                .withRequestBody(equalToJson("{\"name\":\"Nightly job\",\"scopes\":[\"tokens:read\"]}")));
    }

    @Test
    void postRejectsUnserializableBody() {
        assertThatThrownBy(() -> client.post("/v1/tokens", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object cannot be written as JSON");
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void deleteWith204HasMissingBody() {
        SERVER.stubFor(delete("/v1/tokens/tok_1").willReturn(aResponse().withStatus(204)));

        MeetzyResponse response = client.delete("/v1/tokens/tok_1");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isNotNull();
        assertThat(response.body().isMissingNode()).isTrue();
        SERVER.verify(deleteRequestedFor(urlEqualTo("/v1/tokens/tok_1"))
                .withHeader("Authorization", equalTo("Bearer " + token.value())));
    }

    @Test
    void responseHeadersIgnoreCase() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")
                .withHeader("Meetzy-Request-Id", "req_123")
                .withHeader("RateLimit-Remaining", "41")));

        MeetzyResponse response = client.get("/v1/assistants");

        assertThat(response.requestId()).contains("req_123");
        assertThat(response.header("ratelimit-remaining")).contains("41");
        assertThat(response.headers().get("RATELIMIT-REMAINING")).containsExactly("41");
        assertThat(response.header("X-Absent")).isEmpty();
    }

    @Test
    void basePathPrefixIsKept() {
        SERVER.stubFor(get("/api/v1/assistants").willReturn(okJson("{}")));
        MeetzyClient prefixed = MeetzyClient.builder().token(token.value())
                .baseUrl(baseUrl(SERVER) + "/api/").build();

        prefixed.get("/v1/assistants");

        assertThat(prefixed.baseUrl().toString()).isEqualTo(baseUrl(SERVER) + "/api");
        SERVER.verify(getRequestedFor(urlEqualTo("/api/v1/assistants")));
    }

    @Test
    void pathWithoutLeadingSlashRejected() {
        assertThatThrownBy(() -> client.get("v1/assistants"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The request path 'v1/assistants' must start with '/', for example /v1/assistants.");
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void pathWithSpaceRejected() {
        assertThatThrownBy(() -> client.get("/v1/my tokens"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The request path '/v1/my tokens' is not a valid URI path")
                .hasMessageContaining("percent-encode");
    }

    @Test
    void successWithHtmlBodyFails() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>Sign in</html>")));

        assertThatThrownBy(() -> client.get("/v1/assistants"))
                .isExactlyInstanceOf(MeetzyApiException.class)
                .hasMessage("GET /v1/assistants returned status 200 with a body that is not JSON"
                        + " (Content-Type: text/html): check that the base URL " + baseUrl(SERVER)
                        + " is the Meetzy API.")
                .satisfies(thrown -> assertThat(((MeetzyApiException) thrown).responseBody())
                        .isEqualTo("<html>Sign in</html>"));
    }

    @Test
    void successWithTrailingDataFails() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{\"data\":[]}{\"data\":[]}")));

        assertThatThrownBy(() -> client.get("/v1/assistants"))
                .isExactlyInstanceOf(MeetzyApiException.class)
                .hasMessageContaining("returned status 200 with a body that is not JSON");
    }

    @Test
    void successWithInvalidUtf8InStringFails() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));

        assertThatThrownBy(() -> client.get("/v1/assistants"))
                .isExactlyInstanceOf(MeetzyApiException.class)
                .hasMessageContaining("returned status 200 with a body that is not JSON");
    }

    @Test
    void concurrentBodyReadsParseOnce() throws Exception {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{\"data\":[{\"id\":\"asst_1\"}]}")
                .withHeader("RateLimit", "\"default\";r=41;t=3")));
        MeetzyResponse response = client.get("/v1/assistants");
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> bodies = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                bodies.add(executor.submit(response::body));
            }
            for (Future<JsonNode> body : bodies) {
                assertThat(body.get(10, TimeUnit.SECONDS).path("data").get(0).path("id").asText()).isEqualTo("asst_1");
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(response.rateLimit().remaining()).hasValue(41);
        assertThat(response.body()).isNotSameAs(response.body());
        assertThat(response).isEqualTo(client.get("/v1/assistants"));
        assertThat(response.hashCode()).isEqualTo(client.get("/v1/assistants").hashCode());
    }

    @Test
    void concurrentRequestsEachCarryToken() throws Exception {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{\"data\":[]}")));
        int threads = 8;
        int requestsPerThread = 25;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < requestsPerThread; i++) {
                        ok += client.get("/v1/assistants").statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int succeeded = 0;
            for (Future<Integer> result : results) {
                succeeded += result.get(30, TimeUnit.SECONDS);
            }

            assertThat(succeeded).isEqualTo(threads * requestsPerThread);
            SERVER.verify(threads * requestsPerThread, getRequestedFor(urlEqualTo("/v1/assistants"))
                    .withHeader("Authorization", equalTo("Bearer " + token.value())));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void bodyIsIndependentCopy() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{\"data\":[]}")));
        MeetzyResponse response = client.get("/v1/assistants");

        JsonNode body = response.body();
        ((ObjectNode) body).put("injected", true);

        assertThat(response.body().has("injected")).isFalse();
        SERVER.verify(getRequestedFor(urlEqualTo("/v1/assistants")).withHeader("Authorization",
                matching("Bearer mzy_[0-9A-Za-z]{58}")));
    }
}
