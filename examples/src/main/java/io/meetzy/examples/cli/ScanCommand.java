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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code meetzy scan}: finds Meetzy tokens in files before they are committed or shared. Only
 * tokens that pass the checksum are reported, so look-alikes in tests and docs do not fail a
 * build. Output shows each token masked, never in full.
 *
 * <p>Exit codes: 0 when every file was read and none contains a token, 1 when a token is found
 * (even if some file could not be read), 2 for bad usage, a path that does not exist, or a file
 * that could not be read. A missing path is 2 and not 1 because 1 must mean "a token was found"
 * to a pre-commit hook or CI script, and because an incomplete scan must not pass as clean.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {
                "Find Meetzy API tokens in files and directories. Prints FILE:LINE: MASKED-VALUE for each token"
                        + " whose checksum is valid; look-alikes are not reported.",
                "Directories are searched recursively. Skipped: .git directories, symbolic links found inside"
                        + " directories, and binary files (a NUL byte in the first 8 KiB).",
                "Exit codes: 0 no token found, 1 a token was found, 2 bad usage, a missing path or an unreadable file."
        })
final class ScanCommand implements Callable<Integer> {

    private static final String GIT_DIRECTORY = ".git";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Set<Path> filesWithTokens = new HashSet<>();
    private long tokensFound;
    private long filesScanned;
    private long binaryFilesSkipped;
    private long unreadablePaths;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkPathsExist();

        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                Files.walkFileTree(path, new TreeScanner(path, files));
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

    /** Rejects the whole command line up front, so a typo never yields a partial scan that looks clean. */
    private void checkPathsExist() {
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
            throw new CommandLine.ParameterException(spec.commandLine(), "Path not found: " + String.join(", ", missing)
                    + ". Pass existing files or directories.");
        }
        if (!special.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Not a regular file or directory: "
                    + String.join(", ", special) + ". Pass files or directories to scan.");
        }
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
            files.forEach(file -> record(scanFile(scanner, file)));
            return;
        }

        ThreadLocal<TokenFileScanner> scanners = ThreadLocal.withInitial(TokenFileScanner::new);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FileResult>> results = new ArrayList<>(files.size());
            for (Path file : files) {
                results.add(pool.submit(() -> scanFile(scanners.get(), file)));
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
            TokenFileScanner.Outcome outcome = scanner.scan(file, findings::add);
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

        result.findings().forEach(this::report);
        if (result.outcome().orElseThrow() == TokenFileScanner.Outcome.SKIPPED_BINARY) {
            binaryFilesSkipped++;
        } else {
            filesScanned++;
        }
    }

    private void report(TokenFileScanner.Finding finding) {
        spec.commandLine().getOut().println(finding.file() + ":" + finding.line() + ": " + finding.token().maskedValue());
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
        spec.commandLine().getErr().println("meetzy scan: failed to read " + file + " (" + reason + "); it was not scanned.");
        unreadablePaths++;
    }

    private void printSummary() {
        PrintWriter err = spec.commandLine().getErr();
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

    /** Lists every regular file under one root, skipping {@code .git} directories and symbolic links. */
    private final class TreeScanner extends SimpleFileVisitor<Path> {

        private final Path root;
        private final List<Path> files;

        TreeScanner(Path root, List<Path> files) {
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
