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

/**
 * A partnership's guidance library, for anyone: the list of the guidance documents it has
 * published, each with whom it is for and when it is reviewed, and each document on a page of its
 * own at its key.
 */
@Controller("/{tenant}/guidance")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class GuidancePages {

    private final PartnershipPublications publications;
    private final PageTemplates templates;

    GuidancePages(PartnershipPublications publications, PageTemplates templates) {
        this.publications = publications;
        this.templates = templates;
    }

    /** @param documents by title; empty when the partnership has published none */
    public record LibraryPage(String slug, String partnershipName, List<Guidance> documents) {}

    public record DocumentPage(String slug, String partnershipName, Guidance document) {}

    public record Published(List<Guidance> guidance) {}

    public record Guidance(
            String key,
            String title,
            String audience,
            String source,
            String reviewDate,
            String reviewDue,
            Integer edition,
            String publishedAt,
            List<String> introduction,
            List<Section> sections) {

        /** When the document is reviewed, as exactly as it says: a day, or a month or season; null if it does not say. */
        public String review() {
            return reviewDate != null ? Dates.day(reviewDate) : reviewDue;
        }
    }

    public record Section(String heading, List<Block> body) {}

    public record Block(String subheading, String paragraph, List<String> items) {}

    @Get
    HttpResponse<String> library(String tenant, HttpRequest<?> request) {
        return publications.show(tenant, "pages/guidanceLibrary", Map.of("slug", tenant), request, found -> {
            Published published = found.answer().as("publishedConfiguration", Published.class);
            return templates.page(
                    "guidanceLibrary",
                    publications.layout(found, "Guidance", request),
                    new LibraryPage(
                            found.slug(),
                            found.partnership().name(),
                            published == null ? List.of() : published.guidance()));
        });
    }

    @Get("/{key}")
    HttpResponse<String> document(String tenant, String key, HttpRequest<?> request) {
        return publications.show(tenant, "pages/guidance", Map.of("slug", tenant, "key", key), request, found -> {
            Published published = found.answer().as("publishedConfiguration", Published.class);
            if (published == null || published.guidance().isEmpty()) {
                return publications.notFound(found, request);
            }
            Guidance document = published.guidance().getFirst();
            return templates.page(
                    "guidance",
                    publications.layout(found, document.title(), request),
                    new DocumentPage(found.slug(), found.partnership().name(), document));
        });
    }
}
