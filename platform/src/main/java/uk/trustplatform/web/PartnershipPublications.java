package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Function;

/**
 * What every page a partnership publishes does first: runs the page's operation as the visitor
 * and finds the partnership in its {@code tenant} field, or answers "page not found" for an
 * address that names no partnership anyone may see, exactly as for a missing page.
 */
@Singleton
public final class PartnershipPublications {

    private final PageOperations operations;
    private final Visitors visitors;
    private final ErrorPages errors;

    PartnershipPublications(PageOperations operations, Visitors visitors, ErrorPages errors) {
        this.operations = operations;
        this.visitors = visitors;
        this.errors = errors;
    }

    /** A published page's operation as answered, and the partnership it belongs to. */
    public record Found(Visitor visitor, PageOperations.Answer answer, Layout.Partnership partnership) {

        public String slug() {
            return partnership.slug();
        }
    }

    /**
     * Runs {@code operation} (whose variables hold the partnership's {@code slug}) and hands what
     * it found to {@code page}, or answers "page not found" or the service's problem page.
     */
    public HttpResponse<String> show(
            String tenant,
            String operation,
            Map<String, Object> variables,
            HttpRequest<?> request,
            Function<Found, HttpResponse<String>> page) {
        Visitor visitor = visitors.tenantVisitor(request, tenant);
        if (!Visitors.isSlug(tenant)) {
            return errors.notFound(visitor, request);
        }
        PageOperations.Answer answer = operations.run(operation, variables, visitor.caller(), request);
        if ("INTERNAL_ERROR".equals(answer.errorCode())) {
            return errors.serviceProblem(visitor, request, answer.correlationId());
        }
        JsonNode name = answer.data().path("tenant").path("name");
        if (!name.isTextual()) {
            return errors.notFound(visitor, request);
        }
        return page.apply(new Found(visitor, answer, new Layout.Partnership(tenant, name.asText())));
    }

    public Layout layout(Found found, String title, HttpRequest<?> request) {
        return visitors.layout(found.visitor(), title, found.partnership(), request);
    }

    /** "Page not found", for an address below a partnership's page that names nothing it published. */
    public HttpResponse<String> notFound(Found found, HttpRequest<?> request) {
        return errors.notFound(found.visitor(), request);
    }
}
