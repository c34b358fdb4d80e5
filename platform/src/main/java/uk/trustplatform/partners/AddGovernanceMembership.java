package uk.trustplatform.partners;

import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** An organisation, or one of its people, taking a seat on a governance body; no person: the organisation's. */
record AddGovernanceMembership(String governanceBodyId, String partnerOrganisationId, String personId, String role) {

    static AddGovernanceMembership from(InputFields input) {
        return new AddGovernanceMembership(
                input.string("governanceBodyId"),
                input.string("partnerOrganisationId"),
                input.string("personId"),
                Inputs.trimmed(input.string("role")));
    }
}
