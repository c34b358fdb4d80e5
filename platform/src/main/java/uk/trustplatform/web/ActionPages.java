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
import uk.trustplatform.web.ActionPlanPages.Action;
import uk.trustplatform.web.ActionPlanPages.Placement;
import uk.trustplatform.web.ActionPlanPages.Plan;

/**
 * The actions of an agency's plan: adding one under an outcome, seeing it with its progress,
 * changing it (a stale version shows who changed it and their answers beside the person's, which
 * stay in the form), and recording dated progress with a link to the evidence.
 */
@Controller("/{tenant}/action-plan/{plan}/actions")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ActionPages {

    public static final List<Option> STATUSES = List.of(
            new Option("NOT_STARTED", "Not started"),
            new Option("IN_PROGRESS", "In progress"),
            new Option("COMPLETE", "Complete"));

    public static final List<Option> RAGS = List.of(
            new Option("RED", "Red", "Will not be done as planned without help"),
            new Option("AMBER", "Amber", "At risk of slipping"),
            new Option("GREEN", "Green", "On track"),
            new Option("", "Not rated yet"));

    private static final String DUE_DATE = "dueDate";
    private static final String PROGRESS_DATE = "date";
    private static final String EVIDENCE = "evidenceLinks-0";

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    ActionPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** The form to add or change an action; {@code action} is null when adding one. */
    public record ActionForm(
            Plan plan,
            @Nullable Action action,
            Form form,
            @Nullable Conflict conflict,
            String postTo,
            String backTo) {

        public TemplateColumns columns() {
            return plan.columns();
        }
    }

    public record ActionPage(
            Plan plan, Action action, @Nullable String banner) {

        public TemplateColumns columns() {
            return plan.columns();
        }

        public String outcome() {
            return plan.outcomeText(action.sectionNumber(), action.outcomeNumber());
        }
    }

    public record ProgressForm(Plan plan, Action action, Form form) {}

    /**
     * An action with the plan it belongs to, both as the signed-in person may see them; no action
     * (nor its last change) when none was named.
     */
    private record Found(
            PageOperations.Answer answer,
            Plan plan,
            @Nullable Action action,
            @Nullable JsonNode lastChange) {

        /** The action, read by its id: the plan alone is found only when no action is named. */
        Action named() {
            return Objects.requireNonNull(action, "an action read by its id is found with its plan, or not at all");
        }
    }

    @Get("/new")
    HttpResponse<?> adding(
            String tenant,
            String plan,
            @Nullable @QueryValue String section,
            @Nullable @QueryValue String outcome,
            HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(member.get(), tenant, plan, null, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Form form = Form.of(Map.of("outcome", Placement.of(section, outcome)));
        return actionForm(member.get(), tenant, found, form, null, HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(String tenant, String plan, @Nullable @Body String body, HttpRequest<?> request) {
        return save(tenant, plan, null, body, request);
    }

    @Get("/{action}")
    HttpResponse<?> show(
            String tenant, String plan, String action, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(member.get(), tenant, plan, action, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return templates.page(
                "action",
                members.layout(
                        member.get(), "Action – Our action plan " + found.plan().period(), found.answer(), request),
                new ActionPage(found.plan(), found.named(), ActionPlanPages.banner(done)));
    }

    @Get("/{action}/change")
    HttpResponse<?> changing(String tenant, String plan, String action, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(member.get(), tenant, plan, action, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Form form = Form.of(saved(found.plan().columns(), found.named()));
        return actionForm(member.get(), tenant, found, form, null, HttpStatus.OK, request);
    }

    @Post(value = "/{action}/change", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(
            String tenant, String plan, String action, @Nullable @Body String body, HttpRequest<?> request) {
        return save(tenant, plan, action, body, request);
    }

    @Get("/{action}/progress")
    HttpResponse<?> recording(String tenant, String plan, String action, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(member.get(), tenant, plan, action, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return progressForm(member.get(), found, Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/{action}/progress", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> record(
            String tenant, String plan, String action, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Found found = read(member.get(), tenant, plan, action, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        String date = DateFields.iso(form, PROGRESS_DATE);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("actionId", found.named().id());
        input.put("date", date == null ? "" : date);
        input.put("note", form.value("note"));
        input.put("evidenceLinks", form.value(EVIDENCE).isBlank() ? List.of() : List.of(form.value(EVIDENCE)));
        PageOperations.Answer recorded = operations.run(
                "pages/addProgressUpdate", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(recorded, "addProgressUpdate", "note");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), recorded.correlationId());
        }
        if (submission.notFound("actionId")) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!submission.saved()) {
            Map<String, String> refused = onQuestions(submission.errors(), "note", Map.of("actionId", "note"));
            refused = DateFields.worded(refused, form, Map.of(PROGRESS_DATE, "the date of the progress"));
            return progressForm(member.get(), found, form.withErrors(refused), HttpStatus.BAD_REQUEST, request);
        }
        return HttpResponse.seeOther(
                URI.create(actionPath(tenant, found.plan().id(), found.named().id()) + "?done=progress"));
    }

    private HttpResponse<?> save(
            String tenant, String plan, @Nullable String action, @Nullable String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Found found = read(member.get(), tenant, plan, action, request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer saved = operations.run(
                "pages/saveAction",
                Map.of("input", input(found, form)),
                member.get().caller(),
                request);
        Submission submission = Submission.of(saved, "saveAction", "description");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), saved.correlationId());
        }
        if (submission.notFound(action == null ? "actionPlanId" : "id")) {
            return errors.notFound(member.get().visitor(), request);
        }
        // Only a change carries a version that can conflict: an added action is new.
        if (action != null && submission.conflict()) {
            return conflict(member.get(), tenant, plan, action, form, request);
        }
        if (!submission.saved()) {
            Map<String, String> refused =
                    onActionQuestions(submission.errors(), form, found.plan().columns());
            return actionForm(
                    member.get(), tenant, found, form.withErrors(refused), null, HttpStatus.BAD_REQUEST, request);
        }
        if (action == null) {
            var placement = Placement.parse(form.value("outcome"));
            return HttpResponse.seeOther(
                    URI.create(ActionPlanPages.planPath(tenant, found.plan().id())
                            + (placement[0] == null ? "" : "/sections/" + placement[0]) + "?done=added"));
        }
        return HttpResponse.seeOther(
                URI.create(actionPath(tenant, found.plan().id(), found.named().id()) + "?done=changed"));
    }

    /**
     * Someone saved the action first: their answers beside this person's, who keeps what they
     * typed; the form now carries the version just read, so saving again replaces theirs.
     */
    private HttpResponse<?> conflict(
            MemberPages.Member member, String tenant, String plan, String action, Form typed, HttpRequest<?> request) {
        Found now = read(member, tenant, plan, action, request);
        if (now == null) {
            return errors.notFound(member.visitor(), request);
        }
        TemplateColumns columns = now.plan().columns();
        Map<String, String> theirs = saved(columns, now.named());
        List<Conflict.Row> rows = new ArrayList<>();
        for (Question question : questions(columns)) {
            String their = question.shown(now.plan(), theirs);
            String yours = question.shown(now.plan(), flat(typed));
            if (!their.equals(yours)) {
                rows.add(new Conflict.Row(question.label(), orNotGiven(their), orNotGiven(yours)));
            }
        }
        Map<String, List<String>> values = new LinkedHashMap<>(typed.values());
        values.put("version", List.of(String.valueOf(now.named().version())));
        Conflict conflict = Conflict.of(
                Objects.requireNonNull(now.lastChange(), "an action read by its id comes with its last change"), rows);
        Form form = new Form(values, Map.of())
                .withErrors(Map.of(
                        "conflict",
                        conflict.by() + " changed this action after you opened it: check their answers,"
                                + " then save again to replace them with yours"));
        return actionForm(member, tenant, now, form, conflict, HttpStatus.BAD_REQUEST, request);
    }

    /** A question of the action's form: its field, its label from the template, and how an answer reads. */
    private record Question(String field, String label) {

        String shown(Plan plan, Map<String, String> answers) {
            String answer = Objects.requireNonNullElse(answers.get(field), "");
            return switch (field) {
                case "outcome" -> {
                    var placement = Placement.parse(answer);
                    yield plan.outcomeText(placement[0], placement[1]);
                }
                case DUE_DATE ->
                    String.join(
                                    " ",
                                    part(answers, DUE_DATE + "-day"),
                                    part(answers, DUE_DATE + "-month"),
                                    part(answers, DUE_DATE + "-year"))
                            .strip();
                case "status" -> optionLabel(STATUSES, answer);
                case "rag" -> optionLabel(RAGS, answer);
                default -> answer.strip();
            };
        }
    }

    private static String orNotGiven(String answer) {
        return answer.isEmpty() ? "Not given" : answer;
    }

    private static String part(Map<String, String> answers, String field) {
        return Objects.requireNonNullElse(answers.get(field), "");
    }

    private static List<Question> questions(TemplateColumns columns) {
        List<Question> questions = new ArrayList<>();
        questions.add(new Question("outcome", columns.outcomeLabel()));
        questions.add(new Question("description", columns.descriptionLabel()));
        columns.others().forEach(column -> questions.add(new Question("column-" + column.key(), column.label())));
        questions.add(new Question("lead", columns.leadLabel()));
        questions.add(new Question(DUE_DATE, "Due date"));
        questions.add(new Question("timescale", "Timescale"));
        questions.add(new Question("resources", columns.resourcesLabel()));
        questions.add(new Question("risks", columns.risksLabel()));
        questions.add(new Question("status", "Status"));
        questions.add(new Question("rag", "RAG rating"));
        return questions;
    }

    private static String optionLabel(List<Option> options, String value) {
        return options.stream()
                .filter(option -> option.value().equals(value))
                .map(Option::label)
                .findFirst()
                .orElse(value);
    }

    /** The saved action as the form's fields. */
    private static Map<String, String> saved(TemplateColumns columns, Action action) {
        Map<String, String> fields = new HashMap<>();
        fields.put("outcome", Placement.of(action.sectionNumber(), action.outcomeNumber()));
        fields.put("description", action.description());
        columns.others().forEach(column -> fields.put("column-" + column.key(), action.columnValue(column.key())));
        fields.put("lead", action.lead());
        fields.putAll(DateFields.of(DUE_DATE, action.dueDate()));
        fields.put("timescale", action.timescale());
        fields.put("resources", action.resources());
        fields.put("risks", action.risks());
        fields.put("status", action.status());
        fields.put("rag", action.rag() == null ? "" : action.rag());
        fields.put("version", String.valueOf(action.version()));
        return fields;
    }

    private static Map<String, String> flat(Form form) {
        Map<String, String> flat = new HashMap<>();
        form.values().keySet().forEach(name -> flat.put(name, form.value(name)));
        return flat;
    }

    /** The saveAction input the form describes, as typed: the API alone decides what is acceptable. */
    private static Map<String, Object> input(Found found, Form form) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (found.action() == null) {
            input.put("actionPlanId", found.plan().id());
        } else {
            input.put("id", found.action().id());
            input.put("version", ActionPlanPages.number(form.value("version")));
        }
        input.putAll(actionFields(found.plan().columns(), form));
        if (!form.value("status").isBlank()) {
            input.put("status", form.value("status"));
        }
        input.put("rag", blankAsNull(form.value("rag")));
        return input;
    }

    /**
     * The action's own fields as the form gives them (the {@code actionFields} component), by the
     * names saveAction and addActionForSelfAssessmentGap share.
     */
    static Map<String, Object> actionFields(TemplateColumns columns, Form form) {
        Map<String, Object> input = new LinkedHashMap<>();
        var placement = Placement.parse(form.value("outcome"));
        input.put("sectionNumber", placement[0]);
        input.put("outcomeNumber", placement[1]);
        input.put("description", form.value("description"));
        input.put("lead", blankAsNull(form.value("lead")));
        input.put("dueDate", DateFields.iso(form, DUE_DATE));
        input.put("timescale", blankAsNull(form.value("timescale")));
        input.put("resources", blankAsNull(form.value("resources")));
        input.put("risks", blankAsNull(form.value("risks")));
        List<Map<String, String>> columnValues = new ArrayList<>();
        for (TemplateColumns.Column column : columns.others()) {
            String value = form.value("column-" + column.key());
            if (!value.isBlank()) {
                columnValues.add(Map.of("key", column.key(), "value", value));
            }
        }
        input.put("columnValues", columnValues);
        return input;
    }

    private static @Nullable String blankAsNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static String firstOtherColumn(TemplateColumns columns) {
        return columns.others().isEmpty()
                ? "description"
                : "column-" + columns.others().getFirst().key();
    }

    /**
     * The API's refusals of an action on the form's questions: those of no question of its own (the
     * plan, the action, the standard it answers) on the first.
     */
    static Map<String, String> onActionQuestions(Map<String, String> refused, Form form, TemplateColumns columns) {
        Map<String, String> placed = onQuestions(
                refused,
                "description",
                Map.of(
                        "outcomeNumber", "outcome",
                        "sectionNumber", "outcome",
                        "columnValues", firstOtherColumn(columns),
                        "selfAssessmentId", "description",
                        "standard", "description",
                        "criterion", "description"));
        return DateFields.worded(placed, form, Map.of(DUE_DATE, "the due date"));
    }

    /** The API's refusals on the form's own questions: {@code renamed} maps an API field to the question asking it. */
    private static Map<String, String> onQuestions(
            Map<String, String> refused, String firstQuestion, Map<String, String> renamed) {
        Map<String, String> moved = new LinkedHashMap<>();
        refused.forEach((field, message) -> {
            String question = field.equals("id") || field.equals("actionPlanId") ? firstQuestion : renamed.get(field);
            moved.putIfAbsent(question == null ? field : question, message);
        });
        return moved;
    }

    private HttpResponse<?> actionForm(
            MemberPages.Member member,
            String tenant,
            Found found,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        Action action = found.action();
        boolean adding = action == null;
        String title = adding ? "Add an action" : "Change an action";
        String postTo = action == null
                ? "/" + tenant + "/action-plan/" + found.plan().id() + "/actions"
                : actionPath(tenant, found.plan().id(), action.id()) + "/change";
        var placement = Placement.parse(form.value("outcome"));
        String backTo = action == null
                ? ActionPlanPages.planPath(tenant, found.plan().id())
                        + (placement[0] == null ? "" : "/sections/" + placement[0])
                : actionPath(tenant, found.plan().id(), action.id());
        return templates.page(
                status,
                "actionForm",
                members.layout(member, form.hasErrors() ? "Error: " + title : title, found.answer(), request),
                new ActionForm(found.plan(), found.action(), form, conflict, postTo, backTo));
    }

    private HttpResponse<?> progressForm(
            MemberPages.Member member, Found found, Form form, HttpStatus status, HttpRequest<?> request) {
        String title = "Record progress";
        return templates.page(
                status,
                "progressForm",
                members.layout(member, form.hasErrors() ? "Error: " + title : title, found.answer(), request),
                new ProgressForm(found.plan(), found.named(), form));
    }

    /** The plan, and the action when one is named, if the person may see them and the action is the plan's. */
    private @Nullable Found read(
            MemberPages.Member member, String tenant, String plan, @Nullable String action, HttpRequest<?> request) {
        PageOperations.Answer answer = operations.run(
                "pages/action",
                Map.of(
                        "slug",
                        tenant,
                        "plan",
                        plan,
                        "action",
                        action == null ? "" : action,
                        "withAction",
                        action != null),
                member.caller(),
                request);
        Plan found = ActionPlanPages.plan(answer);
        if (found == null) {
            return null;
        }
        if (action == null) {
            return new Found(answer, found, null, null);
        }
        JsonNode node = answer.data().path("action");
        if (!node.path("__typename").asText().equals("Action")
                || !Objects.equals(node.path("actionPlan").path("id").asText(), found.id())) {
            return null;
        }
        return new Found(answer, found, answer.convert(node, Action.class), node.path("lastChange"));
    }

    static String actionPath(String tenant, String plan, String action) {
        return "/" + tenant + "/action-plan/" + plan + "/actions/" + action;
    }
}
