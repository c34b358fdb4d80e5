package uk.trustplatform.api;

/**
 * An operation ran past its {@link RequestTimeLimit}: thrown inside the request's transaction so
 * that everything it wrote is rolled back, and by a web page whose operation was answered so.
 * Answered with a retryable 503 by {@link GraphQLExecutor} and {@link UnhandledExceptionHandler}.
 */
public final class TimeLimitExceeded extends RuntimeException {

    public TimeLimitExceeded(String message) {
        super(message, null, false, false);
    }
}
