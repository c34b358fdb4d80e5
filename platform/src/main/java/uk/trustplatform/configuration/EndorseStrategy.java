package uk.trustplatform.configuration;

import uk.trustplatform.api.InputFields;

/** A partner organisation's endorsement of a strategy; no organisation: the caller's own. */
record EndorseStrategy(String strategyId, String partnerOrganisationId) {

    static EndorseStrategy from(InputFields input) {
        return new EndorseStrategy(input.string("id"), input.string("partnerOrganisationId"));
    }
}
