package uk.trustplatform.partners;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;

/**
 * A person to add to a partner organisation (no id) or a person's details to change at the
 * version read.
 */
record SavePartnerPerson(
        @Nullable String id, long version, @Nullable String partnerOrganisationId, PartnerPersonInput details) {

    static SavePartnerPerson from(InputFields input) {
        return new SavePartnerPerson(
                input.string("id"),
                input.version("version"),
                input.string("partnerOrganisationId"),
                PartnerPersonInput.from(input));
    }
}
