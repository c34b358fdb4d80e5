package uk.trustplatform.configuration;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;

/** A partner organisation's endorsement of a strategy; no organisation: the caller's own. */
record EndorseStrategy(String strategyId, @Nullable String partnerOrganisationId) {

    static EndorseStrategy from(InputFields input) {
        return new EndorseStrategy(input.requiredString("id"), input.string("partnerOrganisationId"));
    }
}
