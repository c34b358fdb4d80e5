package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code submitActionPlan}, {@code approveActionPlan} and {@code returnActionPlan} ask: the
 * plan moved on from the version read, with the reason (trimmed) it is returned.
 */
record ActionPlanDecision(String id, long version, @Nullable String reason) {

    static ActionPlanDecision from(InputFields input) {
        return new ActionPlanDecision(
                input.requiredString("id"), input.version("version"), Inputs.trimmed(input.string("reason")));
    }
}
