package io.meetzy.examples.cli;

import io.meetzy.verifier.JdbcTokenStore;
import io.meetzy.verifier.TokenStore;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

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
