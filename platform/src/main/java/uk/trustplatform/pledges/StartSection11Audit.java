package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;

/** What {@code startSection11Audit} asks: a statutory partner's audit of a round, from an earlier one where named. */
record StartSection11Audit(
        String partnerOrganisationId, int round, @Nullable String carryForwardFromId) {

    static StartSection11Audit from(InputFields input) {
        return new StartSection11Audit(
                input.requiredString("partnerOrganisationId"),
                input.requiredInteger("round"),
                input.string("carryForwardFromId"));
    }
}
