package uk.trustplatform.actionplans;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/**
 * Reads plans, their actions, progress and audits for a caller, always through
 * {@link ActionPlanAccess}. The batch loads serve every plan or action of a response at once.
 */
@Singleton
final class ReadingActionPlans implements NodeResolver {

    /** Plans, newest period first. */
    static final CursorShape PLANS = CursorShape.of("actionPlans", Part.INTEGER, Part.UUID);
    /** Overdue actions, longest overdue first. */
    static final CursorShape OVERDUE = CursorShape.of("overdueActions", Part.DATE, Part.UUID);

    static final String PLANS_BY_ID = "actionPlansById";
    static final String PLANS_OF_ORGANISATION = "actionPlansOfOrganisation";
    static final String PLANS_WITH_PROGRESS_OF_ORGANISATION = "actionPlansWithProgressOfOrganisation";
    static final String ACTIONS_BY_ID = "actionsById";
    static final String ACTIONS_OF_PLAN = "actionsOfPlan";
    static final String PROGRESS_OF_PLAN = "progressOfPlan";
    static final String UPDATES_OF_ACTION = "progressUpdatesOfAction";
    static final String AUDITS_OF_PLAN = "auditsOfPlan";
    /** The partnerships are English councils: a day ends in London. */
    private final ActionPlans plans;

    private final PlanActions actions;
    private final ProgressUpdates updates;
    private final ActionPlanAudits audits;
    private final CountingProgress counting;
    private final PartnerDirectory partners;
    private final LondonClock clock;

    ReadingActionPlans(
            ActionPlans plans,
            PlanActions actions,
            ProgressUpdates updates,
            ActionPlanAudits audits,
            CountingProgress counting,
            PartnerDirectory partners,
            LondonClock clock) {
        this.clock = clock;
        this.plans = plans;
        this.actions = actions;
        this.updates = updates;
        this.audits = audits;
        this.counting = counting;
        this.partners = partners;
    }

    Connection<ActionPlan> page(Caller caller, PageRequest page, @Nullable Integer periodStart) {
        return partners.pageBelow(
                caller,
                page,
                (tenantId, everyone, root, afterStart, afterId, limit) -> plans.page(
                        tenantId,
                        everyone,
                        root,
                        periodStart,
                        afterStart == null ? null : Integer.valueOf(afterStart),
                        afterId,
                        limit),
                row -> page.cursor(row.periodStart(), row.id()));
    }

    Connection<PlanAction> overdue(Caller caller, PageRequest page, LocalDate asOf) {
        return partners.page(
                caller,
                page,
                (tenantId, everyone, organisations, afterDue, afterId, limit) ->
                        actions.overdue(tenantId, asOf, everyone, organisations, afterDue, afterId, limit),
                row -> page.cursor(
                        Objects.requireNonNull(row.dueDate(), "an overdue action has a due date"), row.id()));
    }

    Optional<ActionPlan> visiblePlan(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return plans.findById(id).filter(plan -> ActionPlanAccess.canRead(scope, plan));
    }

    /** The action and its plan, if the caller may see the plan. */
    Optional<Located> visibleAction(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        return actions.findById(id)
                .flatMap(action -> visiblePlan(caller, action.actionPlanId()).map(plan -> new Located(plan, action)));
    }

    /** An action with the plan it belongs to. */
    record Located(ActionPlan plan, PlanAction action) {}

    @Override
    public Set<String> types() {
        return Set.of(ActionPlan.TYPE, PlanAction.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        Optional<Object> plan = visiblePlan(caller, id).map(Object.class::cast);
        return plan.or(() -> visibleAction(caller, id).map(Located::action)).orElse(null);
    }

    Map<UUID, ActionPlan> plansById(Set<UUID> ids) {
        PartnerScope scope = currentScope();
        return plans.findByIdIn(ids).stream()
                .filter(plan -> ActionPlanAccess.canRead(scope, plan))
                .collect(Collectors.toMap(ActionPlan::id, Function.identity()));
    }

    Map<UUID, List<ActionPlan>> plansOfOrganisations(Set<UUID> organisations) {
        PartnerScope scope = currentScope();
        return PerRequestLoader.grouped(
                organisations,
                plans.findByPartnerOrganisationIdInOrderByPeriodStartDesc(organisations).stream()
                        .filter(plan -> ActionPlanAccess.canRead(scope, plan))
                        .toList(),
                ActionPlan::partnerOrganisationId);
    }

    /** As {@link #plansOfOrganisations}, each plan with its progress, counted in the same query. */
    Map<UUID, List<CountingProgress.PartnerProgress>> plansWithProgressOfOrganisations(Set<UUID> organisations) {
        PartnerScope scope = currentScope();
        return PerRequestLoader.grouped(
                organisations,
                counting.plansOf(currentTenant(), organisations, clock.today()).stream()
                        .filter(row -> ActionPlanAccess.canRead(scope, row.actionPlan()))
                        .toList(),
                CountingProgress.PartnerProgress::partnerOrganisationId);
    }

    /** Loaded only for plans the caller has already been shown. */
    Map<UUID, List<PlanAction>> actionsOfPlans(Set<UUID> planIds) {
        return PerRequestLoader.grouped(planIds, actions.ofPlans(currentTenant(), planIds), PlanAction::actionPlanId);
    }

    Map<UUID, PlanAction> actionsById(Set<UUID> ids) {
        List<PlanAction> found = actions.findByIdIn(ids);
        Set<UUID> visiblePlans = plansById(
                        found.stream().map(PlanAction::actionPlanId).collect(Collectors.toSet()))
                .keySet();
        return found.stream()
                .filter(action -> visiblePlans.contains(action.actionPlanId()))
                .collect(Collectors.toMap(PlanAction::id, Function.identity()));
    }

    Map<UUID, ActionProgress> progressOfPlans(Set<UUID> planIds) {
        return counting.ofPlans(currentTenant(), planIds, clock.today());
    }

    Map<UUID, List<ProgressUpdate>> updatesOfActions(Set<UUID> actionIds) {
        return PerRequestLoader.grouped(
                actionIds, updates.ofActions(currentTenant(), actionIds), ProgressUpdate::actionId);
    }

    Map<UUID, List<ActionPlanAudit>> auditsOfPlans(Set<UUID> planIds) {
        return PerRequestLoader.grouped(
                planIds, audits.findByActionPlanIdInOrderByAuditedOnDesc(planIds), ActionPlanAudit::actionPlanId);
    }

    private PartnerScope currentScope() {
        return partners.scope(RequestContext.currentCaller());
    }

    private static UUID currentTenant() {
        return RequestContext.currentCaller().requireTenant();
    }
}
