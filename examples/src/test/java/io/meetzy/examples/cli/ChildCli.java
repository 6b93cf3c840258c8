package io.meetzy.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code meetzy} in a child JVM with the test classpath, for commands that read the environment or block. */
final class ChildCli {

    private ChildCli() {
    }

    static Process start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MeetzyCli.class.getName());
        command.addAll(List.of(args));

        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MEETZY_API_TOKEN");
        builder.environment().remove("MEETZY_BASE_URL");
        builder.environment().putAll(environment);
        return builder.start();
    }
}
