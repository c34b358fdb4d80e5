package uk.trustplatform.selfassessment;

import uk.trustplatform.api.InputFields;

/** What {@code submitSelfAssessment} asks: the assessment moved on from the version read. */
record SelfAssessmentTransition(String id, long version) {

    static SelfAssessmentTransition from(InputFields input) {
        return new SelfAssessmentTransition(input.requiredString("id"), input.version("version"));
    }
}
