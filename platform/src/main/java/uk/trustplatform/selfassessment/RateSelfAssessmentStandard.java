package uk.trustplatform.selfassessment;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code rateSelfAssessmentStandard} asks: a level (none clears it) and what shows it, trimmed. */
record RateSelfAssessmentStandard(
        NamedStandard standard,
        long version,
        @Nullable String level,
        @Nullable String evidence,
        @Nullable String whatYoungPeopleSay) {

    static RateSelfAssessmentStandard from(InputFields input) {
        return new RateSelfAssessmentStandard(
                NamedStandard.from(input),
                input.version("version"),
                Inputs.trimmed(input.string("level")),
                Inputs.trimmed(input.string("evidence")),
                Inputs.trimmed(input.string("whatYoungPeopleSay")));
    }
}
