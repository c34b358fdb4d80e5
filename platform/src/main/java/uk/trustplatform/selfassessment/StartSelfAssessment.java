package uk.trustplatform.selfassessment;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code startSelfAssessment} asks: a partner's assessment of a year against a framework on
 * a rating scale (trimmed codes; no scale is Hear by Right's), from an earlier one where named.
 */
record StartSelfAssessment(
        String partnerOrganisationId,
        int year,
        @Nullable String framework,
        @Nullable String scale,
        @Nullable String carryForwardFromId) {

    static StartSelfAssessment from(InputFields input) {
        return new StartSelfAssessment(
                input.requiredString("partnerOrganisationId"),
                input.requiredInteger("year"),
                Inputs.trimmed(input.string("framework")),
                Inputs.trimmed(input.string("scale")),
                input.string("carryForwardFromId"));
    }
}
