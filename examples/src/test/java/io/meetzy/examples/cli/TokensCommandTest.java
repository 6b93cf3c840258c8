package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetzy.core.ApiToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    void secondRevokeSaysAlreadyRevoked() throws Exception {
        JsonNode created = TokenJson.MAPPER.readTree(tokens("create", "--name", "Old", "--json").out());
        String id = created.get("id").asText();
        tokens("revoke", id);

        CliRun again = tokens("revoke", id);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Token \"Old\" (" + id).contains("was already revoked at")
                .contains("Nothing changed.");
    }

    @Test
    void revokeWithTokenInsteadOfIdHidesToken() throws Exception {
        JsonNode created = TokenJson.MAPPER.readTree(tokens("create", "--name", "Pasted", "--json").out());
        String token = created.get("token").asText();

        CliRun revoke = tokens("revoke", token);

        assertThat(revoke.exitCode()).isEqualTo(1);
        assertThat(revoke.err()).contains("looks like a Meetzy token, not a token id");
        assertThat(revoke.out() + revoke.err()).doesNotContain(token.substring(24));
    }

    @Test
    void listOfDirectoryWithoutStoreIsUsageError() throws Exception {
        Path unrelated = Files.createDirectory(data.resolve("unrelated"));

        CliRun run = CliRun.of("tokens", "list", "--data", unrelated.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the directory contains no Meetzy token store");
        assertThat(unrelated).isEmptyDirectory();
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
    void blankNameIsUsageError() {
        CliRun run = tokens("create", "--name", "   ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for --name: A token name is required");
    }

    @Test
    void revokeUnknownIdFails() {
        tokens("create", "--name", "Existing");

        CliRun run = tokens("revoke", "tok_doesnotexist000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("meetzy tokens revoke: ").contains("tok_doesnotexist000");
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
    void rotatePrintsReplacementAndKeepsOldForGrace() throws Exception {
        JsonNode old = TokenJson.MAPPER.readTree(tokens("create", "--name", "Worker", "--expires", "6m", "--json").out());

        CliRun rotate = tokens("rotate", old.get("id").asText(), "--grace", "24h");
        JsonNode listed = TokenJson.MAPPER.readTree(tokens("list", "--json").out()).get("data");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        ApiToken replacement = ApiToken.of(rotate.out().strip());
        assertThat(rotate.err()).contains("Rotated token " + old.get("id").asText() + ": the replacement is \"Worker\" (tok_")
                .contains("The old token " + old.get("id").asText() + " works until ")
                .doesNotContain(replacement.value());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("masked_value").asText()).isEqualTo(replacement.maskedValue());
        assertThat(listed.get(1).get("status").asText()).isEqualTo("active");
        assertThat(Instant.parse(listed.get(1).get("expires_at").asText()))
                .isBefore(Instant.now().plus(Duration.ofHours(24).plusMinutes(1)));
    }

    @Test
    void rotateWithoutGraceStopsOldToken() throws Exception {
        JsonNode old = TokenJson.MAPPER.readTree(tokens("create", "--name", "Now", "--json").out());

        CliRun rotate = tokens("rotate", old.get("id").asText(), "--json");
        JsonNode listed = TokenJson.MAPPER.readTree(tokens("list", "--json").out()).get("data");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(TokenJson.MAPPER.readTree(rotate.out()).get("token").asText()).startsWith("mzy_");
        assertThat(rotate.err()).contains("The old token " + old.get("id").asText() + " no longer works.");
        assertThat(listed.get(1).get("status").asText()).isEqualTo("expired");
    }

    @Test
    void rotateTwiceNeedsExpires() {
        String id = createdId("Twice");
        tokens("rotate", id, "--grace", "1h");

        CliRun withoutPreset = tokens("rotate", id);
        CliRun withPreset = tokens("rotate", id, "--expires", "30d");

        assertThat(withoutPreset.exitCode()).isEqualTo(1);
        assertThat(withoutPreset.err()).contains("was already rotated").contains("rotate its replacement instead")
                .contains("--expires");
        assertThat(withPreset.exitCode()).as(withPreset.err()).isZero();
        assertThat(ApiToken.parse(withPreset.out().strip()).isValid()).isTrue();
    }

    @Test
    void rotateRejectsBadGrace() {
        CliRun malformed = tokens("rotate", "tok_x", "--grace", "1 day");
        CliRun tooLong = tokens("rotate", "tok_x", "--grace", "8d");

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("Invalid value for --grace: '1 day'. Use a whole number and a unit,"
                + " such as 24h or 7d (units s, m, h, d).");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("Invalid value for --grace: '8d' is longer than the maximum of 7d.");
    }

    @Test
    void listMarksTokensExpiringWithinWeek() {
        String id = createdId("Soon");
        tokens("rotate", id, "--grace", "48h");

        CliRun list = tokens("list");

        String soonRow = list.out().lines().filter(line -> line.startsWith(id)).findFirst().orElseThrow();
        assertThat(soonRow).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d ! ");
        assertThat(list.out().lines().filter(line -> line.contains(" ! ")).count()).isEqualTo(1);
        assertThat(list.out()).contains("! expires within 7 days: unless it was already replaced, rotate it with"
                + " `meetzy tokens rotate ID --grace 24h`.");
    }

    @Test
    void listFiltersExpiringWithin() throws Exception {
        String soon = createdId("Soon");
        tokens("rotate", soon, "--grace", "12h");

        JsonNode within = TokenJson.MAPPER.readTree(tokens("list", "--json", "--expiring-within", "7d").out()).get("data");
        CliRun none = tokens("list", "--expiring-within", "1h");
        CliRun month = tokens("list", "--expiring-within", "91d");

        assertThat(within).hasSize(1);
        assertThat(within.get(0).get("id").asText()).isEqualTo(soon);
        assertThat(none.out()).contains("No active tokens expire within 1h for account default.");
        assertThat(month.out().lines().filter(line -> line.startsWith("tok_")).count()).isEqualTo(2);
    }

    @Test
    void badExpiringWithinIsUsageError() {
        CliRun run = tokens("list", "--expiring-within", "week");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for --expiring-within: 'week'.");
    }

    @Test
    void createWithScopesKeepsThem() throws Exception {
        JsonNode created = TokenJson.MAPPER.readTree(
                tokens("create", "--name", "Reader", "--scopes", "tokens:read,assistants:read", "--json").out());

        assertThat(created.get("scopes").toString()).isEqualTo("[\"assistants:read\",\"tokens:read\"]");
    }

    @Test
    void createWithUnknownScopeIsUsageError() {
        CliRun run = tokens("create", "--name", "Admin", "--scopes", "tokens:admin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for --scopes: Unknown scope 'tokens:admin'; choose from"
                + " assistants:read, tokens:read, tokens:write.");
    }

    @Test
    void createAcceptsSpacesAfterScopeCommas() throws Exception {
        JsonNode created = TokenJson.MAPPER.readTree(
                tokens("create", "--name", "Reader", "--scopes", "assistants:read, tokens:read", "--json").out());

        assertThat(created.get("scopes").toString()).isEqualTo("[\"assistants:read\",\"tokens:read\"]");
    }

    @Test
    void listOfMissingStoreIsUsageError() {
        Path missing = data.resolve("meetzy-dat");

        CliRun run = CliRun.of("tokens", "list", "--data", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No token store at " + missing.toAbsolutePath().normalize()
                + ": the directory does not exist. Check --data");
        assertThat(missing).doesNotExist();
    }

    @Test
    void baseUrlWithStoreIsUsageError() {
        CliRun run = tokens("list", "--base-url", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--base-url cannot be combined with --data or --jdbc-url");
    }

    @Test
    void baseUrlWithAccountIsUsageError() {
        CliRun run = CliRun.of("tokens", "list", "--base-url", "http://127.0.0.1:9", "--account", "acct_a");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--account applies to a token store only");
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] command : new String[][] {{"--help"}, {"demo", "--help"}, {"serve", "--help"}, {"call", "--help"},
                {"tokens", "--help"}, {"tokens", "create", "--help"}, {"tokens", "list", "--help"}, {"tokens", "revoke", "--help"},
                {"tokens", "rotate", "--help"}}) {
            CliRun run = CliRun.of(command);

            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).contains("Usage: meetzy");
        }
    }

    private String createdId(String name) {
        try {
            return TokenJson.MAPPER.readTree(tokens("create", "--name", name, "--json").out()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
