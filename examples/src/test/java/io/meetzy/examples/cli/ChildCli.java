package io.meetzy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts or runs {@code meetzy} in a child JVM with the test classpath, for commands that read the environment or block. */
final class ChildCli {

    private ChildCli() {
    }

    /** The exit code and the whole stdout and stderr of one finished child {@code meetzy}. */
    record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code meetzy} in a child JVM to completion, reading stdout and stderr concurrently so a
     * full pipe cannot block the child. Fails the test if the child runs longer than 60 seconds.
     */
    static Result run(Map<String, String> environment, String... args) throws Exception {
        Process process = start(environment, args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("meetzy %s finished", String.join(" ", args)).isTrue();
        return new Result(process.exitValue(), out.get(), err.get());
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

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
