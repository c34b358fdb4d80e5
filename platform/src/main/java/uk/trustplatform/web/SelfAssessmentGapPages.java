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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.trustplatform.web.ActionPlanPages.Plan;
import uk.trustplatform.web.SelfAssessmentPages.Assessment;
import uk.trustplatform.web.SelfAssessmentPages.Rating;

/**
 * A gap becomes work (Medway: "Using the examples and barriers that have been identified in the
 * self-assessment … develop an action plan"): from a rated standard of its self-assessment, the
 * partner adds an action to its open action plan, in the plan's own fields, and the action keeps
 * which standard it answers.
 */
@Controller("/{tenant}/self-assessment/{id}/ratings/{rating}/actions")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SelfAssessmentGapPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    SelfAssessmentGapPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /**
     * The question page.
     *
     * @param plan the partner's newest plan open for new actions; null when it has none
     * @param planHref where the partner's action plan is started or read
     * @param anyPlan whether the partner has a plan at all (one with the board or approved, when none is open)
     */
    public record GapPage(
            String action,
            String assessmentHref,
            Assessment assessment,
            Rating rating,
            String levelLabel,
            @Nullable Plan plan,
            boolean anyPlan,
            String planHref,
            Form form) {}

    /** An assessment, one of its rated standards, and the partner's plans, as the person may see them. */
    private record Found(PageOperations.Answer read, Assessment assessment, Rating rating, List<Plan> plans) {

        /** The newest plan that takes new actions: a draft, or returned by the board; null when none does. */
        @Nullable
        Plan open() {
            return plans.stream()
                    .filter(Plan::open)
                    .max(Comparator.comparingInt(Plan::periodStart))
                    .orElse(null);
        }
    }

    @Get("/new")
    HttpResponse<?> adding(String tenant, String id, String rating, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Found found = read(tenant, id, rating, member.get(), request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Plan plan = found.open();
        Map<String, String> start = new LinkedHashMap<>();
        if (plan != null) {
            start.put("outcome", answeringOutcome(plan, found.rating()));
        }
        return show(member.get(), found, Form.of(start), HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(String tenant, String id, String rating, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        Found found = read(tenant, id, rating, member.get(), request);
        if (found == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Plan plan = found.open();
        if (plan == null) {
            return show(member.get(), found, form, HttpStatus.BAD_REQUEST, request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("selfAssessmentId", found.assessment().id());
        input.put("standard", found.rating().standard());
        input.put("criterion", found.rating().criterion());
        input.put("actionPlanId", plan.id());
        input.putAll(ActionPages.actionFields(plan.columns(), form));
        PageOperations.Answer added = operations.run(
                "pages/addActionForSelfAssessmentGap",
                Map.of("input", input),
                member.get().caller(),
                request);
        Submission submission = Submission.of(added, "addActionForSelfAssessmentGap", "description");
        if (submission.refusal() != null) {
            return errors.refused(member.get().visitor(), request, submission.refusal(), added.correlationId());
        }
        if (!submission.saved()) {
            Map<String, String> refused = ActionPages.onActionQuestions(submission.errors(), form, plan.columns());
            return show(member.get(), found, form.withErrors(refused), HttpStatus.BAD_REQUEST, request);
        }
        return HttpResponse.seeOther(
                URI.create(SelfAssessmentPages.href(tenant, found.assessment().id()) + "?saved=action"));
    }

    private HttpResponse<?> show(
            MemberPages.Member member, Found found, Form form, HttpStatus status, HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        String assessmentHref =
                SelfAssessmentPages.href(tenant, found.assessment().id());
        String title = (form.hasErrors() ? "Error: " : "") + "Add an action for "
                + found.rating().name() + " – " + SelfAssessmentPages.title(found.assessment());
        return templates.page(
                status,
                "selfAssessmentGap",
                members.layout(member, title, found.read(), request),
                new GapPage(
                        assessmentHref + "/ratings/" + found.rating().id() + "/actions",
                        assessmentHref,
                        found.assessment(),
                        found.rating(),
                        found.assessment().label(found.rating().level()),
                        found.open(),
                        !found.plans().isEmpty(),
                        "/" + tenant + "/action-plan",
                        form));
    }

    /** The first outcome of the plan's section that answers the rated standard, as the question's first answer. */
    private static String answeringOutcome(Plan plan, Rating rating) {
        return plan.sections().stream()
                .filter(section -> rating.standard().equals(section.standard()))
                .filter(section -> !section.outcomes().isEmpty())
                .findFirst()
                .map(section -> ActionPlanPages.Placement.of(
                        section.number(), section.outcomes().getFirst().number()))
                .orElse("");
    }

    /** The assessment and its rated standard, if the person may see them and the standard is rated. */
    private @Nullable Found read(
            String tenant, String id, String rating, MemberPages.Member member, HttpRequest<?> request) {
        PageOperations.Answer read =
                operations.run("pages/selfAssessmentGap", Map.of("slug", tenant, "id", id), member.caller(), request);
        Assessment assessment = SelfAssessmentPages.assessment(read);
        Rating found = assessment == null
                ? null
                : assessment.ratings().stream()
                        .filter(one -> one.id().equals(rating) && one.level() != null)
                        .findFirst()
                        .orElse(null);
        if (assessment == null || found == null) {
            return null;
        }
        JsonNode plans = read.data().path("plans").path("partnerOrganisation").path("actionPlans");
        return new Found(
                read,
                assessment,
                found,
                plans.valueStream().map(plan -> read.convert(plan, Plan.class)).toList());
    }
}
