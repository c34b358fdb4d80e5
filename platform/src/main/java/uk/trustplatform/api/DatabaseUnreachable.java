package uk.trustplatform.api;

/**
 * The database could not be reached while a request was answered, found by a caller of the
 * executor in its answer's {@code UNAVAILABLE} error (a web page, whose own operation failed so):
 * answered, as every other outage is, with a retryable 503 by {@link UnhandledExceptionHandler}.
 */
public final class DatabaseUnreachable extends RuntimeException {

    public DatabaseUnreachable() {
        super(DatabaseOutage.MESSAGE, null, false, false);
    }
}
