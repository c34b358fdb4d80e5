package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;

/** The platform's own pages: the list of partnerships, the accessibility statement, the privacy notice. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PublicPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final Visitors visitors;

    PublicPages(PageOperations operations, PageTemplates templates, Visitors visitors) {
        this.operations = operations;
        this.templates = templates;
        this.visitors = visitors;
    }

    /** The partnerships on the platform. */
    public record Partnerships(List<Partnership> partnerships) {}

    public record Partnership(String slug, String name, String kind, String region, List<Council> councils) {}

    public record Council(String gssCode, String name) {}

    /** A page with nothing of its own to show but text. */
    public record Text() {}

    @Get
    HttpResponse<String> home(HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        Partnerships page = new Partnerships(operations
                .run("pages/partnerships", Map.of(), visitor.caller(), request)
                .list("partnerships", Partnership.class));
        return templates.page("partnerships", visitors.layout(visitor, "Partnerships", null, request), page);
    }

    @Get("/accessibility")
    HttpResponse<String> accessibility(HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        return templates.page(
                "accessibility", visitors.layout(visitor, "Accessibility statement", null, request), new Text());
    }

    @Get("/privacy")
    HttpResponse<String> privacy(HttpRequest<?> request) {
        Visitor visitor = visitors.platformVisitor(request);
        return templates.page("privacy", visitors.layout(visitor, "Privacy notice", null, request), new Text());
    }
}
