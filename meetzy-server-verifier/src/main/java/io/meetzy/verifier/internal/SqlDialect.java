package io.meetzy.verifier.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The databases the JDBC store supports, each with its schema script under {@code io/meetzy/verifier/schema}. */
public enum SqlDialect {

    H2("jdbc:h2:", "h2.sql"),
    POSTGRESQL("jdbc:postgresql:", "postgresql.sql");

    private static final String SCHEMA_FOLDER = "/io/meetzy/verifier/schema/";

    private final String urlPrefix;
    private final String schemaFile;

    SqlDialect(String urlPrefix, String schemaFile) {
        this.urlPrefix = urlPrefix;
        this.schemaFile = schemaFile;
    }

    /** Returns the dialect whose URL prefix starts {@code jdbcUrl}, or empty. */
    public static Optional<SqlDialect> forUrl(String jdbcUrl) {
        return Arrays.stream(values()).filter(dialect -> jdbcUrl.startsWith(dialect.urlPrefix)).findFirst();
    }

    /** Returns the URL prefixes, for messages. */
    public static String supportedPrefixes() {
        return H2.urlPrefix + " or " + POSTGRESQL.urlPrefix;
    }

    /**
     * Returns the statements of the schema script. The scripts hold no semicolon inside a
     * statement, so a semicolon at the end of a line ends a statement.
     */
    public List<String> schemaStatements() {
        String script = readSchemaScript();
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }

    private String readSchemaScript() {
        String resource = SCHEMA_FOLDER + schemaFile;
        try (InputStream in = SqlDialect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The schema script " + resource + " is missing from the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the schema script " + resource, e);
        }
    }
}
