package io.meetzy.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code meetzy} command. Exit codes: 0 success, 1 the operation failed (the reason on
 * stderr), 2 bad usage.
 */
@Command(
        name = "meetzy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Create, use, list and revoke Meetzy API tokens.")
public final class MeetzyCli implements Runnable {

    /** The operation failed; the reason is on stderr. */
    public static final int EXIT_FAILURE = 1;

    /** The command line was wrong; usage is on stderr. */
    public static final int EXIT_USAGE = 2;

    /** The subcommands in the order that top-level help lists them. */
    private static final String[] SUBCOMMAND_NAMES = {"demo", "serve", "tokens", "call", "scan"};

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final String HTTP_SERVER_NODELAY = "sun.net.httpserver.nodelay";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // H2's AUTO_SERVER mode, which lets several meetzy processes share one --data directory,
        // listens on every interface unless h2.bindAddress is set, so keep it on loopback.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        // The JDK HttpServer behind `meetzy serve` leaves Nagle's algorithm on. With delayed ACKs
        // that caps a keep-alive client at a few hundred requests a second, so turn it off.
        if (System.getProperty(HTTP_SERVER_NODELAY) == null) {
            System.setProperty(HTTP_SERVER_NODELAY, "true");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line with the given streams and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Optional<List<Path>> scanPaths = plainScanPaths(args);
        if (scanPaths.isPresent()) {
            return runPlainScan(out, err, scanPaths.get());
        }

        CommandLine commandLine = new CommandLine(new MeetzyCli());
        addSubcommands(commandLine, args);
        shareVersionProvider(commandLine, commandLine.getCommandSpec().versionProvider());
        commandLine.setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(MeetzyCli::reportUsageError);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(EXIT_FAILURE);
        return commandLine.execute(args);
    }

    /**
     * Adds the subcommand that the first argument names, or every subcommand and {@code help}
     * when it names none, so top-level help, {@code help COMMAND} and suggestions for a
     * misspelled name still see them all. Picocli builds each subcommand's model by reflection
     * when it is added: {@code meetzy scan --help} took 0.18 s with all of them and 0.14 s
     * with one (hyperfine, 10 cold runs on 2 vCPUs).
     */
    private static void addSubcommands(CommandLine commandLine, String[] args) {
        Object named = args.length == 0 ? null : newSubcommand(args[0]);
        if (named != null) {
            commandLine.addSubcommand(named);
            return;
        }

        for (String name : SUBCOMMAND_NAMES) {
            commandLine.addSubcommand(newSubcommand(name));
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand());
    }

    /**
     * Gives every subcommand the top-level version provider: each has a {@code -V} option through
     * the standard help options, which prints nothing without one.
     */
    private static void shareVersionProvider(CommandLine commandLine, CommandLine.IVersionProvider provider) {
        commandLine.getCommandSpec().versionProvider(provider);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            shareVersionProvider(subcommand, provider);
        }
    }

    /** Returns a new instance of the subcommand called {@code name}, or null if there is none. */
    private static Object newSubcommand(String name) {
        return switch (name) {
            case "demo" -> new DemoCommand();
            case "serve" -> new ServeCommand();
            case "tokens" -> new TokensCommand();
            case "call" -> new CallCommand();
            case "scan" -> new ScanCommand();
            default -> null;
        };
    }

    /**
     * Returns the paths of a command line {@code scan PATH...} whose arguments picocli would read
     * as paths and nothing else, and that all exist, or empty for any other command line. Such a
     * scan runs without picocli, because building the picocli model of every subcommand is most
     * of a cold start: a scan of an empty directory took 0.18 s with it and 0.06 s without.
     * Help, options, {@code --}, {@code @FILE} arguments and usage errors all go through picocli.
     */
    static Optional<List<Path>> plainScanPaths(String[] args) {
        if (args.length < 2 || !args[0].equals("scan")) {
            return Optional.empty();
        }

        List<Path> paths = new ArrayList<>(args.length - 1);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean optionOrArgumentFile = arg.isEmpty() || arg.charAt(0) == '-' || arg.charAt(0) == '@';
            if (optionOrArgumentFile) {
                return Optional.empty();
            }
            try {
                paths.add(Path.of(arg));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return PathScan.invalidPathsMessage(paths).isEmpty() ? Optional.of(paths) : Optional.empty();
    }

    /** Runs a scan that {@link #plainScanPaths} accepted, reporting a failure as picocli would. */
    private static int runPlainScan(PrintWriter out, PrintWriter err, List<Path> paths) {
        try {
            return new PathScan(out, err).run(paths);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return reportFailure("meetzy scan", e, err);
        }
    }

    /** Prints a one-line reason instead of a stack trace and returns {@link #EXIT_FAILURE}. */
    private static int reportFailure(String qualifiedName, Exception failure, PrintWriter err) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        err.println(qualifiedName + ": " + message);
        return EXIT_FAILURE;
    }

    /** Without a subcommand, print the usage and fail as bad usage. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of demo, serve, tokens, call, scan.");
    }

    /**
     * Prints the usage error and where to find help, without the full help text, which would push
     * the one useful line off the screen.
     */
    private static int reportUsageError(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(failure.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        return EXIT_USAGE;
    }

    /** Prints a one-line reason instead of a stack trace. */
    private static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            return reportFailure(commandLine.getCommandSpec().qualifiedName(), failure, commandLine.getErr());
        }
    }
}
