package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeetzyCliTest {

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        for (String command : new String[] {"demo", "serve", "tokens", "call", "scan", "help"}) {
            assertThat(run.out()).as(command).containsPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void helpCommandShowsSubcommandUsage() {
        CliRun run = CliRun.of("help", "scan");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: meetzy scan [-hV] PATH...");
    }

    @Test
    void misspelledCommandSuggestsName() {
        CliRun run = CliRun.of("scna", "somewhere");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched arguments from index 0: 'scna', 'somewhere'");
        assertThat(run.err()).contains("Did you mean: meetzy scan?");
    }

    @Test
    void missingCommandListsChoices() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: choose one of demo, serve, tokens, call, scan.");
    }

    @Test
    void versionOptionWorksOnSubcommands() {
        for (String[] command : new String[][] {{"-V"}, {"tokens", "-V"}, {"tokens", "list", "-V"}, {"call", "--version"}}) {
            CliRun run = CliRun.of(command);

            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).startsWith("meetzy ");
        }
    }
}
