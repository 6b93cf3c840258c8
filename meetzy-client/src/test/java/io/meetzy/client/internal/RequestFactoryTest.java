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

    private final RequestFactory factory = new RequestFactory(BASE_URL);

    @Test
    void headerGuardHidesTokenFromJdkMessage() {
        assertThatThrownBy(() -> RequestFactory.checkHeaderValue(BASE_URL, TOKEN_WITH_NEWLINE))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessage("The API token contains a character that is not allowed in an HTTP header, such as a"
                        + " line break: set the token to the exact value shown when it was created.")
                .hasNoCause()
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void headerGuardAppliesToEveryRequest() {
        assertThatThrownBy(() -> factory.create("GET", BASE_URL, Optional.empty(), Optional.of(TOKEN_WITH_NEWLINE),
                Optional.empty(), Duration.ofSeconds(5)))
                .isInstanceOf(MeetzyConfigurationException.class)
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
        URI uri = factory.resolve("//other.example/v1/assistants");

        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(8080);
        assertThat(uri.getRawPath()).isEqualTo("//other.example/v1/assistants");
    }

    @Test
    void absoluteUrlAsPathRejected() {
        assertThatThrownBy(() -> factory.resolve("https://other.example/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The request path 'https://other.example/v1' must start with '/'");
    }

    @Test
    void bodySetsContentType() {
        URI uri = factory.resolve("/v1/tokens");

        HttpRequest withBody = factory.create("POST", uri, Optional.of(new byte[] {'{', '}'}), Optional.of("t"),
                Optional.empty(), Duration.ofSeconds(5));
        HttpRequest withoutBody = factory.create("GET", uri, Optional.empty(), Optional.of("t"), Optional.empty(),
                Duration.ofSeconds(5));

        assertThat(withBody.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(withoutBody.headers().firstValue("Content-Type")).isEmpty();
        assertThat(withBody.timeout()).contains(Duration.ofSeconds(5));
    }

    @Test
    void authorizationAndKeyOnlyWhenGiven() {
        URI uri = factory.resolve("/v1/tokens");

        HttpRequest anonymous = factory.create("POST", uri, Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5));
        HttpRequest keyed = factory.create("POST", uri, Optional.empty(), Optional.of("abc"), Optional.of("key-1"),
                Duration.ofSeconds(5));

        assertThat(anonymous.headers().firstValue("Authorization")).isEmpty();
        assertThat(anonymous.headers().firstValue("Idempotency-Key")).isEmpty();
        assertThat(keyed.headers().firstValue("Authorization")).contains("Bearer abc");
        assertThat(keyed.headers().firstValue("Idempotency-Key")).contains("key-1");
    }

    @Test
    void repeatedPathReusesUri() {
        URI first = factory.resolve("/v1/tokens");

        assertThat(factory.resolve("/v1/tokens")).isSameAs(first);
    }

    @Test
    void pathWithQueryNotKept() {
        URI first = factory.resolve("/v1/tokens?page=2");

        assertThat(factory.resolve("/v1/tokens?page=2")).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void keptPathsBounded() {
        for (int i = 0; i < 1_000; i++) {
            factory.resolve("/v1/items/" + i);
        }
        URI late = factory.resolve("/v1/items/late");

        assertThat(factory.resolve("/v1/items/late")).isEqualTo(late).isNotSameAs(late);
        assertThat(factory.resolve("/v1/items/0")).isSameAs(factory.resolve("/v1/items/0"));
    }

    @Test
    void invalidPathRejectedEveryTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> factory.resolve("v1/assistants"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The request path 'v1/assistants' must start with '/'");
        }
    }
}
