package io.meetzy.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code meetzy scan}: finds Meetzy tokens in files before they are committed or shared. Only
 * tokens that pass the checksum are reported, so look-alikes in tests and docs do not fail a
 * build. Output shows each token masked, never in full. {@link PathScan} does the work, and
 * {@link MeetzyCli} calls it without this class for a plain {@code scan PATH...}.
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

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<String> invalidPaths = PathScan.invalidPathsMessage(paths);
        if (invalidPaths.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalidPaths.get());
        }

        CommandLine commandLine = spec.commandLine();
        return new PathScan(commandLine.getOut(), commandLine.getErr()).run(paths);
    }
}
