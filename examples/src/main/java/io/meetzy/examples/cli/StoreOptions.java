package io.meetzy.examples.cli;

import io.meetzy.verifier.JdbcTokenStore;
import io.meetzy.verifier.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where tokens are stored: an embedded H2 directory (the default) or a JDBC URL. */
final class StoreOptions {

    /** The data directory used when neither option is given, relative to the working directory. */
    static final Path DEFAULT_DATA_DIRECTORY = Path.of("meetzy-data");

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Location location;

    private static final class Location {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Directory of the embedded H2 token store (default: ./meetzy-data)."
                        + " Several meetzy processes can open it at once.")
        private Path dataDirectory;

        @Option(names = "--jdbc-url", paramLabel = "URL",
                description = "JDBC URL of the token store, for example jdbc:postgresql://127.0.0.1:5432/meetzy?user=meetzy.")
        private String jdbcUrl;
    }

    /** Opens the chosen store, creating its schema when absent. */
    TokenStore open() {
        if (location != null && location.jdbcUrl != null) {
            return JdbcTokenStore.open(location.jdbcUrl);
        }
        return JdbcTokenStore.openH2(dataDirectory());
    }

    /**
     * Opens the chosen store only if it exists, for commands that read or change tokens: a
     * mistyped {@code --data} would otherwise open a new, empty store and report that the token
     * is not found.
     *
     * @throws ParameterException if the H2 data directory does not contain a token store
     */
    TokenStore openExisting(CommandLine commandLine) {
        boolean isH2 = location == null || location.jdbcUrl == null;
        if (isH2 && !JdbcTokenStore.existsH2(dataDirectory())) {
            String directory = dataDirectory().toAbsolutePath().normalize().toString();
            String reason = !Files.exists(dataDirectory()) ? "the directory does not exist"
                    : Files.isDirectory(dataDirectory()) ? "the directory contains no Meetzy token store" : "it is a file";
            throw new ParameterException(commandLine, "No token store at " + directory + ": " + reason
                    + ". Check --data, or create a token there first with `meetzy tokens create --data " + directory
                    + " --name NAME`.");
        }
        return open();
    }

    /** Describes the store for messages; never includes a password from the URL. */
    String describe() {
        if (location != null && location.jdbcUrl != null) {
            return location.jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }
        return dataDirectory().toAbsolutePath().toString();
    }

    private Path dataDirectory() {
        return location != null && location.dataDirectory != null ? location.dataDirectory : DEFAULT_DATA_DIRECTORY;
    }
}
