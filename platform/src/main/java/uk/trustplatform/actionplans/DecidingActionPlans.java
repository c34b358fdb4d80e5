package uk.trustplatform.actionplans;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.actionplans.Payloads.PlanPayload;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.api.WorkflowStep;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.partners.PartnerDirectory;

/**
 * A plan's workflow: the partner submits it, the board approves it or returns it with a reason,
 * and audits it once a year. A transition its state does not allow is refused, saying which
 * states allow it.
 */
@Singleton
final class DecidingActionPlans {

    /** A transition: who may make it, from which states, to which. */
    private enum Transition {
        SUBMIT(
                Set.of(ActionPlanStatus.DRAFT, ActionPlanStatus.RETURNED),
                ActionPlanStatus.SUBMITTED,
                "submitted",
                EventKind.ACTION_PLAN_SUBMITTED),
        APPROVE(
                Set.of(ActionPlanStatus.SUBMITTED),
                ActionPlanStatus.APPROVED,
                "approved",
                EventKind.ACTION_PLAN_APPROVED),
        RETURN(
                Set.of(ActionPlanStatus.SUBMITTED, ActionPlanStatus.APPROVED),
                ActionPlanStatus.RETURNED,
                "returned",
                EventKind.ACTION_PLAN_RETURNED);

        private final Set<ActionPlanStatus> from;
        private final ActionPlanStatus to;
        private final String done;
        private final EventKind event;

        Transition(Set<ActionPlanStatus> from, ActionPlanStatus to, String done, EventKind event) {
            this.from = from;
            this.to = to;
            this.done = done;
            this.event = event;
        }
    }

    private static final WorkflowStep<ActionPlan> STEP = new WorkflowStep<>("action plan", ActionPlan::version);
    private static final int REASON_MAX = 4000;

    private final ActionPlans plans;
    private final PlanActions actions;
    private final ActionPlanAudits audits;
    private final ReadingActionPlans reading;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final LondonClock clock;

    DecidingActionPlans(
            ActionPlans plans,
            PlanActions actions,
            ActionPlanAudits audits,
            ReadingActionPlans reading,
            PartnerDirectory partners,
            AuditTrail audit,
            DomainEvents events,
            LondonClock clock) {
        this.events = events;
        this.clock = clock;
        this.plans = plans;
        this.actions = actions;
        this.audits = audits;
        this.reading = reading;
        this.partners = partners;
        this.audit = audit;
    }

    PlanPayload submit(Caller caller, ActionPlanDecision decision) {
        return move(caller, decision, Transition.SUBMIT);
    }

    PlanPayload approve(Caller caller, ActionPlanDecision decision) {
        return move(caller, decision, Transition.APPROVE);
    }

    PlanPayload giveBack(Caller caller, ActionPlanDecision decision) {
        return move(caller, decision, Transition.RETURN);
    }

    private PlanPayload move(Caller caller, ActionPlanDecision decision, Transition transition) {
        UUID tenantId = caller.requireTenant();
        String reason = decision.reason();
        WorkflowStep.Outcome<ActionPlan> outcome = STEP.take(
                plan(caller, decision.id()),
                decision.version(),
                plan -> requireAllowed(caller, plan, transition),
                plan -> problems(plan, transition, reason),
                plan -> plans.update(
                        plan.moved(transition.to, transition == Transition.RETURN ? reason : null, clock.now())),
                (before, after) -> {
                    audit.record(tenantId, "ActionPlan." + transition.done, ActionPlan.TYPE, after.id(), before, after);
                    events.publish(
                            tenantId,
                            transition.event,
                            ActionPlan.TYPE,
                            after.id(),
                            after.partnerOrganisationId(),
                            summary(after, transition == Transition.RETURN ? reason : null));
                });
        return new PlanPayload(outcome.saved(), null, outcome.userErrors());
    }

    /** What an event says of a plan: its period and status, and why a returned plan was returned. */
    private static Map<String, Object> summary(ActionPlan plan, @Nullable String reason) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", plan.status().name());
        summary.put("period", plan.periodStart() + "-" + plan.periodEnd());
        if (reason != null) {
            summary.put("reason", reason);
        }
        return summary;
    }

    /** What stops {@code transition} of the plan as it is: its state alone, else every problem with the input. */
    private List<UserError> problems(ActionPlan plan, Transition transition, @Nullable String reason) {
        if (!transition.from.contains(plan.status())) {
            return List.of(UserError.notInState("plan", plan.status(), transition.from, transition.done, ""));
        }
        List<UserError> problems = new ArrayList<>();
        if (transition == Transition.RETURN) {
            Inputs.required(problems, "reason", reason, REASON_MAX, "Say why the plan is returned.");
        } else {
            Inputs.optional(problems, "reason", reason, REASON_MAX);
        }
        if (transition == Transition.SUBMIT && actions.countByActionPlanId(plan.id()) == 0) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED, "Add at least one action before submitting the plan.", "input", "id"));
        }
        return problems;
    }

    PlanPayload recordAudit(Caller caller, RecordActionPlanAudit record) {
        caller.requireTenant();
        Optional<ActionPlan> found = plan(caller, record.actionPlanId());
        if (found.isEmpty()) {
            return PlanPayload.refused(UserError.notFound("actionPlanId", "action plan"));
        }
        if (!ActionPlanAccess.canDecide(caller)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only the board (its members and the tenant admin) audits plans.");
        }
        ActionPlan plan = found.get();
        List<UserError> problems = new ArrayList<>();
        if (plan.status() != ActionPlanStatus.APPROVED) {
            problems.add(UserError.notInState("plan", plan.status(), "only an approved plan is audited."));
        }
        LocalDate on = record.auditedOn();
        if (on.isAfter(clock.today())) {
            problems.add(
                    UserError.of(Code.NOT_ALLOWED, "An audit is recorded once it has happened.", "input", "auditedOn"));
        }
        String by = Inputs.trimmed(record.auditedBy());
        Inputs.required(problems, "auditedBy", by, 200, "Say who audited the plan.", "The auditor's name");
        String findings = Inputs.trimmed(record.findings());
        Inputs.required(problems, "findings", findings, 4000, "Say what the audit found.", "The findings");
        if (!problems.isEmpty()) {
            return new PlanPayload(null, null, problems);
        }
        ActionPlanAudit saved = audits.save(new ActionPlanAudit(
                UUID.randomUUID(),
                plan.tenantId(),
                plan.id(),
                on,
                Objects.requireNonNull(by, "the check refuses an audit without its auditor"),
                Objects.requireNonNull(findings, "the check refuses an audit without its findings"),
                record.kiteMarkAwarded()));
        audit.record(caller.requireTenant(), "ActionPlan.audited", ActionPlan.TYPE, plan.id(), null, saved);
        return PlanPayload.saved(plan);
    }

    private void requireAllowed(Caller caller, ActionPlan plan, Transition transition) {
        boolean allowed = transition == Transition.SUBMIT
                ? ActionPlanAccess.canKeep(caller, partners.scope(caller), plan.partnerOrganisationId())
                : ActionPlanAccess.canDecide(caller);
        if (!allowed) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    transition == Transition.SUBMIT
                            ? "Only a tenant admin or the organisation's own partner lead submits its plan."
                            : "Only the board (its members and the tenant admin) approves or returns plans.");
        }
    }

    private Optional<ActionPlan> plan(Caller caller, String id) {
        return GlobalId.decode(id, ActionPlan.TYPE).flatMap(uuid -> reading.visiblePlan(caller, uuid));
    }
}
