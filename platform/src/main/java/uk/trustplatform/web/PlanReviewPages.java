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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.trustplatform.web.ActionPlanPages.Plan;

/**
 * The board's review of the partners' action plans, for its members and the tenant admin: every
 * plan of the partnership, those waiting for the board first (filtered by status with a GET form);
 * one plan in full, its sections, outcomes and actions in the template's own columns with their
 * progress; approving it, or returning it to the partner with a reason; and recording the annual
 * audit (in Cambridgeshire, by young people), which may award a kite mark. A decision taken on a
 * version someone else replaced shows who did and what the plan is now. Anyone else, a partner
 * lead included, finds no such page.
 */
@Controller("/{tenant}/plans")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PlanReviewPages {

    /** The order the list shows: what waits for the board first, then what the partner is changing. */
    private static final List<String> STATUS_ORDER = List.of("SUBMITTED", "RETURNED", "APPROVED", "DRAFT");

    /** A page of the list as the API gives it (its page-size limit); a partnership's plans fit in a few. */
    private static final int MOST_PAGES = 50;

    /** Where the decision is on the plan's page: a refusal with no question of its own is put there. */
    private static final String DECISION = "decision";

    private static final String CONFLICT = "conflict";
    private static final String REASON = "reason";
    private static final String AUDITED_ON = "auditedOn";
    private static final String AUDITED_BY = "auditedBy";
    private static final String FINDINGS = "findings";
    private static final String KITE_MARK = "kiteMarkAwarded";

    public static final List<Option> KITE_MARK_CHOICES = List.of(new Option("yes", "Yes"), new Option("no", "No"));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    PlanReviewPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** A plan as the list reads it. */
    public record Listed(
            String id,
            int periodStart,
            int periodEnd,
            String status,
            String submittedAt,
            String decidedAt,
            boolean kiteMark,
            ActionPlanPages.Named partnerOrganisation,
            ActionPlanPages.Counts progress) {

        String partner() {
            return partnerOrganisation == null ? "" : partnerOrganisation.name();
        }
    }

    /** The list: its rows, the status chosen (empty for every plan) and the choices of the filter. */
    public record ListPage(List<Row> plans, String status, List<Option> statuses, int total) {

        /** The filter's form, with the status chosen. */
        public Form filter() {
            return Form.of(Map.of("status", status));
        }

        public String statusWords() {
            return status.isEmpty() ? "" : Labels.of(status).toLowerCase(Locale.UK);
        }
    }

    public record Row(
            String href,
            String partner,
            String period,
            String status,
            String submitted,
            String decided,
            String actions,
            boolean kiteMark) {}

    /** One plan in full, with the decisions its status allows. */
    public record ReviewPage(
            Plan plan,
            String href,
            String listHref,
            @Nullable String banner,
            Form form,
            @Nullable Conflict conflict) {

        public String partner() {
            return plan.partnerOrganisation() == null
                    ? ""
                    : plan.partnerOrganisation().name();
        }

        public boolean approvable() {
            return plan.status().equals("SUBMITTED");
        }

        public boolean returnable() {
            return plan.status().equals("SUBMITTED") || plan.status().equals("APPROVED");
        }

        public boolean auditable() {
            return plan.status().equals("APPROVED");
        }
    }

    /** Returning the plan to the partner: why, with the version the decision is taken on. */
    public record ReturnPage(
            Plan plan,
            String href,
            String version,
            Form form,
            @Nullable Conflict conflict) {}

    /** Recording the plan's annual audit. */
    public record AuditPage(Plan plan, String href, Form form) {

        public List<Option> kiteMarkChoices() {
            return KITE_MARK_CHOICES;
        }
    }

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String status, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        if (!Visitors.isBoard(member.get().visitor())) {
            return errors.notFound(member.get().visitor(), request);
        }
        PageOperations.Answer first = null;
        List<Listed> plans = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("slug", tenant);
            variables.put("after", after);
            PageOperations.Answer answer =
                    operations.run("pages/planReviews", variables, member.get().caller(), request);
            JsonNode connection = answer.data().path("actionPlans");
            if (!connection.isObject()) {
                return errors.serviceProblem(member.get().visitor(), request, answer.correlationId());
            }
            first = first == null ? answer : first;
            connection.path("edges").forEach(edge -> plans.add(answer.convert(edge.path("node"), Listed.class)));
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                break;
            }
            after = connection.path("pageInfo").path("endCursor").asText();
        }
        String chosen = status != null && STATUS_ORDER.contains(status) ? status : "";
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", "Every plan (" + plans.size() + ")"));
        for (String each : STATUS_ORDER) {
            long count =
                    plans.stream().filter(plan -> plan.status().equals(each)).count();
            statuses.add(new Option(each, Labels.of(each) + " (" + count + ")"));
        }
        List<Row> rows = plans.stream()
                .filter(plan -> chosen.isEmpty() || plan.status().equals(chosen))
                .sorted(listOrder())
                .map(plan -> row(tenant, plan))
                .toList();
        return templates.page(
                "planReviews",
                members.layout(
                        member.get(),
                        "Partners' action plans",
                        Objects.requireNonNull(first, "the first page is always read"),
                        request),
                new ListPage(rows, chosen, List.copyOf(statuses), plans.size()));
    }

    @Get("/{id}")
    HttpResponse<?> plan(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Steps<Reviewing> steps = reviewing(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reviewing reviewing = steps.found();
        MemberPages.Member member = reviewing.member();
        PageOperations.Answer read = reviewing.read();
        Plan plan = reviewing.plan();
        return reviewPage(member, read, plan, banner(done), Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reviewing> steps = reviewing(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reviewing reviewing = steps.found();
        MemberPages.Member member = reviewing.member();
        Plan plan = reviewing.plan();
        PageOperations.Answer answer = operations.run(
                "pages/approveActionPlan",
                Map.of("input", Map.of("id", plan.id(), "version", ActionPlanPages.number(form.value("version")))),
                member.caller(),
                request);
        Submission submission = Submission.of(answer, "approveActionPlan", DECISION);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(planHref(tenant, plan.id()) + "?done=approved"));
        }
        PageOperations.Answer again = read(member, id, request);
        Plan now = ActionPlanPages.plan(again);
        if (now == null) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.conflict()) {
            Conflict conflict = conflict(again, now, "Approved", null);
            return reviewPage(
                    member,
                    again,
                    now,
                    null,
                    Form.empty().withErrors(Map.of(CONFLICT, changedMeanwhile(conflict, now))),
                    conflict,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, String> onTheDecision = new LinkedHashMap<>();
        submission.errors().values().forEach(message -> onTheDecision.putIfAbsent(DECISION, message));
        return reviewPage(
                member, again, now, null, form.withErrors(onTheDecision), null, HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}/return")
    HttpResponse<?> returning(String tenant, String id, HttpRequest<?> request) {
        Steps<Reviewing> steps = reviewing(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reviewing reviewing = steps.found();
        MemberPages.Member member = reviewing.member();
        PageOperations.Answer read = reviewing.read();
        Plan plan = reviewing.plan();
        if (!plan.status().equals("SUBMITTED") && !plan.status().equals("APPROVED")) {
            return HttpResponse.seeOther(URI.create(planHref(tenant, plan.id())));
        }
        return returnPage(member, read, plan, Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/return", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> giveBack(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reviewing> steps = reviewing(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reviewing reviewing = steps.found();
        MemberPages.Member member = reviewing.member();
        Plan plan = reviewing.plan();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", plan.id());
        input.put("version", ActionPlanPages.number(form.value("version")));
        input.put("reason", form.value(REASON));
        PageOperations.Answer answer =
                operations.run("pages/returnActionPlan", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "returnActionPlan", REASON);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(planHref(tenant, plan.id()) + "?done=returned"));
        }
        PageOperations.Answer again = read(member, id, request);
        Plan now = ActionPlanPages.plan(again);
        if (now == null) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.conflict()) {
            Conflict conflict =
                    conflict(again, now, "Returned", form.value(REASON).strip());
            Map<String, List<String>> values = new LinkedHashMap<>(form.values());
            values.put("version", List.of(String.valueOf(now.version())));
            Form kept = new Form(values, Map.of()).withErrors(Map.of(CONFLICT, changedMeanwhile(conflict, now)));
            return returnPage(member, again, now, kept, conflict, HttpStatus.BAD_REQUEST, request);
        }
        Map<String, String> refused = new LinkedHashMap<>();
        submission.errors().forEach((field, message) -> refused.putIfAbsent(REASON, message));
        return returnPage(member, again, now, form.withErrors(refused), null, HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}/audit")
    HttpResponse<?> auditing(String tenant, String id, HttpRequest<?> request) {
        Steps<Reviewing> steps = reviewing(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reviewing reviewing = steps.found();
        MemberPages.Member member = reviewing.member();
        PageOperations.Answer read = reviewing.read();
        Plan plan = reviewing.plan();
        if (!plan.status().equals("APPROVED")) {
            return HttpResponse.seeOther(URI.create(planHref(tenant, plan.id())));
        }
        return auditPage(member, read, plan, Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/{id}/audit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recordAudit(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reviewing> steps = reviewing(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reviewing reviewing = steps.found();
        MemberPages.Member member = reviewing.member();
        PageOperations.Answer read = reviewing.read();
        Plan plan = reviewing.plan();
        String kiteMark = form.value(KITE_MARK);
        if (!kiteMark.equals("yes") && !kiteMark.equals("no")) {
            // Neither yes nor no is no Boolean the API could be sent: the page's to say.
            return auditPage(
                    member,
                    read,
                    plan,
                    form.withErrors(Map.of(KITE_MARK, "Select yes if the audit awards the plan a kite mark")),
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        String auditedOn = DateFields.iso(form, AUDITED_ON);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("actionPlanId", plan.id());
        input.put(AUDITED_ON, auditedOn == null ? "" : auditedOn);
        input.put(AUDITED_BY, form.value(AUDITED_BY));
        input.put(FINDINGS, form.value(FINDINGS));
        input.put(KITE_MARK, kiteMark.equals("yes"));
        PageOperations.Answer answer =
                operations.run("pages/recordActionPlanAudit", Map.of("input", input), member.caller(), request);
        Submission submission = Submission.of(answer, "recordActionPlanAudit", AUDITED_ON);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("actionPlanId")) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(planHref(tenant, plan.id()) + "?done=audited"));
        }
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> questions = List.of(AUDITED_ON, AUDITED_BY, FINDINGS);
        questions.stream()
                .filter(submission.errors()::containsKey)
                .forEach(question -> refused.put(question, submission.errors().get(question)));
        submission.errors().forEach((field, message) -> {
            if (!questions.contains(field)) {
                refused.merge(AUDITED_ON, message, (one, other) -> one + " " + other);
            }
        });
        Map<String, String> worded = DateFields.worded(refused, form, Map.of(AUDITED_ON, "the date of the audit"));
        return auditPage(member, read, plan, form.withErrors(worded), HttpStatus.BAD_REQUEST, request);
    }

    private PageOperations.Answer read(MemberPages.Member member, String id, HttpRequest<?> request) {
        return operations.run(
                "pages/planReview", Map.of("slug", member.tenantSlug(), "id", id), member.caller(), request);
    }

    /** A plan the visitor reviews, and what was read with it. */
    private record Reviewing(MemberPages.Member member, PageOperations.Answer read, Plan plan) {}

    /**
     * Signs the visitor in to the partnership, checks a form's token (when there is a form), lets
     * only the board on, and reads the plan; another partnership's or a missing plan is not found.
     */
    private Steps<Reviewing> reviewing(String tenant, String id, @Nullable Form form, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return Steps.refused(members.refuse(tenant, request));
        }
        MemberPages.Member member = found.get();
        if (form != null && !Visitors.csrfMatches(member.visitor(), form)) {
            return Steps.refused(errors.forbidden(member.visitor(), request));
        }
        if (!Visitors.isBoard(member.visitor())) {
            return Steps.refused(errors.notFound(member.visitor(), request));
        }
        PageOperations.Answer read = read(member, id, request);
        Plan plan = ActionPlanPages.plan(read);
        return plan == null
                ? Steps.refused(errors.notFound(member.visitor(), request))
                : Steps.found(new Reviewing(member, read, plan));
    }

    private HttpResponse<?> reviewPage(
            MemberPages.Member member,
            PageOperations.Answer read,
            Plan plan,
            @Nullable String banner,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String partner = plan.partnerOrganisation() == null
                ? ""
                : plan.partnerOrganisation().name();
        String title = (form.hasErrors() ? "Error: " : "") + partner + "'s action plan " + plan.period();
        return templates.page(
                status,
                "planReview",
                members.layout(member, title, read, request),
                new ReviewPage(
                        plan,
                        planHref(member.tenantSlug(), plan.id()),
                        "/" + member.tenantSlug() + "/plans",
                        banner,
                        form,
                        conflict));
    }

    private HttpResponse<?> returnPage(
            MemberPages.Member member,
            PageOperations.Answer read,
            Plan plan,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String version = conflict != null || form.value("version").isBlank()
                ? String.valueOf(plan.version())
                : form.value("version");
        String title = (form.hasErrors() ? "Error: " : "") + "Return the plan to the partner";
        return templates.page(
                status,
                "planReturn",
                members.layout(member, title, read, request),
                new ReturnPage(plan, planHref(member.tenantSlug(), plan.id()), version, form, conflict));
    }

    private HttpResponse<?> auditPage(
            MemberPages.Member member,
            PageOperations.Answer read,
            Plan plan,
            Form form,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = (form.hasErrors() ? "Error: " : "") + "Record the annual audit";
        return templates.page(
                status,
                "planAudit",
                members.layout(member, title, read, request),
                new AuditPage(plan, planHref(member.tenantSlug(), plan.id()), form));
    }

    /**
     * Someone decided on the plan first: the plan as it is now beside the decision this person
     * was taking, which is theirs to take again knowing that.
     */
    private static Conflict conflict(
            PageOperations.Answer read, Plan now, String yourStatus, @Nullable String yourReason) {
        List<Conflict.Row> rows = new ArrayList<>();
        rows.add(new Conflict.Row("Status", Labels.of(now.status()), yourStatus));
        String theirReason =
                now.status().equals("RETURNED") ? Objects.requireNonNullElse(now.returnedReason(), "") : "";
        if (yourReason != null || !theirReason.isEmpty()) {
            rows.add(new Conflict.Row(
                    "Why the plan is returned",
                    theirReason.isEmpty() ? "Not given" : theirReason,
                    yourReason == null || yourReason.isEmpty() ? "Not given" : yourReason));
        }
        JsonNode lastChange = read.data().path("plan").path("lastChange");
        return Conflict.of(lastChange.isObject() ? lastChange : NullNode.getInstance(), rows);
    }

    private static String changedMeanwhile(Conflict conflict, Plan now) {
        return conflict.by() + " changed this plan after you opened it: it is now "
                + Labels.of(now.status()).toLowerCase(Locale.UK) + ". Check it before you decide";
    }

    private static Comparator<Listed> listOrder() {
        return Comparator.<Listed>comparingInt(plan -> STATUS_ORDER.indexOf(plan.status()))
                .thenComparing(plan ->
                        plan.status().equals("SUBMITTED") ? Objects.requireNonNullElse(plan.submittedAt(), "") : "")
                .thenComparing(Comparator.comparingInt(Listed::periodStart).reversed())
                .thenComparing(plan -> plan.partner().toLowerCase(Locale.UK));
    }

    private static Row row(String tenant, Listed plan) {
        ActionPlanPages.Counts progress = plan.progress();
        int total = progress == null ? 0 : progress.total();
        int complete = progress == null ? 0 : progress.complete();
        String actions = total == 0
                ? "None yet"
                : (total == 1 ? "1 action" : total + " actions") + ", " + complete + " complete";
        return new Row(
                planHref(tenant, plan.id()),
                plan.partner(),
                plan.periodStart() + "–" + plan.periodEnd(),
                plan.status(),
                plan.submittedAt() == null ? "" : Dates.dateTime(plan.submittedAt()),
                plan.decidedAt() == null ? "" : Dates.dateTime(plan.decidedAt()),
                actions,
                plan.kiteMark());
    }

    /** The fixed words of a notification after a decision; nothing from the address is shown. */
    static @Nullable String banner(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "approved" -> "The plan is approved";
            case "returned" -> "The plan is returned to the partner";
            case "audited" -> "The audit is recorded";
            default -> null;
        };
    }

    static String planHref(String tenant, String id) {
        return "/" + tenant + "/plans/" + id;
    }
}
