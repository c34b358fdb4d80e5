package uk.trustplatform.actionplans;

import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.audit.AgencyRecords;
import uk.trustplatform.partners.PartnerDirectory;

/**
 * An agency's plans and their actions for its part of the audit trail: an action's progress is
 * recorded under the action, which its state does not tie to the plan.
 */
@Singleton
final class AgencyPlans implements AgencyRecords {

    private final ActionPlans plans;
    private final PlanActions actions;
    private final PartnerDirectory partners;

    AgencyPlans(ActionPlans plans, PlanActions actions, PartnerDirectory partners) {
        this.plans = plans;
        this.actions = actions;
        this.partners = partners;
    }

    @Override
    public Set<UUID> of(Caller caller) {
        List<UUID> planIds =
                plans
                        .findByPartnerOrganisationIdInOrderByPeriodStartDesc(
                                partners.scope(caller).inList())
                        .stream()
                        .map(ActionPlan::id)
                        .toList();
        Set<UUID> records = new HashSet<>(planIds);
        if (!planIds.isEmpty()) {
            actions.ofPlans(caller.requireTenant(), planIds).forEach(action -> records.add(action.id()));
        }
        return records;
    }
}
