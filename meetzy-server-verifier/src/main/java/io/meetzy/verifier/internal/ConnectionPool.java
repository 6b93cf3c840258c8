package io.meetzy.verifier.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small JDBC connection pool: at most {@code maxConnections} open at once, idle ones reused
 * newest first. Every store operation is one auto-committed statement, so a connection needs no
 * reset between uses. A connection that saw an {@link SQLException} is closed rather than reused,
 * which is how the pool gets rid of broken ones without testing each on loan.
 *
 * <p>Pooling matters for both databases. A PostgreSQL connection costs a server process and a
 * round trip to open. An embedded H2 database closes when its last connection closes, so keeping
 * one idle connection keeps the file open (and, in {@code AUTO_SERVER} mode, this process the
 * server that other processes connect to) instead of reopening it on each operation.
 */
public final class ConnectionPool implements AutoCloseable {

    private final String jdbcUrl;
    private final Properties credentials;
    private final Semaphore permits;
    private final Duration borrowTimeout;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    public ConnectionPool(String jdbcUrl, Properties credentials, int maxConnections, Duration borrowTimeout) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = (Properties) credentials.clone();
        this.permits = new Semaphore(maxConnections, true);
        this.borrowTimeout = borrowTimeout;
    }

    /** An operation on a borrowed connection. */
    @FunctionalInterface
    public interface SqlOperation<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code operation} on a pooled connection and returns the connection to the pool,
     * unless the operation threw {@link SQLException}: then the connection is closed.
     *
     * @throws IllegalStateException if the pool is closed
     * @throws SQLTransientConnectionException if no connection becomes free within the borrow timeout
     */
    public <T> T run(SqlOperation<T> operation) throws SQLException {
        acquirePermit();
        try {
            Connection connection = takeOrOpen();
            T result;
            try {
                result = operation.run(connection);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection, e);
                throw e;
            }
            giveBack(connection);
            return result;
        } finally {
            permits.release();
        }
    }

    /** Closes the idle connections; connections in use are closed when they come back. */
    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection, null);
        }
    }

    private void acquirePermit() throws SQLException {
        if (closed) {
            throw new IllegalStateException("The token store is closed.");
        }
        try {
            if (!permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("No database connection became free within "
                        + borrowTimeout.toMillis() + " ms; raise maxConnections or shorten the work done per request.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a database connection.", e);
        }
    }

    private Connection takeOrOpen() throws SQLException {
        Connection pooled = idle.pollFirst();
        if (pooled != null) {
            return pooled;
        }
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    private void giveBack(Connection connection) {
        idle.offerFirst(connection);

        // A close() that ran while this connection was in use has already drained the deque.
        if (closed) {
            close();
        }
    }

    private static void closeQuietly(Connection connection, Exception primary) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }
}
