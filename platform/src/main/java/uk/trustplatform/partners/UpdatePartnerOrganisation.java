package uk.trustplatform.partners;

import uk.trustplatform.api.InputFields;

/** A partner organisation's editable fields as they should be, at the version read. */
record UpdatePartnerOrganisation(String id, long version, PartnerOrganisationInput details) {

    static UpdatePartnerOrganisation from(InputFields input) {
        return new UpdatePartnerOrganisation(
                input.requiredString("id"), input.version("version"), PartnerOrganisationInput.from(input));
    }
}
