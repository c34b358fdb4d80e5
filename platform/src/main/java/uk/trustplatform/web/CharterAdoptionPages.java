package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The partnership's charter of values, for an agency's partner lead: adopting it as it is, or
 * personalising the agency's own copy (which keeps its link to the charter it came from), changing
 * the copy's words and publishing it; and what the agency has adopted.
 */
@Controller("/{tenant}/charter")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class CharterAdoptionPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    CharterAdoptionPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    public record Organisation(String id, String name) {}

    public record Charter(
            String id,
            String title,
            String status,
            int version,
            String publishedAt,
            List<Value> values,
            List<Review> reviews) {

        public Charter {
            values = values == null ? List.of() : values;
            reviews = reviews == null ? List.of() : reviews;
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }
    }

    public record Value(String name, String belief, String commitment) {}

    public record Review(String date, String withGroup) {}

    /** What the agency adopted: the partnership's charter, or its own copy. */
    public record Adoption(Organisation partnerOrganisation, Charter charter, boolean personalised, String adoptedAt) {}

    public record AdoptPage(
            Organisation organisation,
            @Nullable Charter charter,
            @Nullable Adoption adoption,
            Form form,
            @Nullable String banner) {}

    public record CopyPage(
            Organisation organisation,
            @Nullable Charter partnershipCharter,
            Adoption adoption,
            Form form,
            @Nullable String banner) {

        public Charter copy() {
            return adoption.charter();
        }
    }

    /**
     * What the page's operation answered, for the signed-in agency: the partnership's charter, if it
     * has published one, and the agency's adoption of it, if it has adopted it.
     */
    private record Found(
            PageOperations.Answer answer,
            Organisation organisation,
            @Nullable Charter charter,
            @Nullable Adoption adoption) {}

    @Get("/adopt")
    HttpResponse<?> adopting(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(member.get(), tenant, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return adoptPage(member.get(), found, Form.empty(), banner(done), HttpStatus.OK, request);
    }

    @Post(value = "/adopt", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> adopt(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Found found = read(member.get(), tenant, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        boolean personalise = form.value("personalise").equals("true");
        Map<String, Object> input = Map.of(
                "charterId", form.value("charterId"),
                "partnerOrganisationId", found.organisation().id(),
                "personalise", personalise);
        PageOperations.Answer adopted = operations.run(
                "pages/adoptCharter", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(adopted, "adoptCharter", "adopt");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), adopted.correlationId());
        }
        if (!submission.saved()) {
            Map<String, String> onTheButtons = new LinkedHashMap<>();
            submission.errors().values().forEach(message -> onTheButtons.putIfAbsent("adopt", message));
            return adoptPage(member.get(), found, form.withErrors(onTheButtons), null, HttpStatus.BAD_REQUEST, request);
        }
        return HttpResponse.seeOther(URI.create(
                "/" + tenant + (personalise ? "/charter/our-copy?done=copied" : "/charter/adopt?done=adopted")));
    }

    @Get("/our-copy")
    HttpResponse<?> copy(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(member.get(), tenant, request);
        if (found == null || found.adoption() == null || !found.adoption().personalised()) {
            return errors.notFound(member.get().visitor(), request);
        }
        return copyPage(
                member.get(), found, Form.of(saved(found.adoption().charter())), banner(done), HttpStatus.OK, request);
    }

    @Post(value = "/our-copy", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveCopy(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Found found = read(member.get(), tenant, request);
        if (found == null || found.adoption() == null || !found.adoption().personalised()) {
            return errors.notFound(member.get().visitor(), request);
        }
        Charter copy = found.adoption().charter();
        Map<String, Object> input = Map.of(
                "id", form.value("id"),
                "version", ActionPlanPages.number(form.value("version")),
                "charter", content(form, copy));
        PageOperations.Answer saved = operations.run(
                "pages/saveCharter", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(saved, "saveCharter", "charter-title");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), saved.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!submission.saved()) {
            Map<String, String> refused = new LinkedHashMap<>();
            submission
                    .errors()
                    .forEach((field, message) ->
                            refused.putIfAbsent(field.equals("id") ? "charter-title" : field, message));
            return copyPage(member.get(), found, form.withErrors(refused), null, HttpStatus.BAD_REQUEST, request);
        }
        return HttpResponse.seeOther(URI.create("/" + tenant + "/charter/our-copy?done=saved"));
    }

    @Post(value = "/our-copy/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publishCopy(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Found found = read(member.get(), tenant, request);
        if (found == null || found.adoption() == null || !found.adoption().personalised()) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input =
                Map.of("id", form.value("id"), "version", ActionPlanPages.number(form.value("version")));
        PageOperations.Answer published = operations.run(
                "pages/publishDocument", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(published, "publishDocument", "publish");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), published.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!submission.saved()) {
            Map<String, String> onTheButton = new LinkedHashMap<>();
            submission.errors().values().forEach(message -> onTheButton.putIfAbsent("publish", message));
            return copyPage(
                    member.get(),
                    found,
                    Form.of(saved(found.adoption().charter())).withErrors(onTheButton),
                    null,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        return HttpResponse.seeOther(URI.create("/" + tenant + "/charter/adopt?done=published"));
    }

    /** The copy's words as the form's fields: charter-title, charter-values-0-belief … as the API names them. */
    private static Map<String, String> saved(Charter copy) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", copy.id());
        fields.put("version", String.valueOf(copy.version()));
        fields.put("charter-title", copy.title());
        for (int i = 0; i < copy.values().size(); i++) {
            Value value = copy.values().get(i);
            fields.put("charter-values-" + i + "-name", value.name());
            fields.put("charter-values-" + i + "-belief", value.belief());
            fields.put("charter-values-" + i + "-commitment", value.commitment());
        }
        return fields;
    }

    /** The copy's content as typed; its values are the copy's own, one for each, and its reviews stay. */
    private static Map<String, Object> content(Form form, Charter copy) {
        List<Map<String, String>> values = new ArrayList<>();
        for (int i = 0; i < copy.values().size(); i++) {
            values.add(Map.of(
                    "name", form.value("charter-values-" + i + "-name"),
                    "belief", form.value("charter-values-" + i + "-belief"),
                    "commitment", form.value("charter-values-" + i + "-commitment")));
        }
        List<Map<String, String>> reviews = copy.reviews().stream()
                .map(review -> Map.of("date", review.date(), "withGroup", review.withGroup()))
                .toList();
        return Map.of("title", form.value("charter-title"), "values", values, "reviews", reviews);
    }

    private HttpResponse<?> adoptPage(
            MemberPages.Member member,
            Found found,
            Form form,
            @Nullable String banner,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = "Our charter of values";
        return templates.page(
                status,
                "charterAdopt",
                members.layout(member, form.hasErrors() ? "Error: " + title : title, found.answer(), request),
                new AdoptPage(found.organisation(), found.charter(), found.adoption(), form, banner));
    }

    private HttpResponse<?> copyPage(
            MemberPages.Member member,
            Found found,
            Form form,
            @Nullable String banner,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = "Our copy of the charter";
        Adoption adoption =
                Objects.requireNonNull(found.adoption(), "only an agency that adopted the charter has a copy");
        return templates.page(
                status,
                "charterCopy",
                members.layout(member, form.hasErrors() ? "Error: " + title : title, found.answer(), request),
                new CopyPage(found.organisation(), found.charter(), adoption, form, banner));
    }

    private @Nullable Found read(MemberPages.Member member, String tenant, HttpRequest<?> request) {
        PageOperations.Answer answer =
                operations.run("pages/charterAdoption", Map.of("slug", tenant), member.caller(), request);
        JsonNode organisation = answer.data().path("viewer").path("partnerOrganisation");
        if (!organisation.isObject()) {
            return null;
        }
        Organisation ours = answer.convert(organisation, Organisation.class);
        JsonNode charter = answer.data().path("publishedConfiguration").path("charter");
        Adoption adoption = answer.data()
                .path("charterAdoptions")
                .valueStream()
                .map(found -> answer.convert(found, Adoption.class))
                .filter(found -> found.partnerOrganisation() != null
                        && found.partnerOrganisation().id().equals(ours.id()))
                .findFirst()
                .orElse(null);
        return new Found(answer, ours, charter.isObject() ? answer.convert(charter, Charter.class) : null, adoption);
    }

    private static @Nullable String banner(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "adopted" -> "You have adopted the charter";
            case "copied" -> "Your copy of the charter has been started";
            case "saved" -> "Your copy of the charter has been saved";
            case "published" -> "Your copy of the charter has been published";
            default -> null;
        };
    }
}
