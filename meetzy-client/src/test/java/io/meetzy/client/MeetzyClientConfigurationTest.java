package io.meetzy.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Token and base URL checks at construction. None of these tests sends a request to the default URL. */
class MeetzyClientConfigurationTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final ApiToken token = TestTokens.newToken();

    private static Map<String, String> env(String tokenValue) {
        Map<String, String> environment = new HashMap<>();
        environment.put(MeetzyClient.TOKEN_ENV, tokenValue);
        return environment;
    }

    /** Asserts the failure names MEETZY_API_TOKEN, repeats no part of the secret, and returns the message. */
    private String envFailure(String tokenValue) {
        MeetzyConfigurationException e = catchThrowableOfType(MeetzyConfigurationException.class,
                () -> MeetzyClient.fromEnv(env(tokenValue)));
        assertThat(e).as("fromEnv must reject the token").isNotNull();
        assertThat(e.getMessage()).startsWith("MEETZY_API_TOKEN ");
        assertThat(e.getMessage()).doesNotContain(token.value());
        assertThat(e.getMessage()).doesNotContain(TestTokens.secretOf(token.value()));
        assertThat(e.toString()).doesNotContain(TestTokens.secretOf(token.value()));
        return e.getMessage();
    }

    @Test
    void missingTokenNamesVariableAndFix() {
        assertThatThrownBy(() -> MeetzyClient.fromEnv(Map.of()))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessage("MEETZY_API_TOKEN is not set: export MEETZY_API_TOKEN=<your token> with the full value"
                        + " shown when the token was created.");
    }

    @Test
    void blankTokenRejected() {
        assertThat(envFailure(" \t")).isEqualTo("MEETZY_API_TOKEN is blank: export MEETZY_API_TOKEN=<your token>"
                + " with the full value shown when the token was created.");
    }

    @Test
    void trailingNewlineIsStripped() {
        MeetzyClient client = MeetzyClient.fromEnv(env(token.value() + "\n"));

        assertThat(client.maskedToken()).isEqualTo(token.maskedValue());
    }

    @Test
    void innerSpaceRejected() {
        String withSpace = token.value().substring(0, 30) + " " + token.value().substring(30);

        assertThat(envFailure(withSpace)).isEqualTo("MEETZY_API_TOKEN contains a space at position 30 (counting"
                + " from 0): a Meetzy token is one unbroken string of 62 characters. Remove the whitespace, or"
                + " export MEETZY_API_TOKEN=<your token> with the full value shown when the token was created.");
    }

    @Test
    void innerNewlineRejected() {
        String withNewline = token.value().substring(0, 40) + "\n" + token.value().substring(40);

        assertThat(envFailure(withNewline)).startsWith("MEETZY_API_TOKEN contains a line break at position 40");
    }

    @Test
    void quotedTokenRejected() {
        assertThat(envFailure("\"" + token.value() + "\"")).isEqualTo("MEETZY_API_TOKEN starts with a quote"
                + " character: remove the quotes around the token, or export MEETZY_API_TOKEN=<your token> with"
                + " the full value shown when the token was created.");
    }

    @Test
    void bearerPrefixRejected() {
        String failure = envFailure("Bearer " + token.value());

        assertThat(failure).isEqualTo("MEETZY_API_TOKEN starts with the scheme 'Bearer ': set only the token itself,"
                + " which starts with mzy_; the client adds 'Bearer'. Remove the prefix, or export"
                + " MEETZY_API_TOKEN=<your token> with the full value shown when the token was created.");
        assertThat(failure).doesNotContain(token.value().substring(24));
    }

    @Test
    void badChecksumRejected() {
        char last = token.value().charAt(ApiToken.LENGTH - 1);
        String mistyped = token.value().substring(0, ApiToken.LENGTH - 1) + (last == 'a' ? 'b' : 'a');

        assertThat(envFailure(mistyped)).isEqualTo("MEETZY_API_TOKEN is not a valid Meetzy token: the token failed"
                + " its checksum: it was mistyped or changed. Copy it again from where it was stored.");
    }

    @Test
    void wrongLengthRejected() {
        String truncated = token.value().substring(0, ApiToken.LENGTH - 1);

        assertThat(envFailure(truncated)).isEqualTo("MEETZY_API_TOKEN is not a valid Meetzy token: the token has"
                + " the wrong length (61); a Meetzy token has 62 characters. Copy the complete value, without"
                + " quotes or spaces.");
    }

    @Test
    void wrongPrefixRejected() {
        String otherPrefix = "MZY_" + token.value().substring(4);

        assertThat(envFailure(otherPrefix)).isEqualTo("MEETZY_API_TOKEN is not a valid Meetzy token: the token has"
                + " a wrong prefix (the prefix is case-sensitive); Meetzy tokens start with 'mzy_'.");
    }

    @Test
    void invalidCharacterRejected() {
        String withDash = token.value().substring(0, 50) + "-" + token.value().substring(51);

        assertThat(envFailure(withDash)).contains("character outside the alphabet at position 50");
    }

    @Test
    void badTokenSendsNoRequest() {
        Map<String, String> environment = env(token.value().substring(0, 61));
        environment.put(MeetzyClient.BASE_URL_ENV, "http://127.0.0.1:" + SERVER.getPort());

        assertThatThrownBy(() -> MeetzyClient.fromEnv(environment))
                .isInstanceOf(MeetzyConfigurationException.class);
        assertThat(SERVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void builderTokenMessagesNameBuilder() {
        assertThatThrownBy(() -> MeetzyClient.builder().token(null))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessage("The token given to MeetzyClient.Builder.token(..) is null: pass the full value shown"
                        + " when the token was created, or call MeetzyClient.fromEnv() to read it from"
                        + " MEETZY_API_TOKEN.");
        assertThatThrownBy(() -> MeetzyClient.builder().token(token.value().substring(0, 40)))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessageStartingWith("The token given to MeetzyClient.Builder.token(..) is not a valid Meetzy"
                        + " token: the token has the wrong length (40)")
                .hasMessageNotContaining(token.value().substring(0, 40));
    }

    @Test
    void buildWithoutTokenFails() {
        assertThatThrownBy(() -> MeetzyClient.builder().build())
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessage("No API token was set: call token(..), tokenFromEnv(), tokenFile(..) or tokenProvider(..)"
                        + " on the builder, or use MeetzyClient.fromEnv() to read MEETZY_API_TOKEN.");
    }

    @Test
    void defaultBaseUrlWhenUnset() {
        MeetzyClient client = MeetzyClient.fromEnv(env(token.value()));

        assertThat(client.baseUrl()).isEqualTo(MeetzyClient.DEFAULT_BASE_URL);
    }

    @Test
    void baseUrlFromEnvironment() {
        Map<String, String> environment = env(token.value());
        environment.put(MeetzyClient.BASE_URL_ENV, "HTTP://127.0.0.1:8080/");

        MeetzyClient client = MeetzyClient.fromEnv(environment);

        assertThat(client.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    private String baseUrlFailure(String baseUrl) {
        Map<String, String> environment = env(token.value());
        environment.put(MeetzyClient.BASE_URL_ENV, baseUrl);
        MeetzyConfigurationException e = catchThrowableOfType(MeetzyConfigurationException.class,
                () -> MeetzyClient.fromEnv(environment));
        assertThat(e).as("fromEnv must reject the base URL").isNotNull();
        return e.getMessage();
    }

    @Test
    void baseUrlWithOtherSchemeRejected() {
        assertThat(baseUrlFailure("ftp://files.example.com")).isEqualTo("MEETZY_BASE_URL 'ftp://files.example.com'"
                + " must start with http:// or https://, such as https://api.meetzy.ai or http://127.0.0.1:8080.");
    }

    @Test
    void baseUrlWithoutSchemeRejected() {
        assertThat(baseUrlFailure("localhost:8080")).startsWith("MEETZY_BASE_URL 'localhost:8080' must start with"
                + " http:// or https://");
    }

    @Test
    void baseUrlWithoutHostRejected() {
        assertThat(baseUrlFailure("http:///v1")).startsWith("MEETZY_BASE_URL 'http:///v1' has no valid host name");
    }

    @Test
    void emptyBaseUrlRejected() {
        assertThat(baseUrlFailure("")).isEqualTo("MEETZY_BASE_URL is empty: set it to the API address, such as"
                + " https://api.meetzy.ai or http://127.0.0.1:8080, or leave it unset to use https://api.meetzy.ai.");
    }

    @Test
    void unparsableBaseUrlRejected() {
        assertThat(baseUrlFailure("http://exa mple.com")).startsWith("MEETZY_BASE_URL 'http://exa mple.com' is"
                + " not a valid URL (");
    }

    @Test
    void baseUrlWithPasswordNotEchoed() {
        String message = baseUrlFailure("https://admin:hunter2@api.example.com");

        assertThat(message).startsWith("MEETZY_BASE_URL contains user information");
        assertThat(message).doesNotContain("hunter2");
    }

    @Test
    void baseUrlWithQueryRejected() {
        assertThat(baseUrlFailure("https://api.example.com?region=eu")).contains("must not have a query or fragment");
    }

    @Test
    void builderBaseUrlNamesSetting() {
        assertThatThrownBy(() -> MeetzyClient.builder().baseUrl(URI.create("mailto:ops@example.com")))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessageStartingWith("The base URL 'mailto:ops@example.com' must start with http:// or https://");
    }

    @Test
    void redirectingHttpClientRejected() {
        HttpClient redirecting = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThatThrownBy(() -> MeetzyClient.builder().httpClient(redirecting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("follows redirects (policy NORMAL)")
                .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
    }

    @Test
    void connectTimeoutWithHttpClientRejected() {
        MeetzyClient.Builder builder = MeetzyClient.builder().token(token.value())
                .httpClient(HttpClient.newHttpClient())
                .connectTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set the connect timeout on your HttpClient instead");
    }

    @Test
    void nonPositiveTimeoutsRejected() {
        assertThatThrownBy(() -> MeetzyClient.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestTimeout must be positive, got PT0S.");
        assertThatThrownBy(() -> MeetzyClient.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be positive, got PT-1S.");
    }

    @Test
    void toStringShowsOnlyMaskedToken() {
        MeetzyClient client = MeetzyClient.builder().token(token.value()).baseUrl("http://127.0.0.1:8080").build();

        assertThat(client.toString()).isEqualTo("MeetzyClient[baseUrl=http://127.0.0.1:8080, token="
                + token.maskedValue() + "]");
        assertThat(client.maskedToken()).isEqualTo(token.maskedValue());
        assertThat(client.toString()).doesNotContain(TestTokens.secretOf(token.value()));
    }
}
