package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The pages GOV.UK services show when something is not there or went wrong. "Page not found" is
 * also the answer to a page of a partnership the visitor may not see, so that nobody can tell
 * another partnership's pages from missing ones.
 */
@Singleton
public final class ErrorPages {

    private final PageTemplates templates;
    private final Visitors visitors;

    ErrorPages(PageTemplates templates, Visitors visitors) {
        this.templates = templates;
        this.visitors = visitors;
    }

    /**
     * Why a page could not be shown: nothing but the correlation id of an internal error, when
     * there is one to quote.
     */
    public record Problem(@Nullable String correlationId) {}

    public MutableHttpResponse<String> notFound(Visitor visitor, HttpRequest<?> request) {
        return templates.page(
                HttpStatus.NOT_FOUND,
                "notFound",
                visitors.layout(visitor, "Page not found", null, request),
                new Problem(null));
    }

    /** A form that did not come from this session's page (no or a wrong form token): nothing was done. */
    public MutableHttpResponse<String> forbidden(Visitor visitor, HttpRequest<?> request) {
        return templates.page(
                HttpStatus.FORBIDDEN,
                "formExpired",
                visitors.layout(visitor, "Your form could not be sent", null, request),
                new Problem(null));
    }

    /**
     * A form the API refused as a whole ({@link Submission#refusal}): something the person may not
     * change is "page not found", as a page of theirs would be if it did not exist; anything else
     * is a problem with the service.
     */
    public MutableHttpResponse<String> refused(
            Visitor visitor, HttpRequest<?> request, String code, String correlationId) {
        return code.equals("FORBIDDEN") || code.equals("NOT_FOUND")
                ? notFound(visitor, request)
                : serviceProblem(visitor, request, correlationId);
    }

    /** A problem with the service; {@code correlationId} is null when there is no API answer to quote. */
    public MutableHttpResponse<String> serviceProblem(
            Visitor visitor, HttpRequest<?> request, @Nullable String correlationId) {
        return templates.page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "serviceProblem",
                visitors.layout(visitor, "Sorry, there is a problem with the service", null, request),
                new Problem(correlationId));
    }
}
