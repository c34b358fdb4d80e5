package uk.trustplatform.selfassessment;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code reviewSelfAssessment} asks: the board agrees the assessment or returns it, with a comment. */
record ReviewSelfAssessment(
        SelfAssessmentTransition step,
        boolean agree,
        @Nullable String comment) {

    static ReviewSelfAssessment from(InputFields input) {
        return new ReviewSelfAssessment(
                SelfAssessmentTransition.from(input),
                "AGREE".equals(input.string("decision")),
                Inputs.trimmed(input.string("comment")));
    }
}
