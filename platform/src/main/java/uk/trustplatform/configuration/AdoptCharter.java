package uk.trustplatform.configuration;

import uk.trustplatform.api.InputFields;

/** A partner organisation adopting a charter, as it stands or as a copy of its own to personalise. */
record AdoptCharter(String charterId, String partnerOrganisationId, boolean personalise) {

    static AdoptCharter from(InputFields input) {
        return new AdoptCharter(
                input.requiredString("charterId"),
                input.requiredString("partnerOrganisationId"),
                Boolean.TRUE.equals(input.bool("personalise")));
    }
}
