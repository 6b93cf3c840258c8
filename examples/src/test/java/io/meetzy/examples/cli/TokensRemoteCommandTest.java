package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.examples.server.DemoApiServer;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.rest.TokenApi;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code meetzy tokens --base-url} in a child JVM, which reads {@code MEETZY_API_TOKEN}, against
 * the demo server with the token API in this JVM.
 */
class TokensRemoteCommandTest {

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
    void createListRotateRevokeOverHttp() throws Exception {
        ChildCli.Result create = tokens(admin, "create", "--name", "Remote", "--expires", "30d");
        ApiToken created = ApiToken.of(create.out().strip());
        String createdId = manager.list("acct_a").get(0).id();

        ChildCli.Result list = tokens(admin, "list");
        ChildCli.Result rotate = tokens(admin, "rotate", createdId, "--grace", "24h", "--json");
        JsonNode replacement = TokenJson.MAPPER.readTree(rotate.out());
        ChildCli.Result revoke = tokens(admin, "revoke", createdId);

        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.err()).contains("Created token \"Remote\" (" + createdId + ")").doesNotContain(created.value());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("MASKED VALUE").contains(created.maskedValue()).contains("Admin")
                .doesNotContain(created.value());
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(replacement.get("name").asText()).isEqualTo("Remote");
        assertThat(rotate.err()).contains("works until the end of the 24h grace period at the latest");
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Revoked token " + createdId + ".");
        assertThat(store.findById(createdId).orElseThrow().isRevoked()).isTrue();
        assertThat(manager.list("acct_a")).hasSize(3);
    }

    @Test
    void missingScopeFailsWithReason() throws Exception {
        CreatedToken reader = manager.create("acct_a", "Reader", Expiration.THIRTY_DAYS, Set.of(Scopes.TOKENS_READ));

        ChildCli.Result create = tokens(reader, "create", "--name", "More");

        assertThat(create.exitCode()).isEqualTo(1);
        assertThat(create.err()).contains("403").contains("The token lacks the scope tokens:write");
        assertThat(create.err()).doesNotContain(reader.token().value());
    }

    @Test
    void otherAccountsTokenFailsAsNotFound() throws Exception {
        String theirs = manager.create("acct_b", "Theirs", Expiration.THIRTY_DAYS).metadata().id();

        ChildCli.Result revoke = tokens(admin, "revoke", theirs);

        assertThat(revoke.exitCode()).isEqualTo(1);
        assertThat(revoke.err()).contains("404").contains("No token with id '" + theirs + "' was found in this account.");
        assertThat(store.findById(theirs).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void missingTokenVariableIsNamed() throws Exception {
        ChildCli.Result list = ChildCli.run(Map.of(), "tokens", "list", "--base-url", server.baseUrl().toString());

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("MEETZY_API_TOKEN");
    }

    private ChildCli.Result tokens(CreatedToken caller, String... args) throws Exception {
        String[] full = new String[args.length + 3];
        full[0] = "tokens";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--base-url";
        full[args.length + 2] = server.baseUrl().toString();
        return ChildCli.run(Map.of("MEETZY_API_TOKEN", caller.token().value()), full);
    }
}
