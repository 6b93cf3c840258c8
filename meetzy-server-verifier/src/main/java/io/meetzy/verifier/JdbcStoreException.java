package io.meetzy.verifier;

/**
 * Thrown by {@link JdbcTokenStore} when the database fails. The message names the operation and
 * the JDBC URL with any password hidden; it never contains a token, because the store never
 * receives one.
 */
public class JdbcStoreException extends RuntimeException {

    private final String operation;

    public JdbcStoreException(String operation, String redactedJdbcUrl, Throwable cause) {
        super("Token store operation '" + operation + "' failed on " + redactedJdbcUrl + ": "
                + cause.getMessage(), cause);
        this.operation = operation;
    }

    /** Returns the store operation that failed, such as {@code insert} or {@code findByDisplayPrefix}. */
    public String operation() {
        return operation;
    }
}
