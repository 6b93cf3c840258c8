package io.meetzy.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetzy.client.ApiTokenInfo;
import io.meetzy.client.AuthenticationException;
import io.meetzy.client.CreatedApiToken;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.NotFoundException;
import io.meetzy.client.PermissionException;
import io.meetzy.client.RetryPolicy;
import io.meetzy.client.TokensApi;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenStatus;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.rest.TokenApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TokensApi} against the demo server with the real token API, over loopback HTTP. */
class TokensApiEndToEndTest {

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenManager manager = TokenManager.builder(store).build();
    private DemoApiServer server;
    private CreatedToken admin;

    @BeforeEach
    void startServer() throws Exception {
        server = DemoApiServer.start("127.0.0.1", 0, TokenVerifier.builder(store).build(),
                TokenApi.builder(manager).build());
        admin = manager.create("acct_a", "Admin", Expiration.NINETY_DAYS);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void createListRotateRevoke() {
        TokensApi tokens = new TokensApi(client(admin.token().value()));

        CreatedApiToken created = tokens.create("Reporting", Expiration.THIRTY_DAYS, Set.of(Scopes.ASSISTANTS_READ));
        CreatedApiToken rotated = tokens.rotate(created.info().id(), Duration.ofHours(24));
        List<ApiTokenInfo> duringGrace = tokens.list();
        tokens.revoke(created.info().id());
        List<ApiTokenInfo> afterRevoke = tokens.list();

        assertThat(created.info().scopes()).containsExactly(Scopes.ASSISTANTS_READ);
        assertThat(rotated.info().name()).isEqualTo("Reporting");
        assertThat(rotated.info().scopes()).containsExactly(Scopes.ASSISTANTS_READ);
        assertThat(duringGrace).extracting(ApiTokenInfo::id)
                .containsExactly(rotated.info().id(), created.info().id(), admin.metadata().id());
        assertThat(duringGrace.get(1).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(afterRevoke.get(1).status()).isEqualTo(TokenStatus.REVOKED);
        assertThat(client(rotated.token().value()).get("/v1/assistants").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client(created.token().value()).get("/v1/assistants"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void unknownPathIsJsonNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.baseUrl().resolve("/v1/v1/assistants")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).contains("\"type\":\"not_found_error\"").contains("without /v1");
    }

    @Test
    void otherAccountsTokenIsNotFound() {
        String theirs = manager.create("acct_b", "Theirs", Expiration.THIRTY_DAYS).metadata().id();
        TokensApi tokens = new TokensApi(client(admin.token().value()));

        assertThatThrownBy(() -> tokens.revoke(theirs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tokens.rotate(theirs)).isInstanceOf(NotFoundException.class);
        assertThat(tokens.list()).extracting(ApiTokenInfo::id).containsExactly(admin.metadata().id());
    }

    @Test
    void readOnlyTokenGetsPermissionError() {
        CreatedToken reader = manager.create("acct_a", "Reader", Expiration.THIRTY_DAYS, Set.of(Scopes.TOKENS_READ));
        TokensApi tokens = new TokensApi(client(reader.token().value()));

        assertThat(tokens.list()).hasSize(2);
        assertThatThrownBy(() -> tokens.create("More", Expiration.THIRTY_DAYS))
                .isInstanceOf(PermissionException.class)
                .hasMessageContaining("The token lacks the scope tokens:write");
        assertThatThrownBy(() -> client(reader.token().value()).get("/v1/assistants"))
                .isInstanceOf(PermissionException.class)
                .satisfies(e -> assertThat(((PermissionException) e).headers().get("WWW-Authenticate"))
                        .containsExactly("Bearer realm=\"meetzy\", error=\"insufficient_scope\", error_description=\"The"
                                + " token lacks the scope assistants:read, which GET /v1/assistants requires. Use a token"
                                + " that has it, or create one with it.\", scope=\"assistants:read\""));
    }

    private MeetzyClient client(String token) {
        return MeetzyClient.builder().token(token).baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none()).build();
    }
}
