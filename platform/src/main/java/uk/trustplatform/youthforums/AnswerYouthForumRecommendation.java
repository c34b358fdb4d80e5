package uk.trustplatform.youthforums;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code answerYouthForumRecommendation} asks: the reply, its day, the outcome and (unless accepted) why. */
record AnswerYouthForumRecommendation(
        String id,
        long version,
        @Nullable String reply,
        @Nullable String reason,
        @Nullable LocalDate repliedOn,
        Recommendation.@Nullable Outcome outcome) {

    static AnswerYouthForumRecommendation from(InputFields input) {
        String outcome = input.string("outcome");
        return new AnswerYouthForumRecommendation(
                input.requiredString("id"),
                input.version("version"),
                Inputs.trimmed(input.string("reply")),
                Inputs.trimmed(input.string("reason")),
                input.date("repliedOn"),
                outcome == null ? null : Recommendation.Outcome.valueOf(outcome));
    }
}
