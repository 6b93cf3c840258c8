package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TokensApi} against WireMock stubs that return the documented JSON. */
class TokensApiTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String TOKEN_OBJECT = """
            {"id":"tok_8fKq2LmZx9TbR4Wc","name":"Production API",
             "masked_value":"mzy_05Qn7Qk2LmZx9TbR4WcN**************************************",
             "scopes":["tokens:read","assistants:read"],"created_at":"2025-06-15T10:20:30.123456Z",
             "expires_at":"2025-09-13T10:20:30.123456Z","last_used_at":null,"status":"active"%s}""";

    private TokensApi tokens;
    private ApiToken issued;

    @BeforeEach
    void createApi() {
        MeetzyClient client = MeetzyClient.builder().token(TestTokens.newToken().value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort()).retryPolicy(RetryPolicy.none()).build();
        tokens = client.tokens();
        issued = TestTokens.newToken();
    }

    @Test
    void listReadsTokenObjects() {
        String used = TOKEN_OBJECT.formatted("").replace("\"last_used_at\":null", "\"last_used_at\":\"2025-06-16T08:00:00Z\"")
                .replace("\"active\"", "\"revoked\"");
        SERVER.stubFor(get("/v1/tokens").willReturn(okJson("{\"data\":[" + TOKEN_OBJECT.formatted("") + "," + used + "]}")));

        List<ApiTokenInfo> list = tokens.list();

        assertThat(list).hasSize(2);
        ApiTokenInfo first = list.get(0);
        assertThat(first.id()).isEqualTo("tok_8fKq2LmZx9TbR4Wc");
        assertThat(first.name()).isEqualTo("Production API");
        assertThat(first.maskedValue()).startsWith("mzy_05Qn7Qk2LmZx9TbR4WcN*");
        assertThat(first.scopes()).containsExactly("assistants:read", "tokens:read");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-06-15T10:20:30.123456Z"));
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2025-09-13T10:20:30.123456Z"));
        assertThat(first.lastUsedAt()).isEmpty();
        assertThat(first.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(list.get(1).lastUsedAt()).contains(Instant.parse("2025-06-16T08:00:00Z"));
        assertThat(list.get(1).status()).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void createSendsNameAndPreset() {
        SERVER.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(TOKEN_OBJECT.formatted(",\"token\":\"" + issued.value() + "\""))));

        CreatedApiToken created = tokens.create("Production API", Expiration.NINETY_DAYS);

        SERVER.verify(postRequestedFor(urlEqualTo("/v1/tokens"))
                .withRequestBody(equalToJson("{\"name\":\"Production API\",\"expires_in\":\"90d\"}")));
        assertThat(created.token()).isEqualTo(issued);
        assertThat(created.info().id()).isEqualTo("tok_8fKq2LmZx9TbR4Wc");
        assertThat(created.toString()).doesNotContain(issued.value()).contains(issued.maskedValue());
    }

    @Test
    void createWithScopesSendsThemSorted() {
        SERVER.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(TOKEN_OBJECT.formatted(",\"token\":\"" + issued.value() + "\""))));

        tokens.create("Reader", Expiration.THIRTY_DAYS, Set.of("tokens:read", "assistants:read"));

        SERVER.verify(postRequestedFor(urlEqualTo("/v1/tokens")).withRequestBody(equalToJson(
                "{\"name\":\"Reader\",\"expires_in\":\"30d\",\"scopes\":[\"assistants:read\",\"tokens:read\"]}")));
    }

    @Test
    void createWithEmptyScopesIsRejected() {
        assertThatThrownBy(() -> tokens.create("None", Expiration.THIRTY_DAYS, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scopes must not be empty");
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void revokeSendsDelete() {
        SERVER.stubFor(delete("/v1/tokens/tok_8fKq2LmZx9TbR4Wc").willReturn(aResponse().withStatus(204)));

        tokens.revoke("tok_8fKq2LmZx9TbR4Wc");

        SERVER.verify(deleteRequestedFor(urlEqualTo("/v1/tokens/tok_8fKq2LmZx9TbR4Wc")));
    }

    @Test
    void revokeOfUnknownIdIsNotFound() {
        SERVER.stubFor(delete("/v1/tokens/tok_missing").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"not_found_error\",\"message\":\"No token with id 'tok_missing' was found"
                        + " in this account.\",\"request_id\":\"req_1\"}}")));

        assertThatThrownBy(() -> tokens.revoke("tok_missing"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No token with id 'tok_missing'");
    }

    @Test
    void idThatChangesPathIsRejected() {
        assertThatThrownBy(() -> tokens.revoke("../assistants"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid token id of 13 characters");
        assertThatThrownBy(() -> tokens.rotate("tok_1/rotate", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void tokenPassedAsIdIsNeverSent() {
        assertThatThrownBy(() -> tokens.revoke(issued.value()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The value passed as a token id is a Meetzy token, which was not sent")
                .hasMessageNotContaining(issued.value().substring(24));
        assertThatThrownBy(() -> tokens.rotate(issued.value(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void rotateSendsGracePeriod() {
        SERVER.stubFor(post("/v1/tokens/tok_old/rotate").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(TOKEN_OBJECT.formatted(",\"token\":\"" + issued.value() + "\""))));

        CreatedApiToken replacement = tokens.rotate("tok_old", Duration.ofHours(24));
        tokens.rotate("tok_old", Duration.ofMinutes(90));
        tokens.rotate("tok_old");
        tokens.rotate("tok_old", Duration.ofHours(1), Expiration.THIRTY_DAYS);

        List<String> bodies = SERVER.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString()).toList();
        assertThat(bodies).containsExactlyInAnyOrder("{\"grace_period\":\"1d\"}", "{\"grace_period\":\"90m\"}",
                "{\"grace_period\":\"0\"}", "{\"grace_period\":\"1h\",\"expires_in\":\"30d\"}");
        assertThat(replacement.token()).isEqualTo(issued);
    }

    @Test
    void rotateRejectsNegativeGrace() {
        assertThatThrownBy(() -> tokens.rotate("tok_old", Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The grace period must be a non-negative number of whole seconds, got PT-1H.");
    }

    @Test
    void missingScopeIsPermissionError() {
        SERVER.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withHeader("WWW-Authenticate", "Bearer realm=\"meetzy\", error=\"insufficient_scope\", scope=\"tokens:write\"")
                .withBody("{\"error\":{\"type\":\"permission_error\",\"message\":\"The token lacks the scope tokens:write.\","
                        + "\"request_id\":\"req_2\"}}")));

        assertThatThrownBy(() -> tokens.create("x", Expiration.THIRTY_DAYS))
                .isInstanceOf(PermissionException.class)
                .hasMessageContaining("tokens:write");
    }

    @Test
    void malformedResponseNamesFieldAndMasksToken() {
        String broken = TOKEN_OBJECT.formatted(",\"token\":\"" + issued.value() + "\"").replace("\"status\":\"active\"",
                "\"status\":\"paused\"");
        SERVER.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(broken)));

        assertThatThrownBy(() -> tokens.create("x", Expiration.THIRTY_DAYS))
                .isInstanceOf(MeetzyApiException.class)
                .hasMessageStartingWith("The response to POST /v1/tokens is not a valid token API response: 'status' is not"
                        + " one of active, expired, revoked.")
                .hasMessageNotContaining(issued.value())
                .satisfies(e -> assertThat(((MeetzyApiException) e).responseBody()).doesNotContain(issued.value()));
    }

    @Test
    void listWithoutDataIsInvalid() {
        SERVER.stubFor(get("/v1/tokens").willReturn(okJson("{\"tokens\":[]}")));

        assertThatThrownBy(() -> tokens.list())
                .isInstanceOf(MeetzyApiException.class)
                .hasMessageContaining("'data' is not an array");
    }

    @Test
    void expiringWithinWindow() {
        Instant now = Instant.parse("2025-09-10T00:00:00Z");
        ApiTokenInfo info = new ApiTokenInfo("tok_1", "n", "m", Set.of(), now, Instant.parse("2025-09-13T10:20:30Z"),
                Optional.empty(), TokenStatus.ACTIVE);

        assertThat(info.isExpiringWithin(Duration.ofDays(7), now)).isTrue();
        assertThat(info.isExpiringWithin(Duration.ofDays(3), now)).isFalse();
        assertThat(info.isExpiringWithin(Duration.ofDays(7), Instant.parse("2025-09-14T00:00:00Z"))).isFalse();
    }
}
