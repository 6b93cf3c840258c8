package io.meetzy.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The work of {@code meetzy scan}: lists the files under the given paths, scans them, prints each
 * finding to {@code out} and a summary to {@code err}, and returns the exit code. It has no
 * picocli types, so {@link MeetzyCli} can run a plain {@code scan PATH...} without loading
 * picocli. {@link ScanCommand} documents the exit codes.
 *
 * <p>The scan path uses small classes instead of lambdas and method references, because the
 * first lambda in a JVM bootstraps {@code invokedynamic}, about 4 ms of a start-up that is about
 * 50 ms in all (OpenJDK 17, measured with {@code System.nanoTime}).
 */
final class PathScan {

    private static final String GIT_DIRECTORY = ".git";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Set<Path> filesWithTokens = new HashSet<>();
    private long tokensFound;
    private long filesScanned;
    private long binaryFilesSkipped;
    private long unreadablePaths;

    PathScan(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Returns why the paths cannot be scanned (one missing, or neither a regular file nor a
     * directory), or empty when all of them can. Callers check the whole command line up front,
     * so a typo never yields a partial scan that looks clean.
     */
    static Optional<String> invalidPathsMessage(List<Path> paths) {
        List<String> missing = new ArrayList<>();
        List<String> special = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                missing.add("'" + path + "'");
            } else if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
                special.add("'" + path + "'");
            }
        }

        if (!missing.isEmpty()) {
            return Optional.of("Path not found: " + String.join(", ", missing) + ". Pass existing files or directories.");
        }
        if (!special.isEmpty()) {
            return Optional.of("Not a regular file or directory: " + String.join(", ", special) + ". Pass files or directories to scan.");
        }
        return Optional.empty();
    }

    /** Scans paths that passed {@link #invalidPathsMessage} and returns the exit code. */
    int run(List<Path> paths) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                Files.walkFileTree(path, new TreeLister(path, files));
            } else {
                files.add(path);
            }
        }
        scanAll(files);

        printSummary();
        if (tokensFound > 0) {
            return MeetzyCli.EXIT_FAILURE;
        }
        return unreadablePaths > 0 ? MeetzyCli.EXIT_USAGE : 0;
    }

    /**
     * Scans the files on every core, because reading and searching a large tree is CPU-bound once
     * the files are cached. Results are printed in the order the files were listed, so the output
     * is the same as a scan on one thread.
     */
    private void scanAll(List<Path> files) throws InterruptedException {
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            TokenFileScanner scanner = new TokenFileScanner();
            for (Path file : files) {
                record(scanFile(scanner, file));
            }
            return;
        }

        ThreadLocal<TokenFileScanner> scanners = new ScannerPerThread();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FileResult>> results = new ArrayList<>(files.size());
            for (Path file : files) {
                results.add(pool.submit(new FileTask(scanners, file)));
            }
            for (Future<FileResult> result : results) {
                record(awaitResult(result));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileResult awaitResult(Future<FileResult> result) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("Scanning a file failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    /** One file's findings and outcome, or the reason it could not be read. */
    private record FileResult(Path file, List<TokenFileScanner.Finding> findings,
                              Optional<TokenFileScanner.Outcome> outcome, Optional<IOException> failure) {
    }

    private static FileResult scanFile(TokenFileScanner scanner, Path file) {
        List<TokenFileScanner.Finding> findings = new ArrayList<>();
        try {
            TokenFileScanner.Outcome outcome = scanner.scan(file, findings);
            return new FileResult(file, findings, Optional.of(outcome), Optional.empty());
        } catch (IOException e) {
            return new FileResult(file, findings, Optional.empty(), Optional.of(e));
        }
    }

    private void record(FileResult result) {
        if (result.failure().isPresent()) {
            reportUnreadable(result.file(), result.failure().get());
            return;
        }

        for (TokenFileScanner.Finding finding : result.findings()) {
            report(finding);
        }
        if (result.outcome().orElseThrow() == TokenFileScanner.Outcome.SKIPPED_BINARY) {
            binaryFilesSkipped++;
        } else {
            filesScanned++;
        }
    }

    private void report(TokenFileScanner.Finding finding) {
        out.println(finding.file() + ":" + finding.line() + ": " + finding.token().maskedValue());
        tokensFound++;
        filesWithTokens.add(finding.file());
    }

    private void reportUnreadable(Path file, Exception failure) {
        String reason;
        if (failure instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (failure instanceof NoSuchFileException) {
            reason = "no longer exists";
        } else {
            reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
        err.println("meetzy scan: failed to read " + file + " (" + reason + "); it was not scanned.");
        unreadablePaths++;
    }

    private void printSummary() {
        String skipped = binaryFilesSkipped == 0 ? "" : ", " + plural(binaryFilesSkipped, "binary file") + " skipped";
        String unread = unreadablePaths == 0 ? "" : ", " + plural(unreadablePaths, "path") + " not readable";
        String counts = " (" + plural(filesScanned, "file") + " scanned" + skipped + unread + ").";

        if (tokensFound == 0) {
            err.println("No Meetzy tokens found" + counts);
            return;
        }
        err.println("Found " + plural(tokensFound, "Meetzy token") + " in " + plural(filesWithTokens.size(), "file") + counts);
        err.println("Remove each token from the file and revoke it: anyone who has read it can use it."
                + " The masked value matches the one in `meetzy tokens list`.");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** One scanner, with its buffer, for each pool thread. */
    private static final class ScannerPerThread extends ThreadLocal<TokenFileScanner> {
        @Override
        protected TokenFileScanner initialValue() {
            return new TokenFileScanner();
        }
    }

    /** Scans one file on a pool thread. */
    private static final class FileTask implements Callable<FileResult> {

        private final ThreadLocal<TokenFileScanner> scanners;
        private final Path file;

        FileTask(ThreadLocal<TokenFileScanner> scanners, Path file) {
            this.scanners = scanners;
            this.file = file;
        }

        @Override
        public FileResult call() {
            return scanFile(scanners.get(), file);
        }
    }

    /** Lists every regular file under one root, skipping {@code .git} directories and symbolic links. */
    private final class TreeLister extends SimpleFileVisitor<Path> {

        private final Path root;
        private final List<Path> files;

        TreeLister(Path root, List<Path> files) {
            this.root = root;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
            boolean isGitDirectory = !directory.equals(root) && directory.getFileName().toString().equals(GIT_DIRECTORY);
            return isGitDirectory ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            // Without FOLLOW_LINKS the attributes describe a symbolic link itself, which is not a
            // regular file: Git commits the link, not its target, so links are not followed.
            if (attributes.isRegularFile()) {
                files.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            reportUnreadable(file, failure);
            return FileVisitResult.CONTINUE;
        }
    }
}
