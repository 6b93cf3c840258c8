package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetzy.core.ApiToken;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    private static final Pattern TOKEN_SHAPE = Pattern.compile("mzy_[0-9A-Za-z]{58}");

    @Test
    void demoRunsLifecycleAndExitsZero() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1. Started the demo API at http://127.0.0.1:")
                .contains("2. Created token \"Demo app\" (tok_")
                .contains("3. Listed the account's tokens, masked:")
                .contains("4. Called GET /v1/assistants with MeetzyClient: HTTP 200")
                .contains("\"asst_notes\"")
                .contains("5. The same call with curl")
                .contains("6. Rotated token tok_")
                .contains("7. During the grace period both tokens work: old token HTTP 200, new token HTTP 200.")
                .contains("8. Revoked token tok_")
                .contains("9. Called GET /v1/assistants again with the revoked token: HTTP 401")
                .contains("Bearer realm=\"meetzy\", error=\"invalid_token\"")
                .contains("10. Called GET /v1/assistants with the new token: HTTP 200")
                .contains("Demo finished");
        assertThat(run.out()).contains("put the full token in its place, for example \"Bearer $MEETZY_API_TOKEN\"");
        assertThat(run.out()).containsPattern("curl -H \"Authorization: Bearer mzy_[0-9A-Za-z]{20}\\*{38}\" http://127\\.0\\.0\\.1:\\d+/v1/assistants");
        assertThat(run.out()).containsPattern("active");
    }

    @Test
    void demoListsBothTokensDuringGrace() {
        CliRun run = CliRun.of("demo");

        String duringGrace = run.out().substring(run.out().indexOf("7. "), run.out().indexOf("8. "));
        assertThat(duringGrace.lines().filter(line -> line.contains("Demo app"))).hasSize(2);
        assertThat(duringGrace.lines().filter(line -> line.contains("Demo app") && line.endsWith("active"))).hasSize(2);
        assertThat(duringGrace.lines().filter(line -> line.contains("Demo app") && line.contains("never")))
                .as("both tokens were used before the listing").isEmpty();
    }

    @Test
    void demoPrintsNoFullToken() {
        CliRun run = CliRun.of("demo");

        Matcher matcher = TOKEN_SHAPE.matcher(run.out() + run.err());
        while (matcher.find()) {
            assertThat(ApiToken.parse(matcher.group()).isValid()).as("a full token was printed").isFalse();
        }
    }
}
