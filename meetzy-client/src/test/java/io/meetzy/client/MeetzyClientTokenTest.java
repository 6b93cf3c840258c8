package io.meetzy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Token sources, rotation, the re-read after 401, and expiry warnings. */
class MeetzyClientTokenTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path directory;

    private FakeTime time;
    private ApiToken first;
    private ApiToken second;

    @BeforeEach
    void setUp() {
        time = new FakeTime(NOW);
        first = TestTokens.expiringAt(NOW, NOW.plus(Duration.ofDays(90)));
        second = TestTokens.expiringAt(NOW, NOW.plus(Duration.ofDays(90)));
        SERVER.stubFor(get("/v1/assistants").willReturn(aResponse().withStatus(401)));
        SERVER.stubFor(get("/v1/assistants").withHeader("Authorization", equalTo("Bearer " + first.value()))
                .willReturn(okJson("{\"who\":\"first\"}")));
        SERVER.stubFor(get("/v1/assistants").withHeader("Authorization", equalTo("Bearer " + second.value()))
                .willReturn(okJson("{\"who\":\"second\"}")));
    }

    private MeetzyClient.Builder builder() {
        return MeetzyClient.builder()
                .baseUrl("http://127.0.0.1:" + SERVER.getPort())
                .clock(time)
                .sleeper(time)
                .retryPolicy(RetryPolicy.none());
    }

    private static String who(MeetzyResponse response) {
        return response.body().path("who").asText();
    }

    @Test
    void rotatedFileIsPickedUp() throws IOException {
        Path file = directory.resolve("token");
        Files.writeString(file, first.value() + "\n");
        MeetzyClient client = builder().tokenFile(file).build();
        assertThat(who(client.get("/v1/assistants"))).isEqualTo("first");

        Files.writeString(file, second.value() + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(who(client.get("/v1/assistants"))).isEqualTo("second");
        assertThat(client.maskedToken()).isEqualTo(second.maskedValue());
    }

    @Test
    void unauthorizedAfterUnnoticedRotationRereadsFile() throws IOException {
        Path file = directory.resolve("token");
        Files.writeString(file, first.value());
        FileTime unchanged = Files.getLastModifiedTime(file);
        MeetzyClient client = builder().tokenFile(file).build();
        SERVER.stubFor(get("/v1/assistants").withHeader("Authorization", equalTo("Bearer " + first.value()))
                .willReturn(aResponse().withStatus(401)));

        // Same size and modification time, as on a file system with coarse timestamps.
        Files.writeString(file, second.value());
        Files.setLastModifiedTime(file, unchanged);

        MeetzyResponse response = client.get("/v1/assistants");

        assertThat(who(response)).isEqualTo("second");
        SERVER.verify(2, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void unauthorizedWithUnchangedTokenFailsOnce() {
        ApiToken revoked = TestTokens.expiringAt(NOW, NOW.plus(Duration.ofDays(90)));
        AtomicReference<String> source = new AtomicReference<>(revoked.value());
        MeetzyClient client = builder().tokenProvider(TokenProvider.fromSupplier(source::get)).build();

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> client.get("/v1/assistants"));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e).hasMessageContaining("Check that the token from the supplier given to"
                + " TokenProvider.fromSupplier(..) is the complete token (it starts with " + revoked.displayPrefix());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/assistants")));
    }

    @Test
    void supplierIsAskedBeforeEachRequest() {
        AtomicReference<String> source = new AtomicReference<>(first.value());
        MeetzyClient client = builder().tokenProvider(TokenProvider.fromSupplier(source::get)).build();

        assertThat(who(client.get("/v1/assistants"))).isEqualTo("first");
        source.set(second.value());

        assertThat(who(client.get("/v1/assistants"))).isEqualTo("second");
    }

    @Test
    void invalidRotatedTokenNamesFile() throws IOException {
        Path file = directory.resolve("token");
        Files.writeString(file, first.value());
        MeetzyClient client = builder().tokenFile(file).build();
        String broken = second.value().substring(0, 61) + (second.value().endsWith("A") ? "B" : "A");
        Files.writeString(file, broken);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThatThrownBy(() -> client.get("/v1/assistants"))
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessageStartingWith("The token file " + file + " is not a valid Meetzy token")
                .hasMessageNotContaining(TestTokens.secretOf(second.value()));
    }

    @Test
    void missingFileFailsAtBuild() {
        Path file = directory.resolve("absent");

        assertThatThrownBy(() -> builder().tokenFile(file).build())
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessage("The token file " + file + " cannot be read (NoSuchFileException): write the full value"
                        + " shown when the token was created into " + file + ", on one line, and check its"
                        + " permissions.");
    }

    @Test
    void deletedFileKeepsLastToken() throws IOException {
        Path file = directory.resolve("token");
        Files.writeString(file, first.value());
        MeetzyClient client = builder().tokenFile(file).build();
        Files.delete(file);

        assertThat(who(client.get("/v1/assistants"))).isEqualTo("first");
    }

    @Test
    void invalidCustomProviderFailsAtBuild() {
        TokenProvider provider = () -> "not a token";

        assertThatThrownBy(() -> builder().tokenProvider(provider).build())
                .isInstanceOf(MeetzyConfigurationException.class)
                .hasMessageStartingWith("The token from " + provider.getClass().getName());
    }

    @Test
    void expiringTokenWarnsOncePerDay() {
        ApiToken expiring = TestTokens.expiringAt(NOW, NOW.plus(Duration.ofDays(3)));
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}")));
        List<Instant> notified = new ArrayList<>();

        String log;
        try (StandardErrorCapture capture = new StandardErrorCapture()) {
            MeetzyClient client = builder().token(expiring.value())
                    .tokenExpiryListener((masked, expiresAt) -> notified.add(expiresAt)).build();
            client.get("/v1/assistants");
            client.get("/v1/assistants");
            time.advance(Duration.ofDays(1));
            client.get("/v1/assistants");
            log = capture.text();
        }

        Instant embedded = NOW.plus(Duration.ofDays(3)).atZone(ZoneOffset.UTC).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> warnings = log.lines().filter(line -> line.contains("WARN")).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).endsWith("The Meetzy API token " + expiring.maskedValue() + " expires at "
                + embedded + ", in 2 days. Create a new token (or rotate this one) and update the token given to"
                + " MeetzyClient.Builder.token(..) before then, or requests will fail with status 401.");
        assertThat(notified).containsExactly(embedded, embedded);
        assertThat(log).doesNotContain(TestTokens.secretOf(expiring.value()));
    }

    @Test
    void responseExpiryHeaderTriggersWarning() {
        Instant headerExpiry = NOW.plus(Duration.ofHours(20));
        SERVER.stubFor(get("/v1/assistants").willReturn(okJson("{}").withHeader("Meetzy-Token-Expires",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(headerExpiry.atOffset(ZoneOffset.UTC)))));
        List<Instant> notified = new ArrayList<>();
        MeetzyClient client = builder().token(first.value())
                .tokenExpiryListener((masked, expiresAt) -> notified.add(expiresAt)).build();

        MeetzyResponse response = client.get("/v1/assistants");

        assertThat(response.tokenExpiresAt()).contains(headerExpiry);
        assertThat(notified).containsExactly(headerExpiry);
    }

    @Test
    void distantExpiryStaysQuiet() {
        List<Instant> notified = new ArrayList<>();

        builder().token(first.value()).tokenExpiryListener((masked, expiresAt) -> notified.add(expiresAt)).build()
                .get("/v1/assistants");

        assertThat(notified).isEmpty();
    }

    @Test
    void traceLogHoldsNoToken() throws IOException {
        Path file = directory.resolve("token");
        Files.writeString(file, first.value());
        FileTime unchanged = Files.getLastModifiedTime(file);
        SERVER.stubFor(get("/v1/assistants").withHeader("Authorization", equalTo("Bearer " + first.value()))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"Token " + first.value()
                        + " is revoked.\"}}")));
        SERVER.stubFor(get("/v1/busy").willReturn(aResponse().withStatus(503)));
        SERVER.stubFor(get(urlPathEqualTo("/v1/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "/v1/busy")));

        String log;
        try (StandardErrorCapture capture = new StandardErrorCapture()) {
            MeetzyClient client = builder().tokenFile(file)
                    .retryPolicy(RetryPolicy.builder().jitter(0).build()).build();
            Files.writeString(file, second.value());
            Files.setLastModifiedTime(file, unchanged);
            client.get("/v1/assistants");
            catchThrowableOfType(MeetzyApiException.class, () -> client.get("/v1/moved?token=" + second.value()));
            log = capture.text();
        }

        assertThat(log).contains("TRACE io.meetzy.client.MeetzyClient - Sending GET");
        assertThat(log).contains("retrying in");
        assertThat(log).doesNotContain(TestTokens.secretOf(first.value()));
        assertThat(log).doesNotContain(TestTokens.secretOf(second.value()));
    }
}
