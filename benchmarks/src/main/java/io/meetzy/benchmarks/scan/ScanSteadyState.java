package io.meetzy.benchmarks.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Runs {@code meetzy scan DIRECTORY} several times in one JVM and prints the time and throughput
 * of each run, to separate the scan from JVM start-up. The first runs include JIT compilation.
 *
 * <p>The {@code meetzy} command is not a dependency of this module, so it is loaded by name from
 * the class path: {@code java -cp examples/target/meetzy.jar:benchmarks/target/benchmarks.jar
 * io.meetzy.benchmarks.scan.ScanSteadyState DIRECTORY [RUNS]}.
 */
public final class ScanSteadyState {

    private static final int DEFAULT_RUNS = 10;

    private ScanSteadyState() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: ScanSteadyState DIRECTORY [RUNS]");
            System.exit(2);
        }
        Path tree = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
        long bytes = totalBytes(tree);

        MethodHandle run = MethodHandles.publicLookup().findStatic(
                Class.forName("io.meetzy.examples.cli.MeetzyCli"), "run",
                MethodType.methodType(int.class, PrintWriter.class, PrintWriter.class, String[].class));
        PrintWriter discard = new PrintWriter(Writer.nullWriter());

        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            int exitCode = (int) run.invoke(discard, discard, new String[] {"scan", tree.toString()});
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %2d: %.3f s, %.0f MB/s, exit code %d%n", i, seconds, bytes / seconds / 1e6, exitCode);
        }
    }

    private static long totalBytes(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(ScanSteadyState::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
