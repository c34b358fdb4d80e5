package uk.trustplatform.selfassessment;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * A standard (or criterion) of a self-assessment as an input names it by its numbers, trimmed; a
 * standard without criteria is named by the standard's number alone.
 */
record NamedStandard(
        String selfAssessmentId,
        @Nullable String standard,
        @Nullable String criterion) {

    static NamedStandard from(InputFields input) {
        return new NamedStandard(
                input.requiredString("selfAssessmentId"),
                Inputs.trimmed(input.string("standard")),
                Inputs.trimmed(input.string("criterion")));
    }
}
