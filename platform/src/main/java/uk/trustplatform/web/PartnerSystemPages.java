package uk.trustplatform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant admin's partner systems: an agency's own system (its case management, say) registered
 * as an API client that acts for that agency only; its secret shown once, on the page that
 * registers it, with the first steps of the partner guide; and withdrawn when the agency stops
 * using it.
 */
@Controller("/{tenant}/admin/integrations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PartnerSystemPages {

    private static final String AGENCY = "partnerOrganisationId";
    private static final String NAME = "name";

    /** Pages of agencies read for the choice of agency, each the most the API gives at once. */
    private static final int MOST_PAGES = 20;

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final TenantAdmins administrators;
    private final ErrorPages errors;
    private final String graphqlUrl;

    PartnerSystemPages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            TenantAdmins administrators,
            ErrorPages errors,
            @Value("${trust.public-url}") String publicUrl) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.administrators = administrators;
        this.errors = errors;
        this.graphqlUrl = publicUrl.replaceAll("/+$", "") + "/graphql";
    }

    public record Named(String id, String name) {}

    public record Integration(String clientId, String name, Named partnerOrganisation, String registeredAt) {

        public String agency() {
            return partnerOrganisation == null ? "" : partnerOrganisation.name();
        }

        public String withdrawHref(String slug) {
            return "/" + slug + "/admin/integrations/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "/withdraw";
        }
    }

    /** @param withdrawn the client id just withdrawn, for the banner; null otherwise */
    public record ListPage(
            String slug,
            List<Integration> integrations,
            @Nullable String withdrawn) {}

    public record RegisterPage(String slug, List<Option> agencies, Form form) {}

    /** The new system's credentials, shown this once, and how its developers start. */
    public record RegisteredPage(
            String slug,
            String agency,
            String name,
            String clientId,
            String clientSecret,
            String tokenUrl,
            String graphqlUrl) {}

    public record WithdrawPage(String slug, Integration integration) {}

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String withdrawn, HttpRequest<?> request) {
        TenantAdmins.Admin admin = administrators.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        PageOperations.Answer answer = read(admin.member(), request);
        if (answer.errorCode() != null) {
            return errors.refused(admin.member().visitor(), request, answer.errorCode(), answer.correlationId());
        }
        return templates.page(
                "partnerSystems",
                members.layout(admin.member(), "Partner systems", answer, request),
                new ListPage(tenant, answer.list("partnerIntegrations", Integration.class), withdrawn));
    }

    @Get("/new")
    HttpResponse<?> registering(String tenant, HttpRequest<?> request) {
        TenantAdmins.Admin admin = administrators.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        return registerPage(admin.member(), Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        TenantAdmins.Admin admin = administrators.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        MemberPages.Member member = admin.member();
        if (form.value(AGENCY).isEmpty()) {
            // No id is no ID the API could be sent: the page's to say.
            return registerPage(
                    member,
                    form.withErrors(Map.of(AGENCY, "Select the agency the system acts for")),
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(AGENCY, form.value(AGENCY));
        input.put(NAME, form.value(NAME));
        PageOperations.Answer answer =
                operations.run("pages/registerPartnerIntegration", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "registerPartnerIntegration", NAME);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (!submission.errors().isEmpty()) {
            return registerPage(member, form.withErrors(submission.errors()), HttpStatus.BAD_REQUEST, request);
        }
        var registered = submission.payload();
        Agencies agencies = agencies(member, request);
        String agency = agencies.options().stream()
                .filter(option -> option.value().equals(form.value(AGENCY)))
                .map(Option::label)
                .findFirst()
                .orElse("");
        // Shown, never stored or redirected to: the secret is in this answer alone (pages are no-store).
        return templates.page(
                "partnerSystemRegistered",
                members.layout(member, "Partner system registered", agencies.firstPage(), request),
                new RegisteredPage(
                        tenant,
                        agency,
                        form.value(NAME).strip(),
                        registered.path("clientId").asText(),
                        registered.path("clientSecret").asText(),
                        registered.path("tokenUrl").asText(),
                        graphqlUrl));
    }

    @Get("/{clientId}/withdraw")
    HttpResponse<?> withdrawing(String tenant, String clientId, HttpRequest<?> request) {
        TenantAdmins.Admin admin = administrators.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        PageOperations.Answer answer = read(admin.member(), request);
        Optional<Integration> integration = answer.list("partnerIntegrations", Integration.class).stream()
                .filter(found -> found.clientId().equals(clientId))
                .findFirst();
        if (integration.isEmpty()) {
            return errors.notFound(admin.member().visitor(), request);
        }
        return templates.page(
                "partnerSystemWithdraw",
                members.layout(admin.member(), "Withdraw " + integration.get().name(), answer, request),
                new WithdrawPage(tenant, integration.get()));
    }

    @Post(value = "/{clientId}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(String tenant, String clientId, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        TenantAdmins.Admin admin = administrators.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        MemberPages.Member member = admin.member();
        PageOperations.Answer answer = operations.run(
                "pages/withdrawPartnerIntegration",
                Map.of("input", Map.of("clientId", clientId)),
                member.caller(),
                request);
        Submission submission = Submission.of(answer, "withdrawPartnerIntegration", "clientId");
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (!submission.saved()) {
            // Someone withdrew it first, or it was never this partnership's.
            return errors.notFound(member.visitor(), request);
        }
        return HttpResponse.seeOther(URI.create(
                "/" + tenant + "/admin/integrations?withdrawn=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)));
    }

    private PageOperations.Answer read(MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/partnerSystems", Map.of("slug", member.tenantSlug()), member.caller(), request);
    }

    private HttpResponse<?> registerPage(
            MemberPages.Member member, Form form, HttpStatus status, HttpRequest<?> request) {
        Agencies agencies = agencies(member, request);
        String title = (form.hasErrors() ? "Error: " : "") + "Register a partner system";
        return templates.page(
                status,
                "partnerSystemRegister",
                members.layout(member, title, agencies.firstPage(), request),
                new RegisterPage(member.tenantSlug(), agencies.options(), form));
    }

    /** The agencies read, and the first page's answer (it names the partnership). */
    private record Agencies(PageOperations.Answer firstPage, List<Option> options) {}

    /** Every agency and service of the partnership, by name, for the choice of whom the system acts for. */
    private Agencies agencies(MemberPages.Member member, HttpRequest<?> request) {
        List<Option> agencies = new ArrayList<>();
        PageOperations.Answer first = null;
        String after = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("slug", member.tenantSlug());
            variables.put("after", after);
            PageOperations.Answer answer =
                    operations.run("pages/partnerSystemAgencies", variables, member.caller(), request);
            first = first == null ? answer : first;
            var listed = answer.data().path("partnerOrganisations");
            listed.path("edges")
                    .forEach(edge -> agencies.add(new Option(
                            edge.path("node").path("id").asText(),
                            edge.path("node").path("name").asText())));
            if (!listed.path("pageInfo").path("hasNextPage").asBoolean()) {
                break;
            }
            after = listed.path("pageInfo").path("endCursor").asText();
        }
        return new Agencies(Objects.requireNonNull(first, "the first page is always read"), List.copyOf(agencies));
    }
}
