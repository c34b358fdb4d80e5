package uk.trustplatform.partners;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** An organisation, or one of its people, taking a seat on a governance body; no person: the organisation's. */
record AddGovernanceMembership(
        String governanceBodyId,
        String partnerOrganisationId,
        @Nullable String personId,
        @Nullable String role) {

    static AddGovernanceMembership from(InputFields input) {
        return new AddGovernanceMembership(
                input.requiredString("governanceBodyId"),
                input.requiredString("partnerOrganisationId"),
                input.string("personId"),
                Inputs.trimmed(input.string("role")));
    }
}
