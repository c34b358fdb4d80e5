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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An agency's action plan, for its partner lead: starting this period's plan from the published
 * template (carrying forward what the last one left unfinished), the plan as a task list of the
 * template's sections, each section's outcomes and actions in the template's own columns, and
 * checking the plan before sending it to the board. Adding and changing actions is {@link
 * ActionPages}.
 */
@Controller("/{tenant}/action-plan")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ActionPlanPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    ActionPlanPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    public record Organisation(String id, String name, List<PlanSummary> actionPlans) {

        public Organisation {
            actionPlans = actionPlans == null ? List.of() : actionPlans;
        }
    }

    /** One of the agency's plans, as its list shows it. */
    public record PlanSummary(
            String id, int periodStart, int periodEnd, String status, Ref carriedForwardFrom, Counts progress) {

        public String period() {
            return periodStart + "–" + periodEnd;
        }

        public int unfinished() {
            return progress == null ? 0 : progress.total() - progress.complete();
        }
    }

    public record Ref(String id) {}

    public record Counts(int total, int complete) {}

    public record TemplateSummary(String id, String title, int periodStart, int periodEnd) {

        public String period() {
            return periodStart + "–" + periodEnd;
        }
    }

    /** Starting this period's plan: the template, and the earlier plan whose unfinished actions may come too. */
    public record Start(
            Organisation organisation,
            @Nullable TemplateSummary template,
            @Nullable PlanSummary carryFrom,
            List<PlanSummary> earlier,
            Form form) {}

    /** A plan with everything its pages show. */
    public record Plan(
            String id,
            int periodStart,
            int periodEnd,
            String status,
            String returnedReason,
            String submittedAt,
            String decidedAt,
            int version,
            Named partnerOrganisation,
            Template template,
            PlanSummary carriedForwardFrom,
            Progress progress,
            List<Section> sections,
            List<Action> unplacedActions,
            boolean kiteMark,
            List<Audit> audits) {

        public Plan {
            sections = sections == null ? List.of() : sections;
            unplacedActions = unplacedActions == null ? List.of() : unplacedActions;
            audits = audits == null ? List.of() : audits;
        }

        public String period() {
            return periodStart + "–" + periodEnd;
        }

        /** Actions may be added and changed: a draft, or returned by the board. */
        public boolean open() {
            return status.equals("DRAFT") || status.equals("RETURNED");
        }

        /** Progress may be recorded: anything but a plan the board is deciding on. */
        public boolean progressOpen() {
            return !status.equals("SUBMITTED");
        }

        public TemplateColumns columns() {
            return new TemplateColumns(template == null ? List.of() : template.columns());
        }

        public Optional<Section> section(@Nullable String number) {
            return sections.stream()
                    .filter(section -> section.number().equals(number))
                    .findFirst();
        }

        public List<Action> actions() {
            return Stream.concat(
                            sections.stream()
                                    .flatMap(section -> section.outcomes().stream())
                                    .flatMap(outcome -> outcome.actions().stream()),
                            unplacedActions.stream())
                    .toList();
        }

        /** Where each outcome may be chosen: "1.2 Recruiting managers have …" under its section. */
        public List<Option> outcomeOptions() {
            List<Option> options = new ArrayList<>();
            for (Section section : sections) {
                for (Outcome outcome : section.outcomes()) {
                    options.add(new Option(
                            Placement.of(section.number(), outcome.number()),
                            section.number() + ". " + section.title() + ": " + outcome.number() + " "
                                    + outcome.text()));
                }
            }
            return options;
        }

        public String outcomeText(@Nullable String sectionNumber, @Nullable String outcomeNumber) {
            return section(sectionNumber).stream()
                    .flatMap(section -> section.outcomes().stream())
                    .filter(outcome -> outcome.number().equals(outcomeNumber))
                    .map(outcome -> outcome.number() + " " + outcome.text())
                    .findFirst()
                    .orElse("Not placed under an outcome");
        }
    }

    public record Named(String id, String name) {}

    public record Template(String title, List<TemplateColumns.Column> columns) {}

    public record Progress(
            int total,
            int notStarted,
            int inProgress,
            int complete,
            int red,
            int amber,
            int green,
            int unrated,
            int overdue) {}

    public record Section(String number, String title, String standard, List<Outcome> outcomes) {

        public Section {
            outcomes = outcomes == null ? List.of() : outcomes;
        }

        public int actionCount() {
            return outcomes.stream()
                    .mapToInt(outcome -> outcome.actions().size())
                    .sum();
        }
    }

    public record Outcome(String number, String text, List<Action> actions) {

        public Outcome {
            actions = actions == null ? List.of() : actions;
        }
    }

    /** An action, in the fields the API keeps; {@link #in} shows it in one of the template's columns. */
    public record Action(
            String id,
            String sectionNumber,
            String outcomeNumber,
            String description,
            String lead,
            String dueDate,
            String timescale,
            String resources,
            String risks,
            String status,
            String rag,
            boolean overdue,
            List<ColumnValue> columnValues,
            Ref carriedForwardFrom,
            List<Update> progressUpdates,
            int version,
            Answers answersSelfAssessment) {

        public Action {
            columnValues = columnValues == null ? List.of() : columnValues;
            progressUpdates = progressUpdates == null ? List.of() : progressUpdates;
        }

        public String columnValue(String key) {
            return columnValues.stream()
                    .filter(value -> value.key().equals(key))
                    .map(ColumnValue::value)
                    .findFirst()
                    .orElse("");
        }

        /** The due date and timescale (and resources, where the template keeps them together) in words. */
        public String when(boolean withResources) {
            List<String> parts = new ArrayList<>();
            if (dueDate != null) {
                parts.add("Due " + Dates.day(dueDate));
            }
            Stream.of(timescale, withResources ? resources : null)
                    .filter(Objects::nonNull)
                    .forEach(parts::add);
            return String.join("; ", parts);
        }

        /** What the action says in one of the template's columns (STATUS columns show tags instead). */
        public String in(TemplateColumns columns, TemplateColumns.Column column) {
            String value = switch (column.type()) {
                case "TEXT" -> columns.isDescription(column) ? description : columnValue(column.key());
                case "LEAD" -> lead;
                case "DATE_OR_TIMESCALE" -> when(columns.resourcesWithWhen());
                case "RESOURCES" -> resources;
                case "RISK" -> risks;
                default -> "";
            };
            return value == null ? "" : value;
        }
    }

    public record ColumnValue(String key, String value) {}

    /** The rated standard of a self-assessment an action was added for; null for an action added otherwise. */
    public record Answers(String standard, String criterion, String levelLabel, AnsweredAssessment selfAssessment) {

        /** "Standard 2" or "Criterion 1.1", as the self-assessment's pages name it. */
        public String name() {
            return criterion.equals(standard) ? "Standard " + standard : "Criterion " + criterion;
        }
    }

    public record AnsweredAssessment(String id, int year) {}

    public record Update(String id, String date, String note, List<String> evidenceLinks, String recordedAt) {

        public Update {
            evidenceLinks = evidenceLinks == null ? List.of() : evidenceLinks;
        }
    }

    public record Audit(String auditedOn, String auditedBy, String findings, boolean kiteMarkAwarded) {}

    /** An outcome as a form's choice: its section and number together. */
    public static final class Placement {

        private Placement() {}

        public static String of(@Nullable String sectionNumber, @Nullable String outcomeNumber) {
            return sectionNumber == null ? "" : sectionNumber + "|" + outcomeNumber;
        }

        /**
         * The section and outcome a choice names; nulls for none. (JSpecify's {@code @Nullable}:
         * Micronaut's would say the array itself may be null.)
         */
        public static @org.jspecify.annotations.Nullable String[] parse(@Nullable String value) {
            int bar = value == null ? -1 : value.indexOf('|');
            return value == null || bar < 0
                    ? new String[] {null, null}
                    : new String[] {value.substring(0, bar), value.substring(bar + 1)};
        }
    }

    /** The plan as a task list: what is left to do, section by section, then sending it to the board. */
    public record PlanPage(
            Plan plan,
            List<Task> tasks,
            Task sending,
            List<PlanSummary> otherPlans,
            @Nullable String banner) {}

    public record SectionPage(
            Plan plan, Section section, @Nullable String banner) {}

    public record CheckPage(Plan plan, Form form) {}

    @Get
    HttpResponse<?> landing(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/actionPlanStart", Map.of("slug", tenant), member.get().caller(), request);
        Organisation organisation = organisation(answer);
        if (organisation == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        TemplateSummary template = newestTemplate(answer);
        Optional<PlanSummary> current = template == null
                ? Optional.empty()
                : organisation.actionPlans().stream()
                        .filter(plan -> plan.periodStart() == template.periodStart()
                                && plan.periodEnd() == template.periodEnd())
                        .findFirst();
        if (current.isPresent()) {
            return HttpResponse.seeOther(
                    URI.create(planPath(tenant, current.get().id())));
        }
        return startPage(member.get(), answer, organisation, template, Form.empty(), HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/actionPlanStart", Map.of("slug", tenant), member.get().caller(), request);
        Organisation organisation = organisation(answer);
        TemplateSummary template = newestTemplate(answer);
        if (organisation == null || template == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("partnerOrganisationId", organisation.id());
        input.put("templateId", form.value("templateId"));
        if (!form.value("carryForwardFromId").isBlank()) {
            input.put("carryForwardFromId", form.value("carryForwardFromId"));
        }
        PageOperations.Answer started = operations.run(
                "pages/startActionPlan", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(started, "startActionPlan", "templateId");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), started.correlationId());
        }
        if (!submission.saved()) {
            return startPage(
                    member.get(),
                    answer,
                    organisation,
                    template,
                    form.withErrors(submission.errors()),
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        String plan = submission.payload().path("actionPlan").path("id").asText();
        return HttpResponse.seeOther(URI.create(planPath(tenant, plan) + "?done=started"));
    }

    @Get("/{plan}")
    HttpResponse<?> plan(String tenant, String plan, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, plan, request);
        Plan found = plan(answer);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Organisation organisation = organisation(answer);
        List<PlanSummary> others = organisation == null
                ? List.of()
                : organisation.actionPlans().stream()
                        .filter(other -> !other.id().equals(found.id()))
                        .toList();
        PlanPage page = new PlanPage(
                found, tasks(tenant, found), submitTask(planPath(tenant, found.id()), found), others, banner(done));
        return templates.page(
                "actionPlan", members.layout(member.get(), "Our action plan " + found.period(), answer, request), page);
    }

    @Get("/{plan}/sections/{number}")
    HttpResponse<?> section(
            String tenant, String plan, String number, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, plan, request);
        Plan found = plan(answer);
        Optional<Section> section = found == null ? Optional.empty() : found.section(number);
        if (found == null || section.isEmpty()) {
            return errors.notFound(member.get().visitor(), request);
        }
        return templates.page(
                "actionPlanSection",
                members.layout(
                        member.get(),
                        section.get().number() + ". " + section.get().title() + " – Our action plan " + found.period(),
                        answer,
                        request),
                new SectionPage(found, section.get(), banner(done)));
    }

    @Get("/{plan}/check")
    HttpResponse<?> check(String tenant, String plan, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, plan, request);
        Plan found = plan(answer);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return checkPage(member.get(), answer, found, Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/{plan}/check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(String tenant, String plan, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, plan, request);
        Plan found = plan(answer);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = Map.of("id", found.id(), "version", number(form.value("version")));
        PageOperations.Answer submitted = operations.run(
                "pages/submitActionPlan", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(submitted, "submitActionPlan", "submit");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), submitted.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!submission.saved()) {
            Map<String, String> onTheButton = new LinkedHashMap<>();
            submission.errors().values().forEach(message -> onTheButton.putIfAbsent("submit", message));
            PageOperations.Answer again = read(member.get(), tenant, plan, request);
            return checkPage(
                    member.get(), again, plan(again), form.withErrors(onTheButton), HttpStatus.BAD_REQUEST, request);
        }
        return HttpResponse.seeOther(URI.create(planPath(tenant, found.id()) + "/submitted"));
    }

    @Get("/{plan}/submitted")
    HttpResponse<?> submitted(String tenant, String plan, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = read(member.get(), tenant, plan, request);
        Plan found = plan(answer);
        if (found == null || !found.status().equals("SUBMITTED")) {
            return errors.notFound(member.get().visitor(), request);
        }
        return templates.page(
                "actionPlanSubmitted",
                members.layout(member.get(), "Action plan sent to the board", answer, request),
                new CheckPage(found, Form.empty()));
    }

    private HttpResponse<?> startPage(
            MemberPages.Member member,
            PageOperations.Answer answer,
            Organisation organisation,
            @Nullable TemplateSummary template,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        List<PlanSummary> earlier = template == null
                ? organisation.actionPlans()
                : organisation.actionPlans().stream()
                        .filter(plan -> plan.periodStart() < template.periodStart())
                        .toList();
        PlanSummary carryFrom = earlier.stream()
                .max(Comparator.comparingInt(PlanSummary::periodStart))
                .filter(plan -> plan.unfinished() > 0)
                .filter(plan -> organisation.actionPlans().stream()
                        .noneMatch(other -> other.carriedForwardFrom() != null
                                && other.carriedForwardFrom().id().equals(plan.id())))
                .orElse(null);
        String title = template == null ? "Our action plan" : "Start our action plan " + template.period();
        return templates.page(
                status,
                "actionPlanStart",
                members.layout(member, form.hasErrors() ? "Error: " + title : title, answer, request),
                new Start(organisation, template, carryFrom, earlier, form));
    }

    private HttpResponse<?> checkPage(
            MemberPages.Member member,
            PageOperations.Answer answer,
            @Nullable Plan plan,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        if (plan == null) {
            return errors.notFound(member.visitor(), request);
        }
        String title = "Check your action plan before sending it to the board";
        return templates.page(
                status,
                "actionPlanCheck",
                members.layout(member, form.hasErrors() ? "Error: " + title : title, answer, request),
                new CheckPage(plan, form));
    }

    /** What is left to do: sections with no actions yet, and carried-forward actions to place. */
    static List<Task> tasks(String tenant, Plan plan) {
        List<Task> tasks = new ArrayList<>();
        String base = planPath(tenant, plan.id());
        for (Section section : plan.sections()) {
            String id = "section-" + tasks.size();
            String name = section.number() + ". " + section.title();
            String href = base + "/sections/" + section.number();
            int count = section.actionCount();
            tasks.add(
                    count == 0
                            ? Task.toDo(id, name, href, null, plan.open() ? "No actions yet" : "No actions", "blue")
                            : Task.finished(id, name, href, null, count == 1 ? "1 action" : count + " actions"));
        }
        if (!plan.unplacedActions().isEmpty()) {
            int count = plan.unplacedActions().size();
            tasks.add(Task.toDo(
                    "unplaced",
                    "Place the actions carried forward",
                    ActionPages.actionPath(
                                    tenant,
                                    plan.id(),
                                    plan.unplacedActions().getFirst().id()) + "/change",
                    count + (count == 1 ? " action has" : " actions have") + " no outcome in this template",
                    count + " to place",
                    "orange"));
        }
        return tasks;
    }

    private static Task submitTask(String base, Plan plan) {
        String name = "Check and send your plan to the board";
        return switch (plan.status()) {
            case "SUBMITTED" -> Task.finished("submit", name, base, null, "With the board");
            case "APPROVED" -> Task.finished("submit", name, base, null, "Approved");
            default ->
                plan.actions().isEmpty()
                        ? Task.cannotStartYet("submit", name, "Add at least one action first")
                        : Task.toDo(
                                "submit",
                                name,
                                base + "/check",
                                null,
                                plan.status().equals("RETURNED") ? "Returned" : "Not sent yet",
                                plan.status().equals("RETURNED") ? "orange" : "blue");
        };
    }

    /** The fixed words of a notification after a change; nothing from the address is shown. */
    static @Nullable String banner(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "started" -> "Your action plan has been started";
            case "added" -> "Action added";
            case "changed" -> "Action changed";
            case "progress" -> "Progress recorded";
            default -> null;
        };
    }

    private PageOperations.Answer read(MemberPages.Member member, String tenant, String plan, HttpRequest<?> request) {
        return operations.run("pages/actionPlan", Map.of("slug", tenant, "id", plan), member.caller(), request);
    }

    static @Nullable Plan plan(PageOperations.Answer answer) {
        return answer.data().path("plan").path("__typename").asText().equals("ActionPlan")
                ? answer.as("plan", Plan.class)
                : null;
    }

    private static @Nullable Organisation organisation(PageOperations.Answer answer) {
        var organisation = answer.data().path("viewer").path("partnerOrganisation");
        return organisation.isObject() ? answer.convert(organisation, Organisation.class) : null;
    }

    private static @Nullable TemplateSummary newestTemplate(PageOperations.Answer answer) {
        return answer.data()
                .path("publishedConfiguration")
                .path("actionPlanTemplates")
                .valueStream()
                .map(template -> answer.convert(template, TemplateSummary.class))
                .max(Comparator.comparingInt(TemplateSummary::periodStart).thenComparingInt(TemplateSummary::periodEnd))
                .orElse(null);
    }

    static String planPath(String tenant, String plan) {
        return "/" + tenant + "/action-plan/" + plan;
    }

    /** A version as the form sent it; anything else is a version no record has, so a conflict. */
    static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
