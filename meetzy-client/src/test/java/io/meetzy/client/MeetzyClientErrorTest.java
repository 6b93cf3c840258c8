package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

class MeetzyClientErrorTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private ApiToken token;
    private MeetzyClient client;

    @BeforeEach
    void createClient() {
        token = TestTokens.newToken();
        Map<String, String> environment = Map.of(
                MeetzyClient.TOKEN_ENV, token.value(),
                MeetzyClient.BASE_URL_ENV, "http://127.0.0.1:" + SERVER.getPort());
        // Retries are covered by MeetzyClientRetryTest; here each status maps on the first attempt.
        client = MeetzyClient.builder().tokenFromEnv(environment).baseUrlFromEnv(environment)
                .retryPolicy(RetryPolicy.none()).build();
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message, String requestId) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                        + "\",\"request_id\":\"" + requestId + "\"}}");
    }

    private MeetzyApiException getFailure(String path) {
        return catchThrowableOfType(MeetzyApiException.class, () -> client.get(path));
    }

    private void assertNoSecret(Throwable e) {
        assertThat(e.getMessage()).doesNotContain(token.value());
        assertThat(e.getMessage()).doesNotContain(TestTokens.secretOf(token.value()));
        assertThat(e.toString()).doesNotContain(TestTokens.secretOf(token.value()));
    }

    @Test
    void status400IsApiException() {
        SERVER.stubFor(post("/v1/tokens").willReturn(error(400, "invalid_request_error",
                "expires_in must be one of 30d, 90d, 6m, 1y, never.", "req_400")));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class,
                () -> client.post("/v1/tokens", Map.of("name", "CI", "expires_in", "2d")));

        assertThat(e).isExactlyInstanceOf(MeetzyApiException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.errorType()).isEqualTo("invalid_request_error");
        assertThat(e.requestId()).contains("req_400");
        assertThat(e.responseBody()).contains("\"request_id\":\"req_400\"");
        assertThat(e).hasMessage("POST /v1/tokens failed with status 400 (invalid_request_error):"
                + " expires_in must be one of 30d, 90d, 6m, 1y, never. Request id: req_400.");
        assertNoSecret(e);
    }

    @Test
    void status401IsAuthenticationException() {
        SERVER.stubFor(get("/v1/assistants").willReturn(error(401, "authentication_error",
                "The token has been revoked", "req_401")
                .withHeader("WWW-Authenticate", "Bearer realm=\"meetzy\", error=\"invalid_token\"")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.errorType()).isEqualTo("authentication_error");
        assertThat(e.requestId()).contains("req_401");
        assertThat(e.headers().get("www-authenticate")).hasSize(1);
        assertThat(e).hasMessage("GET /v1/assistants failed with status 401 (authentication_error):"
                + " The token has been revoked. Request id: req_401. Check that MEETZY_API_TOKEN is the"
                + " complete token (it starts with " + token.displayPrefix() + ") and that the token has not"
                + " expired or been revoked; create a new token if it has.");
        assertNoSecret(e);
    }

    @Test
    void status401FromBuilderNamesBuilderToken() {
        MeetzyClient built = MeetzyClient.builder().token(token.value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort()).build();
        SERVER.stubFor(get("/v1/assistants").willReturn(error(401, "authentication_error",
                "The token has expired.", "req_401")));

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> built.get("/v1/assistants"));

        assertThat(e).hasMessageContaining(
                "Check that the token given to MeetzyClient.Builder.token(..) is the complete token");
    }

    @Test
    void status403IsPermissionException() {
        SERVER.stubFor(get("/v1/tokens").willReturn(error(403, "permission_error",
                "This token lacks the tokens:read scope.", "req_403")));

        MeetzyApiException e = getFailure("/v1/tokens");

        assertThat(e).isExactlyInstanceOf(PermissionException.class);
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.errorType()).isEqualTo("permission_error");
        assertThat(e.requestId()).contains("req_403");
        assertThat(e).hasMessageContaining("lacks the tokens:read scope. Request id: req_403.")
                .hasMessageEndingWith("Scopes are chosen when a token is created, and rotation keeps them.");
    }

    @Test
    void status404IsNotFoundException() {
        SERVER.stubFor(get("/v1/tokens/tok_9").willReturn(error(404, "not_found_error",
                "No token tok_9 in this account.", "req_404")));

        MeetzyApiException e = getFailure("/v1/tokens/tok_9");

        assertThat(e).isExactlyInstanceOf(NotFoundException.class);
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.errorType()).isEqualTo("not_found_error");
        assertThat(e.requestId()).contains("req_404");
        assertThat(e).hasMessage("GET /v1/tokens/tok_9 failed with status 404 (not_found_error):"
                + " No token tok_9 in this account. Request id: req_404.");
    }

    @Test
    void status429IsRateLimitException() {
        SERVER.stubFor(get("/v1/assistants").willReturn(error(429, "rate_limit_error",
                "Rate limit of 100 requests per 60 seconds exceeded.", "req_429")
                .withHeader("Retry-After", "17")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e).isExactlyInstanceOf(RateLimitException.class);
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.errorType()).isEqualTo("rate_limit_error");
        assertThat(e.requestId()).contains("req_429");
        assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(e).hasMessageEndingWith("Request id: req_429. Wait 17 seconds before the next request.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", "3, 4", "Wed, 21 Oct 2015 07:28:00 GMT", "",
            "99999999999999999999999", "Sunday, 06-Nov-94 08:49:37 GMT"})
    void retryAfterGarbageIsIgnored(String retryAfter) {
        SERVER.stubFor(get("/v1/assistants").willReturn(error(429, "rate_limit_error", "Slow down.", "req_429")
                .withHeader("Retry-After", retryAfter)));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.get("/v1/assistants"));

        assertThat(e.retryAfter()).isEmpty();
        assertThat(e).hasMessageEndingWith("Send fewer requests, and wait before the next one.");
    }

    @Test
    void retryAfterZeroIsKept() {
        SERVER.stubFor(get("/v1/assistants").willReturn(error(429, "rate_limit_error", "Slow down.", "req_429")
                .withHeader("Retry-After", " 0 ")));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.get("/v1/assistants"));

        assertThat(e.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void status500IsApiException() {
        SERVER.stubFor(get("/v1/assistants").willReturn(error(500, "api_error",
                "Something went wrong on our side.", "req_500")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e).isExactlyInstanceOf(MeetzyApiException.class);
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.errorType()).isEqualTo("api_error");
        assertThat(e.requestId()).contains("req_500");
        assertThat(e).hasMessage("GET /v1/assistants failed with status 500 (api_error):"
                + " Something went wrong on our side. Request id: req_500. The server failed to handle the"
                + " request: try again later, and quote the request id to Meetzy support if it keeps failing.");
    }

    @Test
    void htmlErrorBodyGivesCleanException() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withHeader("Meetzy-Request-Id", "req_gw")
                .withBody("<html><body>Bad Gateway</body></html>")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e).isExactlyInstanceOf(MeetzyApiException.class);
        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.errorType()).isEqualTo(MeetzyApiException.UNKNOWN_ERROR_TYPE);
        assertThat(e.requestId()).contains("req_gw");
        assertThat(e.responseBody()).isEqualTo("<html><body>Bad Gateway</body></html>");
        assertThat(e).hasMessageStartingWith("GET /v1/assistants failed with status 502 (unknown): the response"
                + " body is not a Meetzy error (Content-Type: text/html, 37 bytes). Request id: req_gw.");
    }

    @Test
    void emptyErrorBodyGivesCleanException() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(401)));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(e.errorType()).isEqualTo(MeetzyApiException.UNKNOWN_ERROR_TYPE);
        assertThat(e.requestId()).isEmpty();
        assertThat(e.responseBody()).isEmpty();
        assertThat(e).hasMessageStartingWith("GET /v1/assistants failed with status 401 (unknown):"
                + " the response has no body. Check that MEETZY_API_TOKEN");
    }

    @Test
    void jsonOfOtherShapeGivesCleanException() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"bad\",\"detail\":[1,2]}")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e.errorType()).isEqualTo(MeetzyApiException.UNKNOWN_ERROR_TYPE);
        assertThat(e).hasMessageContaining("the response body is not a Meetzy error");
    }

    @Test
    void requestIdFromHeaderWhenBodyHasNone() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("Meetzy-Request-Id", "req_hdr")
                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Bad input.\"}}")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e.requestId()).contains("req_hdr");
        assertThat(e).hasMessageEndingWith("Bad input. Request id: req_hdr.");
    }

    @Test
    void errorMessageMasksEchoedToken() {
        SERVER.stubFor(get("/v1/assistants").willReturn(error(401, "authentication_error",
                "Token " + token.value() + " is unknown.", "req_echo")));

        MeetzyApiException e = getFailure("/v1/assistants");

        assertThat(e).hasMessageContaining("Token " + token.maskedValue() + " is unknown.");
        assertNoSecret(e);
    }

    @Test
    void messageLeavesOutQuery() {
        SERVER.stubFor(get("/v1/tokens?cursor=abc123").willReturn(error(404, "not_found_error",
                "No such page.", "req_q")));

        MeetzyApiException e = getFailure("/v1/tokens?cursor=abc123");

        assertThat(e).hasMessageStartingWith("GET /v1/tokens failed with status 404");
        assertThat(e).hasMessageNotContaining("abc123");
    }
}
