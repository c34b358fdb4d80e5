package uk.trustplatform.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request body over {@code micronaut.server.max-request-size}: 413 with an error body that says
 * so and carries a code ({@code LIMIT_EXCEEDED}), like every other refusal, instead of an empty
 * body.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
final class RequestTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler.handle takes a raw HttpRequest.
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        GraphQLResponse refused = GraphQLExecutor.refused(ApiError.of(
                ErrorCode.LIMIT_EXCEEDED,
                "Request refused: the body is larger than the server accepts (" + exception.getMessage() + ")."));
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .body(refused.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
