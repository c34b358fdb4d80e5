package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.trustplatform.web.TypedValues.Typed;

/**
 * Youth forums' recommendations: the list (open, overdue, answered), recording one as the
 * participation worker, correcting it before it is answered, and answering one ("you said, we
 * did") with its outcome and why.
 */
@Controller("/{tenant}/youth-forums")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class YouthForumPages {

    private static final List<String> RECORD_QUESTIONS =
            List.of("forum", "madeOn", "recommendation", "addressedTo", "partnerOrganisationId");
    private static final List<String> ANSWER_QUESTIONS = List.of("reply", "repliedOn", "outcome", "reason");
    private static final String CHILDREN_HINT = "Do not name any child or young person: it is published on the"
            + " partnership's \"You said, we did\" page once answered.";
    private static final Map<String, String> SAVED = Map.of(
            "recorded", "Recommendation recorded",
            "corrected", "Recommendation corrected",
            "answered", "Answer saved: the forum's \"you said, we did\" is published",
            "codeWithdrawn", "Feedback code withdrawn: it no longer works");

    /** The list's filters, as the address names them. */
    public record Filter(String label, String href, boolean current) {}

    public record Row(
            String forum,
            String recommendation,
            String madeOn,
            String addressedTo,
            String status,
            String colour,
            String answerHref,
            String answerLabel,
            @Nullable String changeHref) {}

    public record ListPage(
            String heading,
            List<Filter> filters,
            List<Row> rows,
            @Nullable String nextPage,
            boolean canRecord,
            @Nullable String savedBanner) {}

    /** Recording a recommendation, or (with a version) correcting one. */
    public record RecordPage(
            String heading,
            String submitLabel,
            String action,
            String backHref,
            @Nullable String version,
            List<Option> forums,
            List<Option> partners,
            Form form,
            @Nullable Conflict conflict,
            String hint) {}

    public record AnswerPage(
            String action,
            String backHref,
            String forum,
            String madeOn,
            String recommendation,
            String addressedTo,
            String replyDueOn,
            String version,
            Form form,
            @Nullable Conflict conflict,
            String hint,
            boolean answered,
            FeedbackCodePages.CodeState feedbackCode,
            FeedbackCodePages.HeardBack heardBack) {}

    public record Named(String name) {}

    public record Partner(String id, String name) {}

    /** A recommendation as the form to correct it reads it. */
    public record Recorded(
            String id,
            Integer version,
            String forum,
            String madeOn,
            String recommendation,
            String addressedTo,
            Partner partnerOrganisation) {

        Form asForm() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("forum", forum);
            TypedValues.putDate(values, "madeOn", madeOn);
            values.put("recommendation", recommendation);
            values.put("addressedTo", addressedTo);
            values.put("partnerOrganisationId", partnerOrganisation == null ? "" : partnerOrganisation.id());
            return Form.of(values);
        }
    }

    public record Reply(String text, String repliedOn, String outcome, String reason) {}

    public record Recommendation(
            String id,
            Integer version,
            String forum,
            String madeOn,
            String recommendation,
            String addressedTo,
            Named partnerOrganisation,
            String replyDueOn,
            Boolean overdue,
            Reply reply,
            FeedbackCodePages.CodeState feedbackCode,
            FeedbackCodePages.HeardBack heardBack) {

        String addressee() {
            return "BOARD".equals(addressedTo) ? "The board" : partnerOrganisation.name();
        }
    }

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    YouthForumPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    @Get
    HttpResponse<?> list(
            String tenant,
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String after,
            @Nullable @QueryValue String saved,
            HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        String chosen = state != null && List.of("open", "overdue", "answered").contains(state) ? state : "all";
        Map<String, Object> variables = new HashMap<>(Map.of("slug", tenant, "state", chosen.toUpperCase()));
        if (after != null) {
            variables.put("after", after);
        }
        PageOperations.Answer answer = operations.run(
                "pages/youthForumRecommendations", variables, member.get().caller(), request);
        if (answer.errorCode() != null) {
            return errors.notFound(member.get().visitor(), request);
        }
        String base = "/" + tenant + "/youth-forums";
        List<Filter> filters = List.of(
                new Filter("All", base, chosen.equals("all")),
                new Filter("Open", base + "?state=open", chosen.equals("open")),
                new Filter("Overdue", base + "?state=overdue", chosen.equals("overdue")),
                new Filter("Answered", base + "?state=answered", chosen.equals("answered")));
        JsonNode listed = answer.data().path("youthForumRecommendations");
        List<Row> rows = listed.path("edges")
                .valueStream()
                .map(edge -> answer.convert(edge.path("node"), Recommendation.class))
                .map(recommendation ->
                        row(base, recommendation, canRecord(answer.data().path("viewer"))))
                .toList();
        JsonNode pageInfo = listed.path("pageInfo");
        String next = pageInfo.path("hasNextPage").asBoolean()
                ? base + "?state=" + chosen + "&after="
                        + URLEncoder.encode(pageInfo.path("endCursor").asText(), StandardCharsets.UTF_8)
                : null;
        boolean canRecord = canRecord(answer.data().path("viewer"));
        String heading = "Youth forums' recommendations";
        return templates.page(
                "youthForumRecommendations",
                members.layout(member.get(), heading, answer, request),
                new ListPage(heading, filters, rows, next, canRecord, saved == null ? null : SAVED.get(saved)));
    }

    private static boolean canRecord(JsonNode viewer) {
        return viewer.path("roles").toString().contains("TENANT_ADMIN")
                || !viewer.path("partnerOrganisation").isNull()
                        && viewer.path("roles").toString().contains("PARTNER_LEAD");
    }

    /** A row; a participation worker may correct it until it is answered (the API says whether they may). */
    private static Row row(String base, Recommendation recommendation, boolean worker) {
        String href = base + "/" + recommendation.id() + "/answer";
        if (recommendation.reply() != null) {
            return new Row(
                    recommendation.forum(),
                    recommendation.recommendation(),
                    Dates.day(recommendation.madeOn()),
                    recommendation.addressee(),
                    outcome(recommendation.reply().outcome()) + " on "
                            + Dates.day(recommendation.reply().repliedOn()),
                    "green",
                    href,
                    "Change the answer",
                    null);
        }
        boolean overdue = Boolean.TRUE.equals(recommendation.overdue());
        return new Row(
                recommendation.forum(),
                recommendation.recommendation(),
                Dates.day(recommendation.madeOn()),
                recommendation.addressee(),
                (overdue ? "Overdue: reply was due " : "Reply due ") + Dates.day(recommendation.replyDueOn()),
                overdue ? "red" : "yellow",
                href,
                "Answer",
                worker ? base + "/" + recommendation.id() + "/change" : null);
    }

    private static String outcome(String outcome) {
        return switch (outcome) {
            case "ACCEPTED" -> "Accepted";
            case "PARTLY_ACCEPTED" -> "Partly accepted";
            default -> "Not accepted";
        };
    }

    @Get("/new")
    HttpResponse<?> recordForm(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        return formPage(
                member.get(), readForm(member.get(), null, request), Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recorded(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return saved(tenant, null, body, request);
    }

    @Get("/{id}/change")
    HttpResponse<?> changeForm(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = readForm(member.get(), id, request);
        Recorded recorded = read.as("recommendation", Recorded.class);
        if (recorded == null || recorded.id() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return formPage(member.get(), read, recorded.asForm(), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/change", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changed(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return saved(tenant, id, body, request);
    }

    /** Records a recommendation, or with {@code id} corrects it at the version the form was read at. */
    private HttpResponse<?> saved(String tenant, @Nullable String id, @Nullable String body, HttpRequest<?> request) {
        Steps<Posted> steps = posted(tenant, body, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        MemberPages.Member member = steps.found().member();
        Form form = steps.found().form();
        PageOperations.Answer read = readForm(member, id, request);
        // The recommendation a correction corrects; a recording reads none.
        Recorded corrected = id == null ? null : read.as("recommendation", Recorded.class);
        if (id != null && (corrected == null || corrected.id() == null)) {
            return errors.notFound(member.visitor(), request);
        }
        Typed<String> madeOn = TypedValues.date(form, "madeOn", "The date it was made");
        if (madeOn.refused()) {
            return formPage(
                    member,
                    read,
                    form.withErrors(Map.of("madeOn", madeOn.problem())),
                    null,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, Object> input = new HashMap<>();
        if (corrected != null) {
            input.put("id", corrected.id());
            input.put("version", ParticipationFeedbackPages.version(form));
        }
        input.put("forum", blankAsNull(form.value("forum")));
        input.put("madeOn", madeOn.value());
        input.put("recommendation", form.value("recommendation"));
        input.put("addressedTo", blankAsNull(form.value("addressedTo")));
        input.put("partnerOrganisationId", blankAsNull(form.value("partnerOrganisationId")));
        PageOperations.Answer answer =
                operations.run("pages/saveYouthForumRecommendation", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "saveYouthForumRecommendation", "forum");
        if (submission.refusal() != null) {
            return refused(member, submission.refusal(), answer, request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(
                    URI.create("/" + tenant + "/youth-forums?saved=" + (id == null ? "recorded" : "corrected")));
        }
        // Only a correction carries a version that can conflict: a recorded recommendation is new.
        Conflict conflict = corrected != null && submission.conflict()
                ? Conflict.of(
                        NullNode.getInstance(),
                        List.of(new Conflict.Row(
                                "What the forum recommended",
                                corrected.recommendation(),
                                form.value("recommendation").strip())))
                : null;
        return formPage(
                member,
                read,
                form.withErrors(ordered(submission, RECORD_QUESTIONS)),
                conflict,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /** A form posted by a signed-in member with its CSRF token. */
    private record Posted(MemberPages.Member member, Form form) {}

    private Steps<Posted> posted(String tenant, @Nullable String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return Steps.refused(members.refuse(tenant, request));
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return Steps.refused(errors.forbidden(member.get().visitor(), request));
        }
        return Steps.found(new Posted(member.get(), form));
    }

    /** The form's choices and, with {@code id}, the recommendation to correct. */
    private PageOperations.Answer readForm(MemberPages.Member member, @Nullable String id, HttpRequest<?> request) {
        return operations.run(
                "pages/youthForumRecommendationForm",
                Map.of("slug", member.tenantSlug(), "id", id == null ? "" : id, "changing", id != null),
                member.caller(),
                request);
    }

    private HttpResponse<?> formPage(
            MemberPages.Member member,
            PageOperations.Answer read,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        Recorded found = read.as("recommendation", Recorded.class);
        // The recommendation being corrected; none while one is recorded.
        Recorded recorded = found == null || found.id() == null ? null : found;
        boolean changing = recorded != null;
        List<Option> forums =
                read.data().path("publishedConfiguration").path("strategies").findValuesAsText("name").stream()
                        .distinct()
                        .map(name -> new Option(name, name))
                        .toList();
        List<Option> partners = new ArrayList<>(List.of(new Option("", "Select a partner")));
        read.data()
                .path("partnerOrganisations")
                .path("edges")
                .forEach(edge -> partners.add(new Option(
                        edge.path("node").path("id").asText(),
                        edge.path("node").path("name").asText())));
        String base = "/" + member.tenantSlug() + "/youth-forums";
        String heading = changing ? "Correct the recommendation" : "Record a recommendation";
        String title = (form.hasErrors() ? "Error: " : "") + heading + " – Youth forums";
        return templates.page(
                status,
                "youthForumRecommendationForm",
                members.layout(member, title, read, request),
                new RecordPage(
                        heading,
                        changing ? "Save the correction" : "Record the recommendation",
                        recorded != null ? base + "/" + recorded.id() + "/change" : base + "/new",
                        base,
                        recorded != null
                                ? ParticipationFeedbackPages.keptVersion(form, conflict, recorded.version())
                                : null,
                        forums,
                        partners,
                        form,
                        conflict,
                        CHILDREN_HINT));
    }

    @Get("/{id}/answer")
    HttpResponse<?> answerForm(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(member.get(), id, request);
        Recommendation recommendation = read.as("recommendation", Recommendation.class);
        if (recommendation == null || recommendation.id() == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return answerPage(member.get(), read, recommendation, saved(recommendation), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/answer", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answered(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Steps<Posted> steps = posted(tenant, body, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        MemberPages.Member member = steps.found().member();
        Form form = steps.found().form();
        PageOperations.Answer read = read(member, id, request);
        Recommendation recommendation = read.as("recommendation", Recommendation.class);
        if (recommendation == null || recommendation.id() == null) {
            return errors.notFound(member.visitor(), request);
        }
        Typed<String> repliedOn = TypedValues.date(form, "repliedOn", "The date the forum was answered");
        if (repliedOn.refused()) {
            return answerPage(
                    member,
                    read,
                    recommendation,
                    form.withErrors(Map.of("repliedOn", repliedOn.problem())),
                    null,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("id", recommendation.id());
        input.put("version", ParticipationFeedbackPages.version(form));
        input.put("reply", form.value("reply"));
        input.put("repliedOn", repliedOn.value());
        input.put("outcome", blankAsNull(form.value("outcome")));
        input.put("reason", blankAsNull(form.value("reason")));
        PageOperations.Answer answer = operations.run(
                "pages/answerYouthForumRecommendation", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "answerYouthForumRecommendation", "reply");
        if (submission.refusal() != null) {
            return refused(member, submission.refusal(), answer, request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create("/" + tenant + "/youth-forums?state=answered&saved=answered"));
        }
        Conflict conflict = submission.conflict()
                ? Conflict.of(
                        NullNode.getInstance(),
                        List.of(new Conflict.Row(
                                "What was done",
                                recommendation.reply() == null
                                        ? ""
                                        : recommendation.reply().text(),
                                form.value("reply").strip())))
                : null;
        return answerPage(
                member,
                read,
                recommendation,
                form.withErrors(ordered(submission, ANSWER_QUESTIONS)),
                conflict,
                HttpStatus.BAD_REQUEST,
                request);
    }

    private PageOperations.Answer read(MemberPages.Member member, String id, HttpRequest<?> request) {
        return operations.run(
                "pages/youthForumRecommendationAnswer",
                Map.of("slug", member.tenantSlug(), "id", id),
                member.caller(),
                request);
    }

    private HttpResponse<?> answerPage(
            MemberPages.Member member,
            PageOperations.Answer read,
            Recommendation recommendation,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String base = "/" + member.tenantSlug() + "/youth-forums";
        String title = (form.hasErrors() ? "Error: " : "") + "Answer the " + recommendation.forum()
                + "'s recommendation – Youth forums";
        return templates.page(
                status,
                "youthForumRecommendationAnswer",
                members.layout(member, title, read, request),
                new AnswerPage(
                        base + "/" + recommendation.id() + "/answer",
                        base,
                        recommendation.forum(),
                        Dates.day(recommendation.madeOn()),
                        recommendation.recommendation(),
                        recommendation.addressee(),
                        Dates.day(recommendation.replyDueOn()),
                        ParticipationFeedbackPages.keptVersion(form, conflict, recommendation.version()),
                        form,
                        conflict,
                        CHILDREN_HINT,
                        recommendation.reply() != null,
                        recommendation.feedbackCode(),
                        recommendation.heardBack()));
    }

    /** A recommendation's own page: where it is answered. */
    static String answerHref(String tenant, String id) {
        return "/" + tenant + "/youth-forums/" + id + "/answer";
    }

    /** The form filled in with the answer saved, if there is one. */
    private static Form saved(Recommendation recommendation) {
        Map<String, String> values = new LinkedHashMap<>();
        Reply reply = recommendation.reply();
        if (reply != null) {
            values.put("reply", reply.text());
            TypedValues.putDate(values, "repliedOn", reply.repliedOn());
            values.put("outcome", reply.outcome());
            values.put("reason", reply.reason());
        }
        return Form.of(values);
    }

    /** A form the API refused as a whole ({@link Submission#refusal}), by the code it refused it with. */
    private HttpResponse<?> refused(
            MemberPages.Member member, String refusal, PageOperations.Answer answer, HttpRequest<?> request) {
        return switch (refusal) {
            case "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED" -> errors.notFound(member.visitor(), request);
            default -> errors.serviceProblem(member.visitor(), request, answer.correlationId());
        };
    }

    /** The errors in the order the questions are asked; any without a question on the first one. */
    private static Map<String, String> ordered(Submission submission, List<String> questions) {
        Map<String, String> ordered = new LinkedHashMap<>();
        questions.stream()
                .filter(submission.errors()::containsKey)
                .forEach(question -> ordered.put(question, submission.errors().get(question)));
        submission.errors().forEach((field, message) -> {
            if (!questions.contains(field)) {
                ordered.putIfAbsent(questions.getFirst(), message);
            }
        });
        return ordered;
    }

    private static @Nullable String blankAsNull(String value) {
        return value.isBlank() ? null : value;
    }
}
