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
 * cannot be reached just now is a retryable 503, as the API answers it. Without it Micronaut
 * puts the exception's message, SQL included, in the body. Micronaut's handlers for the
 * exceptions it knows (a bad conversion, a refused authorization) are more specific and still
 * answer those.
 */
@Singleton
final class UnhandledExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String correlationId = CorrelationIdFilter.of(request);
        boolean outage = DatabaseOutage.causedBy(exception);
        MDC.put("correlationId", correlationId);
        try {
            if (outage) {
                LOG.warn(
                        "Database unreachable answering {} {} (correlation id {}): {}",
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
                : GraphQLExecutor.masked(correlationId);
        MutableHttpResponse<?> response = wantsPage(request)
                ? HttpResponse.status(answer.status())
                        .body(outage ? unavailablePage() : problemPage(correlationId))
                        .contentType(MediaType.TEXT_HTML_TYPE)
                : HttpResponse.status(answer.status()).body(answer.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (outage) {
            // As the API says it (GraphQLEndpoint): the pool reconnects within seconds of the database's return.
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response;
    }

    private static boolean wantsPage(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> type.getName().equals(MediaType.TEXT_HTML));
    }

    private static String problemPage(String correlationId) {
        return page(
                "Sorry, there is a problem with the service",
                "Try again later. If you report it, quote correlation id " + correlationId + ".");
    }

    /** GOV.UK's "service unavailable" pattern: what happened and when to try again, nothing technical. */
    private static String unavailablePage() {
        return page("Sorry, the service is unavailable", "Try again in a few seconds. Nothing you sent was saved.");
    }

    /** A page that needs nothing the failure may have taken away: no template, no session, no data. */
    private static String page(String heading, String text) {
        return """
                <!DOCTYPE html>
                <html lang="en" class="govuk-template">
                <head><meta charset="utf-8"><title>%1$s – Trust Platform</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css"></head>
                <body class="govuk-template__body">
                <header class="govuk-header"><div class="govuk-header__container govuk-width-container">
                <span class="govuk-header__logotype-text">Trust Platform</span></div></header>
                <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">%1$s</h1>
                <p class="govuk-body">%2$s</p>
                </main></div>
                </body>
                </html>
                """.formatted(heading, text);
    }
}
