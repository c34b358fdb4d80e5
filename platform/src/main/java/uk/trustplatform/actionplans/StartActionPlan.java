package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;

/**
 * What {@code startActionPlan} asks: a plan for a partner from a published template edition,
 * carrying forward the unfinished actions of an earlier plan where one is named.
 */
record StartActionPlan(
        String partnerOrganisationId,
        String templateId,
        @Nullable String carryForwardFromId) {

    static StartActionPlan from(InputFields input) {
        return new StartActionPlan(
                input.requiredString("partnerOrganisationId"),
                input.requiredString("templateId"),
                input.string("carryForwardFromId"));
    }
}
