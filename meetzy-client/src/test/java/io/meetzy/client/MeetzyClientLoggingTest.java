package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/** Reads slf4j-simple's output from System.err; simplelogger.properties enables DEBUG for the client. */
class MeetzyClientLoggingTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final ApiToken token = TestTokens.newToken();

    @Test
    void strippedWhitespaceLogsOneWarning() {
        String log;
        try (StandardErrorCapture capture = new StandardErrorCapture()) {
            MeetzyClient.fromEnv(Map.of(MeetzyClient.TOKEN_ENV, token.value() + "\r\n"));
            log = capture.text();
        }

        assertThat(log.lines().filter(line -> line.contains("WARN"))).containsExactly(
                "[main] WARN io.meetzy.client.MeetzyClient - MEETZY_API_TOKEN has surrounding whitespace, such as"
                        + " a trailing newline from a file; the client removed it. Remove it where the token is set"
                        + " to silence this warning.");
        assertThat(log).doesNotContain(TestTokens.secretOf(token.value()));
    }

    @Test
    void cleanTokenLogsNoWarning() {
        String log;
        try (StandardErrorCapture capture = new StandardErrorCapture()) {
            MeetzyClient.fromEnv(Map.of(MeetzyClient.TOKEN_ENV, token.value()));
            log = capture.text();
        }

        assertThat(log).doesNotContain("WARN");
    }

    @Test
    void requestLogsDebugLineWithoutQuery() {
        SERVER.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson("{\"data\":[]}")
                .withHeader("Meetzy-Request-Id", "req_42")));
        MeetzyClient client = MeetzyClient.builder().token(token.value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort()).build();

        String log;
        try (StandardErrorCapture capture = new StandardErrorCapture()) {
            client.get("/v1/tokens?cursor=secret-cursor");
            log = capture.text();
        }

        assertThat(log).contains("DEBUG io.meetzy.client.MeetzyClient - GET /v1/tokens returned status 200"
                + " (request id req_42)");
        assertThat(log).doesNotContain("secret-cursor");
        assertThat(log).doesNotContain(TestTokens.secretOf(token.value()));
    }
}
