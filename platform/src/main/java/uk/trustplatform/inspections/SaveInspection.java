package uk.trustplatform.inspections;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code saveInspection} asks: with an {@code id}, change that draft (at the version read);
 * without one, record a new inspection of the organisation named.
 */
record SaveInspection(
        @Nullable String id, long version, @Nullable String partnerOrganisationId, InspectionInput details) {

    static SaveInspection from(InputFields input) {
        return new SaveInspection(
                input.string("id"),
                input.version("version"),
                Inputs.trimmed(input.string("partnerOrganisationId")),
                InspectionInput.from(input));
    }
}
