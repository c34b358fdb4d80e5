package uk.trustplatform.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How long one GraphQL operation (an API request, or a page's operation) may run: checked before
 * each field that does work, and given to the database as the request transaction's
 * {@code statement_timeout}, so a statement waiting on a lock or a busy database is cancelled
 * rather than holding a connection, and the caller a thread, indefinitely. Past it the whole
 * operation is rolled back and answered {@link ErrorCode#TIME_LIMIT_EXCEEDED}.
 */
@Singleton
public final class RequestTimeLimit {

    /** PostgreSQL's query_canceled: the statement timeout (or an operator's pg_cancel_backend, as retryable). */
    private static final String QUERY_CANCELED = "57014";

    private final Duration limit;

    RequestTimeLimit(@Value("${trust.request.time-limit-ms:10000}") long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("trust.request.time-limit-ms must be positive; it is " + millis);
        }
        this.limit = Duration.ofMillis(millis);
    }

    /** The limit in milliseconds, as PostgreSQL's {@code statement_timeout} takes it. */
    public long millis() {
        return limit.toMillis();
    }

    /** The deadline of an operation starting now. */
    Deadline start() {
        return new Deadline(System.nanoTime() + limit.toNanos(), message());
    }

    /** What a caller is told: the limit, that nothing was kept, and what to do; nothing about the database. */
    String message() {
        long millis = limit.toMillis();
        String length = millis % 1000 == 0 ? (millis / 1000) + " seconds" : millis + " milliseconds";
        return "The request ran longer than the platform allows one request (" + length
                + "), so it was stopped and nothing it changed was kept. Try again in a few seconds.";
    }

    /** Whether a failure is the time limit: passed between fields, or a statement the database cancelled for it. */
    static boolean exceededBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeLimitExceeded
                    || (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** When an operation must be done by; it travels in the execution's {@code GraphQLContext}. */
    record Deadline(long nanoTime, String message) {

        boolean passed() {
            return System.nanoTime() - nanoTime > 0;
        }
    }
}
