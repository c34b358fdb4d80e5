package uk.trustplatform.feedback;

import uk.trustplatform.api.InputFields;

/**
 * What {@code issueFeedbackCode} and {@code withdrawFeedbackCode} ask: a step for the code of the
 * subject named, at the version of its code last read (-1 when none was sent: a first code).
 */
record FeedbackCodeStep(String subjectId, long version) {

    static FeedbackCodeStep from(InputFields input) {
        return new FeedbackCodeStep(input.requiredString("subjectId"), input.version("version"));
    }
}
