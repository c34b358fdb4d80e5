package uk.trustplatform.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The answer to an exception no route or more specific handler dealt with, on any route: logged
 * in full under the request's correlation id, and shown only as a masked internal error, as
 * {@link GraphQLExecutor#masked} shows it (a short HTML page to a browser); a database that
 * cannot be reached just now, or a request stopped at its time limit, is a retryable 503, as the
 * API answers it. Without it Micronaut puts the exception's message, SQL included, in the body. Micronaut's handlers for the
 * exceptions it knows (a bad conversion, a refused authorization) are more specific and still
 * answer those.
 */
@Singleton
final class UnhandledExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledExceptionHandler.class);

    private final RequestTimeLimit timeLimit;

    UnhandledExceptionHandler(RequestTimeLimit timeLimit) {
        this.timeLimit = timeLimit;
    }

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler.handle takes a raw HttpRequest.
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String correlationId = CorrelationIdFilter.of(request);
        boolean outage = DatabaseOutage.causedBy(exception);
        boolean tooLong = !outage && RequestTimeLimit.exceededBy(exception);
        MDC.put("correlationId", correlationId);
        try {
            if (outage || tooLong) {
                LOG.warn(
                        "{} answering {} {} (correlation id {}): {}",
                        outage ? "Database unreachable" : "Time limit reached",
                        request.getMethodName(),
                        request.getPath(),
                        correlationId,
                        exception.toString());
            } else {
                LOG.error(
                        "Unhandled failure answering {} {} (correlation id {})",
                        request.getMethodName(),
                        request.getPath(),
                        correlationId,
                        exception);
            }
        } finally {
            MDC.remove("correlationId");
        }
        GraphQLResponse answer = outage
                ? GraphQLExecutor.refused(ApiError.of(ErrorCode.UNAVAILABLE, DatabaseOutage.MESSAGE))
                : tooLong
                        ? GraphQLExecutor.refused(ApiError.of(ErrorCode.TIME_LIMIT_EXCEEDED, timeLimit.message()))
                        : GraphQLExecutor.masked(correlationId);
        MutableHttpResponse<?> response = ServicePages.wanted(request)
                ? HttpResponse.status(answer.status())
                        .body(outage ? unavailablePage() : tooLong ? tooLongPage() : problemPage(correlationId))
                        .contentType(MediaType.TEXT_HTML_TYPE)
                : HttpResponse.status(answer.status()).body(answer.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (outage || tooLong) {
            // As the API says it (GraphQLEndpoint): the pool reconnects within seconds of the database's
            // return, and a lock or a busy moment that held a request past its limit has usually passed.
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response;
    }

    private static String problemPage(String correlationId) {
        return ServicePages.page(
                "Sorry, there is a problem with the service",
                "Try again later. If you report it, quote correlation id " + correlationId + ".");
    }

    /** GOV.UK's "service unavailable" pattern: what happened and when to try again, nothing technical. */
    private static String unavailablePage() {
        return ServicePages.page(
                "Sorry, the service is unavailable", "Try again in a few seconds. Nothing you sent was saved.");
    }

    private static String tooLongPage() {
        return ServicePages.page(
                "Sorry, the service took too long to answer",
                "Try again in a few seconds. Nothing you sent was saved.");
    }
}
