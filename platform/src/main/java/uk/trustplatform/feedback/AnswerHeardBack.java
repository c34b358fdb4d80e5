package uk.trustplatform.feedback;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code answerHeardBack} asks: a participant's answer, by the code they were given, with their words (trimmed). */
record AnswerHeardBack(
        String tenantSlug,
        String code,
        @Nullable String heard,
        @Nullable String words) {

    static AnswerHeardBack from(InputFields input) {
        return new AnswerHeardBack(
                input.requiredString("tenantSlug"),
                input.requiredString("code"),
                input.string("heard"),
                Inputs.trimmed(input.string("words")));
    }
}
