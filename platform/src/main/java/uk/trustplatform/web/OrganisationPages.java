package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partner lead's own organisation: its details, services and people in roles, and the gaps the
 * board will see (no strategic lead, fewer champions than the partnership asks); and changing its
 * details.
 */
@Controller("/{tenant}/organisation")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OrganisationPages {

    static final List<Option> SECTORS = List.of(
            new Option("PUBLIC", "Public sector", "Councils, NHS bodies, police, schools run by the council"),
            new Option("VOLUNTARY_AND_COMMUNITY", "Voluntary and community", "Charities, community and faith groups"),
            new Option("PRIVATE", "Private"),
            new Option("INDEPENDENT", "Independent", "Independent schools and providers"));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    OrganisationPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** @param saved what was just saved, as the address says; null when nothing was */
    public record Overview(
            Organisation organisation,
            Map<String, String> categories,
            @Nullable String saved) {}

    public record Organisation(
            String id,
            String name,
            String organisationIdentifier,
            String category,
            String sector,
            boolean statutory,
            List<Service> services,
            List<Person> people,
            Gaps gaps) {}

    public record Service(String id, String name) {}

    public record Person(String id, String name, String jobTitle, String email, List<String> roles) {}

    public record Gaps(boolean hasStrategicLead, int participationChampions, int minimumParticipationChampions) {}

    public record Category(String code, String label) {}

    /** The details form: what is typed (or saved), what was wrong, and a conflict with a newer version. */
    public record Details(
            Form form, List<Option> sectors, @Nullable Conflict conflict) {}

    @Get
    HttpResponse<?> overview(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/yourOrganisation", Map.of("slug", tenant), member.get().caller(), request);
        Organisation organisation = answer.as("/viewer/partnerOrganisation", Organisation.class);
        if (organisation == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, String> categories = categories(answer);
        return templates.page(
                "yourOrganisation",
                members.layout(member.get(), organisation.name(), answer, request),
                new Overview(organisation, categories, request.getParameters().get("saved")));
    }

    @Get("/details")
    HttpResponse<?> details(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer saved = readDetails(member.get(), request);
        var organisation = saved.data().path("viewer").path("partnerOrganisation");
        if (!organisation.isObject()) {
            return errors.notFound(member.get().visitor(), request);
        }
        return templates.page(
                "organisationDetails",
                members.layout(member.get(), "Change your organisation's details", saved, request),
                new Details(Form.of(detailsOf(organisation)), SECTORS, null));
    }

    @Post(value = "/details", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeDetails(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("id", form.value("id"));
        input.put("version", form.value("version").matches("\\d{1,9}") ? Integer.parseInt(form.value("version")) : -1);
        input.put("name", form.value("name"));
        input.put("organisationIdentifier", form.value("organisationIdentifier"));
        input.put("sector", form.value("sector").isEmpty() ? null : form.value("sector"));
        input.put("category", form.value("category").isEmpty() ? null : form.value("category"));
        input.put("statutory", "true".equals(form.value("statutory")));
        input.put("parentId", form.value("parentId"));
        Submission submission = Submission.of(
                operations.run(
                        "pages/updateOrganisationDetails",
                        Map.of("input", input),
                        member.get().caller(),
                        request),
                "updatePartnerOrganisation",
                "name");
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create("/" + tenant + "/organisation?saved=details"));
        }
        if (submission.refusal() != null) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer saved = readDetails(member.get(), request);
        var organisation = saved.data().path("viewer").path("partnerOrganisation");
        Conflict conflict = null;
        Form shown = form.withErrors(submission.errors());
        if (submission.conflict()) {
            Map<String, String> theirs = detailsOf(organisation);
            conflict = Conflict.of(
                    organisation.path("lastChange"),
                    List.of(
                            new Conflict.Row("Name", theirs.get("name"), form.value("name")),
                            new Conflict.Row(
                                    "Identifier",
                                    theirs.get("organisationIdentifier"),
                                    form.value("organisationIdentifier")),
                            new Conflict.Row("Sector", label(theirs.get("sector")), label(form.value("sector")))));
            // Saving again replaces their version on purpose: the form now carries it.
            Map<String, List<String>> values = new HashMap<>(form.values());
            values.put("version", List.of(theirs.get("version")));
            shown = new Form(
                    values,
                    Map.of(
                            "conflict",
                            conflict.by() + " changed these details since you opened them: check both versions"));
        }
        return templates.page(
                HttpStatus.BAD_REQUEST,
                "organisationDetails",
                members.layout(member.get(), "Error: Change your organisation's details", saved, request),
                new Details(shown, SECTORS, conflict));
    }

    /** The partnership's partner categories, label by code, from a page operation that reads them. */
    static Map<String, String> categories(PageOperations.Answer answer) {
        Map<String, String> categories = new HashMap<>();
        answer.data()
                .path("vocabularies")
                .path("partnerCategories")
                .forEach(category -> categories.put(
                        category.path("code").asText(), category.path("label").asText()));
        return categories;
    }

    private PageOperations.Answer readDetails(MemberPages.Member member, HttpRequest<?> request) {
        return operations.run(
                "pages/organisationDetails", Map.of("slug", member.tenantSlug()), member.caller(), request);
    }

    private static Map<String, String> detailsOf(com.fasterxml.jackson.databind.JsonNode organisation) {
        Map<String, String> values = new HashMap<>();
        values.put("id", organisation.path("id").asText());
        values.put("version", organisation.path("version").asText());
        values.put("name", organisation.path("name").asText());
        values.put(
                "organisationIdentifier",
                organisation.path("organisationIdentifier").asText(""));
        values.put("sector", organisation.path("sector").asText(""));
        values.put("category", organisation.path("category").asText(""));
        values.put("statutory", String.valueOf(organisation.path("statutory").asBoolean()));
        values.put("parentId", organisation.path("parent").path("id").asText(""));
        return values;
    }

    /** A sector in words; "Not given" for none. */
    static String label(@Nullable String sector) {
        return SECTORS.stream()
                .filter(option -> option.value().equals(sector))
                .map(Option::label)
                .findFirst()
                .orElse("Not given");
    }
}
