package io.meetzy.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetzy.client.MeetzyConfigurationException;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

class RequestFactoryTest {

    private static final URI BASE_URL = URI.create("http://127.0.0.1:8080");

    /** A raw value that would pass no token check, to reach the header guard directly. */
    private static final String TOKEN_WITH_NEWLINE = "mzy_0AbC1234567890abcdef\nSECRETsecretSECRETsecret12345678abcdef";

    @Test
    void headerGuardHidesTokenFromJdkMessage() {
        assertThatThrownBy(() -> new RequestFactory(BASE_URL, TOKEN_WITH_NEWLINE, Duration.ofSeconds(5)))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessage("The API token contains a character that is not allowed in an HTTP header, such as a"
                        + " line break: set the token to the exact value shown when it was created.")
                .hasNoCause()
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void jdkRejectsNewlineInHeader() {
        // The guard above exists because the JDK repeats the rejected value in its message.
        assertThatThrownBy(() -> HttpRequest.newBuilder(BASE_URL).header("Authorization", "Bearer a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void protocolRelativePathKeepsHost() {
        RequestFactory factory = new RequestFactory(BASE_URL, "mzy_valid", Duration.ofSeconds(5));

        URI uri = factory.resolve("//other.example/v1/assistants");

        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(8080);
        assertThat(uri.getRawPath()).isEqualTo("//other.example/v1/assistants");
    }

    @Test
    void absoluteUrlAsPathRejected() {
        RequestFactory factory = new RequestFactory(BASE_URL, "mzy_valid", Duration.ofSeconds(5));

        assertThatThrownBy(() -> factory.resolve("https://other.example/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The request path 'https://other.example/v1' must start with '/'");
    }

    @Test
    void bodySetsContentType() {
        RequestFactory factory = new RequestFactory(BASE_URL, "mzy_valid", Duration.ofSeconds(5));

        HttpRequest withBody = factory.create("POST", "/v1/tokens", Optional.of(new byte[] {'{', '}'}));
        HttpRequest withoutBody = factory.create("GET", "/v1/tokens", Optional.empty());

        assertThat(withBody.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(withoutBody.headers().firstValue("Content-Type")).isEmpty();
        assertThat(withBody.timeout()).contains(Duration.ofSeconds(5));
    }
}
