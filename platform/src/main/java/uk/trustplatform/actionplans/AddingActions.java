package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.actionplans.Payloads.ActionPayload;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * Adds an action to one partner's plan for another feature (a gap in a self-assessment becoming
 * work), under every rule of {@code saveAction}: who may, the plan's state, the template's outcomes.
 */
@Singleton
public final class AddingActions {

    /** The per-request loader of actions by id (those of plans the caller may see), for fields that give them. */
    public static final String ACTIONS_BY_ID = ReadingActionPlans.ACTIONS_BY_ID;

    /**
     * The action as added (an Action of the schema), or why it was not.
     *
     * @param action null when refused
     */
    public record Added(@Nullable Audited action, List<UserError> userErrors) {}

    private final WorkingOnActionPlans working;
    private final ReadingActionPlans reading;

    AddingActions(WorkingOnActionPlans working, ReadingActionPlans reading) {
        this.working = working;
        this.reading = reading;
    }

    /** Adds the action {@code action} describes to {@code organisation}'s plan {@code actionPlanId} names. */
    public Added toPlanOf(Caller caller, UUID organisation, String actionPlanId, ActionInput action) {
        boolean theirs = GlobalId.decode(actionPlanId, ActionPlan.TYPE)
                .flatMap(id -> reading.visiblePlan(caller, id))
                .filter(plan -> plan.partnerOrganisationId().equals(organisation))
                .isPresent();
        if (!theirs) {
            return new Added(
                    null,
                    List.of(UserError.of(
                            Code.NOT_FOUND,
                            "The assessed partner has no action plan with this id.",
                            "input",
                            "actionPlanId")));
        }
        caller.requireTenant();
        ActionPayload payload = working.add(caller, actionPlanId, action);
        return new Added(payload.action(), payload.userErrors());
    }
}
