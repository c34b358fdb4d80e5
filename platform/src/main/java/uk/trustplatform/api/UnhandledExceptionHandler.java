package uk.trustplatform.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The answer to an exception no route or more specific handler dealt with, on any route: logged
 * in full under the request's correlation id, and shown only as a masked internal error, as
 * {@link GraphQLExecutor#masked} shows it (a short HTML page to a browser). Without it Micronaut
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
        MDC.put("correlationId", correlationId);
        try {
            LOG.error(
                    "Unhandled failure answering {} {} (correlation id {})",
                    request.getMethodName(),
                    request.getPath(),
                    correlationId,
                    exception);
        } finally {
            MDC.remove("correlationId");
        }
        GraphQLResponse masked = GraphQLExecutor.masked(correlationId);
        Collection<MediaType> accepted = ((HttpRequest<?>) request).accept();
        if (accepted.stream().anyMatch(type -> type.getName().equals(MediaType.TEXT_HTML))) {
            return HttpResponse.status(masked.status())
                    .body(page(correlationId))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.status(masked.status()).body(masked.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String page(String correlationId) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sorry, there is a problem – Trust Platform</title></head>
                <body>
                <main>
                  <h1>Sorry, there is a problem with the service</h1>
                  <p>Try again later. If you report it, quote correlation id %s.</p>
                </main>
                </body>
                </html>
                """.formatted(correlationId);
    }
}
