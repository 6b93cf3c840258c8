package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetzy.core.ApiToken;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensCommandTest {

    @TempDir
    Path data;

    @Test
    void createPrintsTokenAloneOnStdout() {
        CliRun run = tokens("create", "--name", "CI bot", "--expires", "30d");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        ApiToken token = ApiToken.of(run.out().strip());
        assertThat(run.err()).contains("Created token \"CI bot\" (tok_").contains("Copy the token now");
        assertThat(run.err()).doesNotContain(token.value());
    }

    @Test
    void createJsonCarriesTokenObject() throws Exception {
        CliRun run = tokens("create", "--name", "Analytics", "--expires", "1y", "--json");

        JsonNode node = TokenJson.MAPPER.readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(node.get("name").asText()).isEqualTo("Analytics");
        assertThat(node.get("status").asText()).isEqualTo("active");
        assertThat(node.get("last_used_at").isNull()).isTrue();
        assertThat(ApiToken.of(node.get("token").asText()).maskedValue()).isEqualTo(node.get("masked_value").asText());
        assertThat(node.get("id").asText()).startsWith("tok_");
    }

    @Test
    void listShowsMaskedNewestFirst() {
        ApiToken first = ApiToken.of(tokens("create", "--name", "First").out().strip());
        ApiToken second = ApiToken.of(tokens("create", "--name", "Second").out().strip());

        CliRun list = tokens("list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("MASKED VALUE").contains(first.maskedValue()).contains(second.maskedValue());
        assertThat(list.out()).doesNotContain(first.value()).doesNotContain(second.value());
        assertThat(list.out().indexOf("Second")).isLessThan(list.out().indexOf("First"));
    }

    @Test
    void revokeMarksTokenRevoked() throws Exception {
        JsonNode created = TokenJson.MAPPER.readTree(tokens("create", "--name", "Old", "--json").out());
        String id = created.get("id").asText();

        CliRun revoke = tokens("revoke", id);
        JsonNode listed = TokenJson.MAPPER.readTree(tokens("list", "--json").out());

        assertThat(revoke.exitCode()).isZero();
        assertThat(revoke.out()).contains("Revoked token \"Old\" (" + id);
        assertThat(listed.get("data").get(0).get("status").asText()).isEqualTo("revoked");
    }

    @Test
    void accountsSeparateTokens() {
        tokens("create", "--name", "Theirs", "--account", "acct_b");

        CliRun list = tokens("list", "--account", "acct_a");

        assertThat(list.out()).contains("No tokens for account acct_a.");
    }

    @Test
    void unknownExpirationIsUsageError() {
        CliRun run = tokens("create", "--name", "x", "--expires", "2w");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for --expires: '2w'. Use one of 30d, 90d, 6m, 1y, never.");
    }

    @Test
    void blankNameFailsWithReason() {
        CliRun run = tokens("create", "--name", "   ");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("A token name is required");
    }

    @Test
    void revokeUnknownIdFails() {
        CliRun run = tokens("revoke", "tok_doesnotexist000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("tok_doesnotexist000");
    }

    @Test
    void dataAndJdbcUrlTogetherIsUsageError() {
        CliRun run = CliRun.of("tokens", "list", "--data", data.toString(), "--jdbc-url", "jdbc:h2:mem:x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void missingCommandIsUsageError() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("tokens").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] command : new String[][] {{"--help"}, {"demo", "--help"}, {"serve", "--help"}, {"call", "--help"},
                {"tokens", "--help"}, {"tokens", "create", "--help"}, {"tokens", "list", "--help"}, {"tokens", "revoke", "--help"}}) {
            CliRun run = CliRun.of(command);

            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).contains("Usage: meetzy");
        }
    }

    private CliRun tokens(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "tokens";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--data";
        full[args.length + 2] = data.toString();
        return CliRun.of(full);
    }
}
