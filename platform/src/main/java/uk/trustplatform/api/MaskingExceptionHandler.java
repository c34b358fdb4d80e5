package uk.trustplatform.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception thrown while fetching a field into an error the caller may see: an
 * {@link ApiException} keeps its message; anything else is logged in full and shown only as
 * "internal error" with the request's correlation id, never with a stack trace or SQL.
 */
final class MaskingExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = unwrap(parameters.getException());
        GraphqlErrorBuilder<?> error =
                GraphqlErrorBuilder.newError().path(parameters.getPath()).location(parameters.getSourceLocation());
        GraphQLError shown;
        if (failure instanceof ApiException expected) {
            shown = coded(error, expected.code(), expected.getMessage());
        } else if (DatabaseOutage.causedBy(failure)) {
            LOG.warn("Database unreachable while fetching {}: {}", parameters.getPath(), failure.toString());
            shown = coded(error, ErrorCode.UNAVAILABLE, DatabaseOutage.MESSAGE);
        } else if (RequestTimeLimit.exceededBy(failure)) {
            // The statement timeout cancelled a statement: the executor rolls the operation back.
            RequestTimeLimit.Deadline deadline =
                    parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestTimeLimit.Deadline.class);
            shown = coded(error, ErrorCode.TIME_LIMIT_EXCEEDED, deadline.message());
        } else {
            RequestContext request =
                    parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestContext.class);
            String correlationId = request == null ? "none" : request.correlationId();
            LOG.error("Data fetcher for {} failed (correlation id {})", parameters.getPath(), correlationId, failure);
            shown = error.message("Internal error. Quote correlation id " + correlationId + " if you report it.")
                    .errorType(graphql.ErrorClassification.errorClassification(ErrorCode.INTERNAL_ERROR.name()))
                    .extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name(), "correlationId", correlationId))
                    .build();
        }
        return CompletableFuture.completedFuture(
                DataFetcherExceptionHandlerResult.newResult(shown).build());
    }

    private static GraphQLError coded(GraphqlErrorBuilder<?> error, ErrorCode code, String message) {
        return error.message(message)
                .errorType(graphql.ErrorClassification.errorClassification(code.name()))
                .extensions(Map.of("code", code.name()))
                .build();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException
                        || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
