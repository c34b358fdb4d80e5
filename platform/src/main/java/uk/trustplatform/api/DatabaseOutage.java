package uk.trustplatform.api;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached just now (restarting, failing over,
 * or every pooled connection lost), rather than a fault in the platform: the caller gets a
 * retryable 503 instead of an internal error.
 */
final class DatabaseOutage {

    /** What a caller is told; nothing about the database itself. */
    static final String MESSAGE = "The platform cannot reach its database just now, so nothing was read or changed."
            + " Try again in a few seconds.";

    private DatabaseOutage() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The pool gave up waiting for a connection it could not open, or a connection broke
            // mid-request and could not be given back (the pool's closed proxy has no SQL state).
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectionException
                    || cause instanceof DatabaseUnreachable) {
                return true;
            }
            if (cause instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 is a connection exception; 57P01–57P03 are the server shutting down or starting up. */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.matches("57P0[123]"));
    }
}
