package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

class MeetzyClientConnectionTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final ApiToken token = TestTokens.newToken();

    /** Returns a loopback port that was free a moment ago and has no listener now. */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void refusedConnectionIsConnectionException() throws IOException {
        int port = closedLoopbackPort();
        MeetzyClient client = MeetzyClient.builder().token(token.value()).baseUrl("http://127.0.0.1:" + port)
                .retryPolicy(RetryPolicy.none()).build();

        MeetzyConnectionException e = catchThrowableOfType(MeetzyConnectionException.class,
                () -> client.get("/v1/assistants?page=2"));

        assertThat(e).hasMessageStartingWith("GET /v1/assistants failed to reach http://127.0.0.1:" + port + " (");
        assertThat(e).hasMessageEndingWith("Check the base URL and the network; the request was not sent.");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e).hasMessageNotContaining("page=2");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(e.getMessage()).doesNotContain(TestTokens.secretOf(token.value()));
    }

    @Test
    void slowResponseTimesOut() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}").withFixedDelay(2_000)));
        MeetzyClient client = MeetzyClient.builder().token(token.value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort())
                .requestTimeout(Duration.ofMillis(100))
                .retryPolicy(RetryPolicy.none())
                .build();

        MeetzyConnectionException e = catchThrowableOfType(MeetzyConnectionException.class,
                () -> client.get("/v1/assistants"));

        assertThat(e).hasMessage("GET /v1/assistants timed out waiting for the response from"
                + " http://127.0.0.1:" + SERVER.getPort() + ". Check the base URL and the network; the server may have"
                + " received the request.");
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void interruptedCallerKeepsInterruptFlag() {
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}").withFixedDelay(2_000)));
        MeetzyClient client = MeetzyClient.builder().token(token.value())
                .baseUrl("http://127.0.0.1:" + SERVER.getPort()).build();

        Thread.currentThread().interrupt();
        MeetzyConnectionException e;
        try {
            e = catchThrowableOfType(MeetzyConnectionException.class, () -> client.get("/v1/assistants"));
        } finally {
            assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
        }

        assertThat(e).hasMessageContaining("was interrupted before the response arrived");
        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
    }
}
