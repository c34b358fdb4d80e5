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

/** The standards frameworks a partnership uses, for anyone: each numbered standard with its criteria. */
@Controller("/{tenant}/standards")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class StandardsPages {

    private final PartnershipPublications publications;
    private final PageTemplates templates;

    StandardsPages(PartnershipPublications publications, PageTemplates templates) {
        this.publications = publications;
        this.templates = templates;
    }

    public record StandardsPage(String partnershipName, List<Framework> frameworks) {}

    public record Published(List<Framework> standardsFrameworks) {}

    public record Framework(String key, String name, String description, List<Standard> standards) {}

    public record Standard(String number, String title, String description, List<Criterion> criteria) {}

    public record Criterion(String number, String text) {}

    @Get
    HttpResponse<String> show(String tenant, HttpRequest<?> request) {
        return publications.show(tenant, "pages/standards", Map.of("slug", tenant), request, found -> {
            Published published = found.answer().as("publishedConfiguration", Published.class);
            return templates.page(
                    "standards",
                    publications.layout(found, "Standards", request),
                    new StandardsPage(
                            found.partnership().name(),
                            published == null ? List.of() : published.standardsFrameworks()));
        });
    }
}
