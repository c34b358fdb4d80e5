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

/** What a partnership publishes, for anyone: its home page. */
@Controller("/{tenant}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PartnershipPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final Visitors visitors;
    private final ErrorPages errors;

    PartnershipPages(PageOperations operations, PageTemplates templates, Visitors visitors, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.visitors = visitors;
        this.errors = errors;
    }

    /** A partnership's home; what it publishes and its pledge register are null while it is not active. */
    public record Home(
            Tenant tenant,
            @Nullable Published published,
            @Nullable Register register) {}

    public record Tenant(String slug, String name, String kind, String region, List<Council> councils) {}

    public record Council(String gssCode, String name, String validFrom, String validTo, String predecessorGssCode) {}

    public record Published(
            List<Strategy> strategies,
            Charter charter,
            List<Framework> standardsFrameworks,
            Pledge pledge,
            List<Guidance> guidance) {}

    public record Strategy(String key, String title, int periodStart, int periodEnd) {}

    public record Charter(String title) {}

    public record Framework(String key, String name) {}

    public record Pledge(String title) {}

    public record Guidance(String title) {}

    public record Register(List<Entry> entries) {}

    public record Entry(String name) {}

    @Get
    HttpResponse<String> home(String tenant, HttpRequest<?> request) {
        Visitor visitor = visitors.tenantVisitor(request, tenant);
        PageOperations.Answer answer =
                operations.run("pages/partnershipHome", Map.of("slug", tenant), visitor.caller(), request);
        Tenant found = answer.as("tenant", Tenant.class);
        if (found == null) {
            return errors.notFound(visitor, request);
        }
        Home page = new Home(
                found,
                answer.as("publishedConfiguration", Published.class),
                answer.as("publicPledgeRegister", Register.class));
        return templates.page(
                "partnershipHome",
                visitors.layout(visitor, found.name(), new Layout.Partnership(found.slug(), found.name()), request),
                page);
    }
}
