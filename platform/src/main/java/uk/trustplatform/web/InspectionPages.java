package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import uk.trustplatform.web.DocumentForm.Control;
import uk.trustplatform.web.DocumentForm.Part;

/**
 * Inspections by young inspectors, as the participation worker who facilitated them keeps them:
 * the list, one inspection, recording it (young inspectors added one at a time, the answers to the
 * partnership's questions, findings and recommendations), reporting it with the kite mark decision,
 * and the service's response to each recommendation.
 */
@Controller("/{tenant}/inspections")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class InspectionPages {

    /** What every free-text answer about an inspection warns its writer. */
    public static final String NAME_NO_CHILD =
            "Do not name any child or young person, or say anything that would identify one.";

    private static final String FORM = "inspection";
    private static final Map<String, String> DONE = Map.of(
            "recorded", "Inspection recorded",
            "changed", "Inspection changed",
            "reported", "Inspection reported: its findings and recommendations are final",
            "responded", "Response recorded",
            "codeWithdrawn", "Feedback code withdrawn: it no longer works");
    private static final List<Option> KITE_MARK =
            List.of(new Option("true", "Yes, award the kite mark"), new Option("false", "No, withhold the kite mark"));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    InspectionPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    public record Named(String name) {}

    public record Organisation(String id, String name) {}

    public record Organisations(List<OrganisationEdge> edges) {}

    public record OrganisationEdge(Organisation node) {}

    public record AgeBand(String label, int fromAge, int toAge) {}

    public record Question(String code, String label) {}

    public record Terms(List<AgeBand> ageBands, List<Question> inspectionQuestions) {}

    public record Published(Terms termsInForce) {}

    public record YoungInspector(String name, String ageBand) {}

    public record Answer(String question, String questionText, String answer) {}

    public record Recommendation(int number, String text, String response, String respondedOn) {}

    /** An inspection as the API gave it. */
    public record Inspection(
            String id,
            Integer version,
            String status,
            String serviceName,
            String inspectedOn,
            String findings,
            Boolean kiteMarkAwarded,
            String reportedOn,
            String kiteMarkExpiresOn,
            Boolean kiteMarkExpired,
            Named partnerOrganisation,
            List<YoungInspector> inspectors,
            List<Answer> answers,
            List<Recommendation> recommendations,
            FeedbackCodePages.CodeState feedbackCode,
            FeedbackCodePages.HeardBack heardBack,
            JsonNode lastChange) {

        String service() {
            return serviceName == null ? partnerOrganisation.name() : serviceName + ", " + partnerOrganisation.name();
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }
    }

    public record Edge(Inspection node) {}

    public record Inspections(List<Edge> edges) {}

    /** One row of the list; {@code kiteMark} while its kite mark holds (not when withheld or expired). */
    public record Row(
            String href, String service, String inspectedOn, String status, String colour, boolean kiteMark) {}

    public record ListPage(List<Row> rows, boolean canRecord) {}

    /** One inspection's page, with what the signed-in person may do next. */
    public record InspectionPage(
            String href,
            Inspection inspection,
            String status,
            String colour,
            boolean canKeep,
            @Nullable String done) {}

    public record FormPage(
            String heading,
            String action,
            String backHref,
            String submitLabel,
            Form form,
            @Nullable Conflict conflict,
            List<DocumentForm.Piece> pieces) {}

    /** The report's or a response's page: a few questions about one inspection; no recommendation for the report. */
    public record DecisionPage(
            String action,
            String backHref,
            Inspection inspection,
            @Nullable Recommendation recommendation,
            Form form,
            @Nullable Conflict conflict,
            List<Option> kiteMark) {}

    @Get
    HttpResponse<?> list(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/inspections", Map.of("slug", tenant), member.get().caller(), request);
        if (answer.errorCode() != null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Inspections inspections = Objects.requireNonNull(
                answer.as("inspections", Inspections.class),
                "the schema's inspections is non-null, and an answer with errors is refused first");
        List<Row> rows = inspections.edges().stream()
                .map(Edge::node)
                .map(inspection -> new Row(
                        href(tenant, inspection.id()),
                        inspection.service(),
                        Dates.day(inspection.inspectedOn()),
                        Labels.of(inspection.status()),
                        colour(inspection.status()),
                        Boolean.FALSE.equals(inspection.kiteMarkExpired())))
                .toList();
        return templates.page(
                "inspections",
                members.layout(member.get(), "Inspections by young inspectors", answer, request),
                new ListPage(rows, keeps(answer)));
    }

    @Get("/{id}")
    HttpResponse<?> show(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Inspection inspection = inspection(read);
        if (inspection == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return templates.page(
                "inspection",
                members.layout(member.get(), "Inspection of " + inspection.service(), read, request),
                new InspectionPage(
                        href(tenant, id),
                        inspection,
                        Labels.of(inspection.status()),
                        colour(inspection.status()),
                        keeps(read),
                        done == null ? null : DONE.get(done)));
    }

    @Get("/new")
    HttpResponse<?> record(String tenant, HttpRequest<?> request) {
        return withForm(
                tenant,
                null,
                request,
                (member, read, inspection, shape) ->
                        form(member, read, null, shape, Form.empty(), null, HttpStatus.OK, request));
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recordSubmitted(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(tenant, null, body, request);
    }

    @Get("/{id}/change")
    HttpResponse<?> change(String tenant, String id, HttpRequest<?> request) {
        return withForm(
                tenant,
                id,
                request,
                (member, read, inspection, shape) -> form(
                        member,
                        read,
                        inspection,
                        shape,
                        Form.of(shape.saved(content(Objects.requireNonNull(
                                inspection, "a change is shown only for the draft its id names")))),
                        null,
                        HttpStatus.OK,
                        request));
    }

    @Post(value = "/{id}/change", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeSubmitted(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(tenant, id, body, request);
    }

    /** What a form page does with what was read; no inspection while one is recorded. */
    @FunctionalInterface
    private interface FormStep {
        HttpResponse<?> show(
                MemberPages.Member member,
                PageOperations.Answer read,
                @Nullable Inspection inspection,
                DocumentForm shape);
    }

    /** Reads the form's terms (and, with an id, the draft) and hands them on; a draft that is gone or reported is not found. */
    private HttpResponse<?> withForm(String tenant, @Nullable String id, HttpRequest<?> request, FormStep step) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = operations.run(
                "pages/inspectionForm",
                Map.of("slug", tenant, "id", id == null ? "" : id, "changing", id != null),
                member.get().caller(),
                request);
        Inspection inspection = inspection(read);
        if (id != null && (inspection == null || !inspection.draft())) {
            return errors.notFound(member.get().visitor(), request);
        }
        return step.show(member.get(), read, inspection, shape(read, id == null));
    }

    private HttpResponse<?> submitted(
            String tenant, @Nullable String id, @Nullable String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        return withForm(tenant, id, request, (member, read, inspection, shape) -> {
            if (!Visitors.csrfMatches(member.visitor(), form)) {
                return errors.forbidden(member.visitor(), request);
            }
            if (DocumentForm.changesRows(form)) {
                return form(member, read, inspection, shape, shape.rowsChanged(form), null, HttpStatus.OK, request);
            }
            Map<String, Object> content = shape.content(form);
            List<String> answered = new ArrayList<>();
            Map<String, Object> input = input(content, answered);
            if (inspection != null) {
                input.put("id", inspection.id());
                input.put("version", ActionPlanPages.number(form.value("version")));
            }
            PageOperations.Answer answer =
                    operations.run("pages/saveInspection", Map.of("input", input), member.caller(), request);
            Submission submission = Submission.of(answer, "saveInspection", "serviceName");
            if (submission.refusal() != null) {
                return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
            }
            if (submission.saved()) {
                String saved =
                        submission.payload().path("inspection").path("id").asText();
                return HttpResponse.seeOther(
                        URI.create(href(tenant, saved) + "?done=" + (inspection == null ? "recorded" : "changed")));
            }
            // Only a change carries a version that can conflict: a recorded inspection is new.
            Conflict conflict = null;
            Form again = form;
            if (inspection != null && submission.conflict()) {
                conflict = Conflict.of(
                        Objects.requireNonNullElse(inspection.lastChange(), NullNode.getInstance()),
                        shape.differences(shape.saved(content(inspection)), form));
                again = withVersion(form, inspection.version());
            }
            return form(
                    member,
                    read,
                    inspection,
                    shape,
                    again.withErrors(shape.errors(onForm(submission.errors(), answered))),
                    conflict,
                    HttpStatus.BAD_REQUEST,
                    request);
        });
    }

    /** The save mutation's input from the form's content: the answers as a list, blanks left out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(Map<String, Object> content, List<String> answered) {
        Map<String, Object> input = new LinkedHashMap<>(content);
        List<Map<String, Object>> answers = new ArrayList<>();
        Map<String, Object> given = (Map<String, Object>) content.get("answers");
        if (given != null) {
            given.forEach((question, words) -> {
                if (words != null && !words.toString().isBlank()) {
                    answered.add(question);
                    answers.add(Map.of("question", question, "answer", words));
                }
            });
        }
        input.put("answers", answers);
        input.values().removeIf(Objects::isNull);
        return input;
    }

    /** The API's refusals on the form's fields: an answer's by its question, every other by its path. */
    private static Map<String, String> onForm(Map<String, String> refused, List<String> answered) {
        Map<String, String> placed = new LinkedHashMap<>();
        refused.forEach((field, message) -> {
            String[] path = field.split("-");
            String named = path.length > 1 && path[0].equals("answers") && path[1].matches("\\d+")
                    ? "answers-" + answered.get(Integer.parseInt(path[1]))
                    : field;
            placed.putIfAbsent(FORM + "-" + named, message);
        });
        return placed;
    }

    private static Form withVersion(Form form, Integer version) {
        Map<String, List<String>> kept = new LinkedHashMap<>(form.values());
        kept.put("version", List.of(String.valueOf(version)));
        return new Form(kept, Map.of());
    }

    private HttpResponse<?> form(
            MemberPages.Member member,
            PageOperations.Answer read,
            @Nullable Inspection inspection,
            DocumentForm shape,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        boolean changing = inspection != null;
        Form shown =
                inspection != null && form.value("version").isEmpty() ? withVersion(form, inspection.version()) : form;
        String heading = changing ? "Change the inspection" : "Record an inspection";
        FormPage page = new FormPage(
                heading,
                inspection != null ? href(tenant, inspection.id()) + "/change" : "/" + tenant + "/inspections/new",
                inspection != null ? href(tenant, inspection.id()) : "/" + tenant + "/inspections",
                changing ? "Save the changes" : "Record the inspection",
                shown.withErrors(form.errors()),
                conflict,
                shape.pieces(shown));
        String title = (form.hasErrors() ? "Error: " : "") + heading + " – Inspections";
        return templates.page(status, "inspectionForm", members.layout(member, title, read, request), page);
    }

    /** The form's questions: the organisation (for someone who keeps several), then the inspection's own. */
    private static DocumentForm shape(PageOperations.Answer read, boolean recording) {
        Published published = read.as("publishedConfiguration", Published.class);
        Terms terms = published == null ? new Terms(List.of(), List.of()) : published.termsInForce();
        List<Part> parts = new ArrayList<>();
        Organisations organisations = read.as("partnerOrganisations", Organisations.class);
        if (recording && organisations != null) {
            parts.add(Part.choice(
                    "partnerOrganisationId",
                    "Which organisation was inspected?",
                    withSelect(
                            "Select an organisation",
                            organisations.edges().stream()
                                    .map(edge -> new Option(
                                            edge.node().id(), edge.node().name())))));
        }
        parts.add(Part.text("serviceName", "Which of its services was inspected? (optional)")
                .optional()
                .hint("What the service is called, for example the youth club on Canterbury Street. Leave this"
                        + " blank if the whole organisation was inspected."));
        parts.add(Part.date("inspectedOn", "When was the inspection?"));
        parts.add(Part.list(
                "inspectors",
                "Young inspectors",
                "young inspector",
                Part.text("name", "First name or chosen name")
                        .hint("One word only, the name they chose to use: no surname, email address or phone number."),
                Part.choice(
                        "ageBand",
                        "Age band",
                        withSelect(
                                "Select an age band",
                                terms.ageBands().stream()
                                        .map(band -> new Option(
                                                band.label(),
                                                band.label() + " (" + band.fromAge() + " to " + band.toAge()
                                                        + ")"))))));
        if (!terms.inspectionQuestions().isEmpty()) {
            parts.add(Part.group(
                    "answers",
                    "The young inspectors' answers",
                    terms.inspectionQuestions().stream()
                            .map(question -> Part.textarea(question.code(), question.label())
                                    .optional()
                                    .hint("In their words. " + NAME_NO_CHILD))
                            .toArray(Part[]::new)));
        }
        parts.add(Part.textarea("findings", "What did the young inspectors find? (optional until you report it)")
                .optional()
                .hint("Their findings, in their words. " + NAME_NO_CHILD));
        Part recommendation = new Part(
                "", "Recommendation", NAME_NO_CHILD, Control.TEXTAREA, true, "recommendation", List.of(), List.of());
        parts.add(new Part(
                "recommendations",
                "Their recommendations",
                null,
                Control.LIST,
                false,
                "recommendation",
                List.of(recommendation),
                List.of()));
        return new DocumentForm(FORM, List.copyOf(parts));
    }

    /**
     * A required select's choices after an empty first one, so that a select nobody touched sends
     * nothing and the API's REQUIRED error says so, instead of the first choice being sent unseen.
     */
    private static List<Option> withSelect(String prompt, Stream<Option> choices) {
        return Stream.concat(Stream.of(new Option("", prompt)), choices).toList();
    }

    /** A saved inspection in the form's shape: the answers by question. */
    private static JsonNode content(Inspection inspection) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode content = json.objectNode();
        content.put("serviceName", inspection.serviceName());
        content.put("inspectedOn", inspection.inspectedOn());
        content.set(
                "inspectors",
                json.arrayNode()
                        .addAll(inspection.inspectors().stream()
                                .map(inspector -> (JsonNode) json.objectNode()
                                        .put("name", inspector.name())
                                        .put("ageBand", inspector.ageBand()))
                                .toList()));
        ObjectNode answers = json.objectNode();
        inspection.answers().forEach(answer -> answers.put(answer.question(), answer.answer()));
        content.set("answers", answers);
        content.put("findings", inspection.findings());
        content.set(
                "recommendations",
                json.arrayNode()
                        .addAll(inspection.recommendations().stream()
                                .map(recommendation -> (JsonNode) json.textNode(recommendation.text()))
                                .toList()));
        return content;
    }

    @Get("/{id}/report")
    HttpResponse<?> report(String tenant, String id, HttpRequest<?> request) {
        return decision(tenant, id, null, null, request);
    }

    @Post(value = "/{id}/report", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reportSubmitted(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return decision(tenant, id, null, FormBody.parse(body), request);
    }

    @Get("/{id}/recommendations/{number}")
    HttpResponse<?> respond(String tenant, String id, String number, HttpRequest<?> request) {
        return decision(tenant, id, recommendationNumber(number), null, request);
    }

    @Post(value = "/{id}/recommendations/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> respondSubmitted(
            String tenant, String id, String number, @Nullable @Body String body, HttpRequest<?> request) {
        return decision(tenant, id, recommendationNumber(number), FormBody.parse(body), request);
    }

    /** The recommendation an address names; one that is no number names none, and its page is not found. */
    private static int recommendationNumber(String number) {
        return number.matches("\\d{1,4}") ? Integer.parseInt(number) : 0;
    }

    /**
     * The report (no {@code number}) or the response to recommendation {@code number}: shown, or
     * (with a posted form) made. Reporting needs a draft, responding a reported inspection.
     */
    private HttpResponse<?> decision(
            String tenant, String id, @Nullable Integer number, @Nullable Form posted, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        Inspection inspection = inspection(read);
        if (inspection == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Recommendation recommendation = number == null
                ? null
                : inspection.recommendations().stream()
                        .filter(each -> each.number() == number)
                        .findFirst()
                        .orElse(null);
        boolean reachable = number == null ? inspection.draft() : !inspection.draft() && recommendation != null;
        if (!reachable) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (posted == null) {
            return decisionPage(
                    member.get(),
                    read,
                    inspection,
                    recommendation,
                    answers(recommendation),
                    null,
                    HttpStatus.OK,
                    request);
        }
        if (!Visitors.csrfMatches(member.get().visitor(), posted)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        String mutation = number == null ? "reportInspection" : "respondToRecommendation";
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", inspection.id());
        input.put("version", ActionPlanPages.number(posted.value("version")));
        if (number == null) {
            String kiteMark = posted.value("kiteMarkAwarded");
            input.put("kiteMarkAwarded", kiteMark.isEmpty() ? null : Boolean.valueOf(kiteMark));
        } else {
            input.put("number", number);
            input.put("response", posted.value("response"));
            input.put("respondedOn", DateFields.iso(posted, "respondedOn"));
        }
        PageOperations.Answer answer = operations.run(
                "pages/" + mutation, Map.of("input", input), member.get().caller(), request);
        List<String> questions = number == null ? List.of("kiteMarkAwarded") : List.of("response", "respondedOn");
        Submission submission = Submission.of(answer, mutation, questions.getFirst());
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(
                    URI.create(href(tenant, id) + "?done=" + (number == null ? "reported" : "responded")));
        }
        Conflict conflict = submission.conflict()
                ? Conflict.of(
                        Objects.requireNonNullElse(inspection.lastChange(), NullNode.getInstance()),
                        recommendation == null
                                ? List.of()
                                : List.of(new Conflict.Row(
                                        "Response",
                                        Objects.requireNonNullElse(recommendation.response(), "Not given"),
                                        posted.value("response"))))
                : null;
        Form again = conflict == null ? posted : withVersion(posted, inspection.version());
        return decisionPage(
                member.get(),
                read,
                inspection,
                recommendation,
                again.withErrors(DateFields.worded(
                        onQuestions(submission.errors(), questions),
                        posted,
                        Map.of("respondedOn", "the date the service responded"))),
                conflict,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /** The API's refusals on the page's questions; one about the inspection as a whole (no findings yet) on the first. */
    private static Map<String, String> onQuestions(Map<String, String> refused, List<String> questions) {
        Map<String, String> placed = new LinkedHashMap<>();
        refused.forEach((field, message) -> placed.merge(
                questions.contains(field) ? field : questions.getFirst(), message, (one, other) -> one + " " + other));
        return placed;
    }

    private static Form answers(@Nullable Recommendation recommendation) {
        Map<String, String> values = new LinkedHashMap<>();
        if (recommendation != null && recommendation.response() != null) {
            values.put("response", recommendation.response());
            values.putAll(DateFields.of("respondedOn", recommendation.respondedOn()));
        }
        return Form.of(values);
    }

    private HttpResponse<?> decisionPage(
            MemberPages.Member member,
            PageOperations.Answer read,
            Inspection inspection,
            @Nullable Recommendation recommendation,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String href = href(member.tenantSlug(), inspection.id());
        Form shown = form.value("version").isEmpty() ? withVersion(form, inspection.version()) : form;
        String heading = recommendation == null
                ? "Report the inspection"
                : "Record the service's response to recommendation " + recommendation.number();
        String title = (form.hasErrors() ? "Error: " : "") + heading + " – Inspections";
        return templates.page(
                status,
                recommendation == null ? "inspectionReport" : "inspectionResponse",
                members.layout(member, title, read, request),
                new DecisionPage(
                        recommendation == null
                                ? href + "/report"
                                : href + "/recommendations/" + recommendation.number(),
                        href,
                        inspection,
                        recommendation,
                        shown.withErrors(form.errors()),
                        conflict,
                        KITE_MARK));
    }

    private PageOperations.Answer read(String tenant, String id, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/inspection", Map.of("slug", tenant, "id", id), member.caller(), request);
    }

    private static @Nullable Inspection inspection(PageOperations.Answer read) {
        Inspection inspection = read.as("inspection", Inspection.class);
        return inspection == null || inspection.id() == null ? null : inspection;
    }

    /** Whether the signed-in person keeps inspections (a tenant admin, a partner lead); the API decides which. */
    private static boolean keeps(PageOperations.Answer read) {
        List<String> roles = new ArrayList<>();
        read.data().path("viewer").path("roles").forEach(role -> roles.add(role.asText()));
        return roles.contains("TENANT_ADMIN") || roles.contains("PARTNER_LEAD");
    }

    private static String colour(String status) {
        return switch (status) {
            case "DRAFT" -> "light-blue";
            case "REPORTED" -> "yellow";
            default -> "green";
        };
    }

    static String href(String tenant, String id) {
        return "/" + tenant + "/inspections/" + id;
    }
}
