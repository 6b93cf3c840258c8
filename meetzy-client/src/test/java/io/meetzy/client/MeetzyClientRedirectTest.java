package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Redirects across two loopback servers; the first also listens on https with WireMock's own certificate. */
class MeetzyClientRedirectTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort())
            .build();

    @RegisterExtension
    static final WireMockExtension OTHER_ORIGIN = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private ApiToken token;
    private MeetzyClient client;

    @BeforeEach
    void createClient() {
        token = TestTokens.newToken();
        client = MeetzyClient.builder().token(token.value()).baseUrl(httpUrl(SERVER))
                .retryPolicy(RetryPolicy.none()).build();
    }

    private static String httpUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    private String bearer() {
        return "Bearer " + token.value();
    }

    @Test
    void sameOriginRedirectKeepsToken() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/v2/assistants")));
        SERVER.stubFor(get("/v2/assistants").willReturn(okJson("{\"data\":[]}")));

        MeetzyResponse response = client.get("/v1/assistants");

        assertThat(response.statusCode()).isEqualTo(200);
        SERVER.verify(getRequestedFor(urlEqualTo("/v2/assistants")).withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void otherOriginRedirectDropsToken() {
        OTHER_ORIGIN.stubFor(get("/files/1").willReturn(okJson("{\"url\":\"signed\"}")));
        SERVER.stubFor(get("/v1/files/1").willReturn(aResponse().withStatus(302)
                .withHeader("Location", httpUrl(OTHER_ORIGIN) + "/files/1")));

        MeetzyResponse response = client.get("/v1/files/1");

        assertThat(response.body().path("url").asText()).isEqualTo("signed");
        OTHER_ORIGIN.verify(1, getRequestedFor(urlEqualTo("/files/1")).withoutHeader("Authorization"));
        SERVER.verify(getRequestedFor(urlEqualTo("/v1/files/1")).withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void sameHostOtherPortIsOtherOrigin() {
        // Both servers listen on 127.0.0.1: only the port differs, and that alone must drop the token.
        OTHER_ORIGIN.stubFor(get("/x").willReturn(okJson("{}")));
        SERVER.stubFor(get("/v1/x").willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://127.0.0.1:" + OTHER_ORIGIN.getPort() + "/x")));

        client.get("/v1/x");

        OTHER_ORIGIN.verify(getRequestedFor(urlEqualTo("/x")).withoutHeader("Authorization"));
    }

    @Test
    void redirectBackToBaseOriginSendsTokenAgain() {
        OTHER_ORIGIN.stubFor(get("/bounce").willReturn(aResponse().withStatus(302)
                .withHeader("Location", httpUrl(SERVER) + "/v1/final")));
        SERVER.stubFor(get("/v1/start").willReturn(aResponse().withStatus(302)
                .withHeader("Location", httpUrl(OTHER_ORIGIN) + "/bounce")));
        SERVER.stubFor(get("/v1/final").willReturn(okJson("{}")));

        client.get("/v1/start");

        OTHER_ORIGIN.verify(getRequestedFor(urlEqualTo("/bounce")).withoutHeader("Authorization"));
        SERVER.verify(getRequestedFor(urlEqualTo("/v1/final")).withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void httpsToHttpIsRefused() throws GeneralSecurityException {
        OTHER_ORIGIN.stubFor(get("/v1/assistants").willReturn(okJson("{}")));
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(302)
                .withHeader("Location", httpUrl(OTHER_ORIGIN) + "/v1/assistants?session=abc")));
        MeetzyClient httpsClient = MeetzyClient.builder().token(token.value())
                .baseUrl("https://127.0.0.1:" + SERVER.getHttpsPort())
                .httpClient(HttpClient.newBuilder().sslContext(trustingSslContext()).build())
                .retryPolicy(RetryPolicy.none())
                .build();

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class,
                () -> httpsClient.get("/v1/assistants"));

        assertThat(e.statusCode()).isEqualTo(302);
        assertThat(e).hasMessageContaining("The server redirected from https to " + httpUrl(OTHER_ORIGIN)
                + "/v1/assistants. The client does not follow a redirect from https to http")
                .hasMessageNotContaining("session=abc");
        assertThat(OTHER_ORIGIN.getAllServeEvents()).isEmpty();
    }

    @Test
    void redirectLoopStops() {
        SERVER.stubFor(get("/v1/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/v1/loop")));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/loop"));

        assertThat(e.statusCode()).isEqualTo(302);
        assertThat(e).hasMessageContaining("The server redirected more than 5 times");
        SERVER.verify(6, getRequestedFor(urlEqualTo("/v1/loop")));
    }

    @Test
    void seeOtherAfterPostBecomesGet() {
        SERVER.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(303).withHeader("Location", "/v1/tokens/tok_1")));
        SERVER.stubFor(get("/v1/tokens/tok_1").willReturn(okJson("{\"id\":\"tok_1\"}")));

        MeetzyResponse response = client.post("/v1/tokens", Map.of("name", "CI"));

        assertThat(response.body().path("id").asText()).isEqualTo("tok_1");
        SERVER.verify(getRequestedFor(urlEqualTo("/v1/tokens/tok_1")).withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void redirectWithoutLocationIsError() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(302)));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/assistants"));

        assertThat(e).hasMessageContaining("The server redirected without a Location header, which the client could"
                + " not follow");
    }

    @Test
    void redirectToOtherSchemeIsRefused() {
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "ftp://127.0.0.1/file")));

        MeetzyApiException e = catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/assistants"));

        assertThat(e).hasMessageContaining("The server redirected to a ftp URL, which the client does not follow");
    }

    /**
     * Trusts WireMock's self-signed certificate. An {@link X509ExtendedTrustManager} that accepts
     * everything also skips the host name check, which only works for this loopback test server.
     */
    private static SSLContext trustingSslContext() throws GeneralSecurityException {
        X509ExtendedTrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
