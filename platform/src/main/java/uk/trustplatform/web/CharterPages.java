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
import org.jspecify.annotations.Nullable;

/** A partnership's charter of values, for anyone: what it believes, what it will do, and when children and young people reviewed it. */
@Controller("/{tenant}/charter")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class CharterPages {

    private final PartnershipPublications publications;
    private final PageTemplates templates;

    CharterPages(PartnershipPublications publications, PageTemplates templates) {
        this.publications = publications;
        this.templates = templates;
    }

    /** @param charter null when the partnership has published none */
    public record CharterPage(
            String partnershipName, @Nullable Charter charter) {}

    public record Published(Charter charter) {}

    public record Charter(String title, List<Value> values, List<Review> reviews) {}

    public record Value(String name, String belief, String commitment) {}

    public record Review(String date, String withGroup) {}

    @Get
    HttpResponse<String> show(String tenant, HttpRequest<?> request) {
        return publications.show(tenant, "pages/charter", Map.of("slug", tenant), request, found -> {
            Published published = found.answer().as("publishedConfiguration", Published.class);
            Charter charter = published == null ? null : published.charter();
            return templates.page(
                    "charter",
                    publications.layout(found, charter == null ? "Charter of values" : charter.title(), request),
                    new CharterPage(found.partnership().name(), charter));
        });
    }
}
