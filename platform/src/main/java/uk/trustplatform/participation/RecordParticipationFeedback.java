package uk.trustplatform.participation;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code recordParticipationFeedback} asks: you said, we did, and when and how they were told (trimmed). */
record RecordParticipationFeedback(
        String id,
        long version,
        @Nullable String youSaid,
        @Nullable String weDid,
        @Nullable LocalDate givenOn,
        @Nullable String method) {

    static RecordParticipationFeedback from(InputFields input) {
        return new RecordParticipationFeedback(
                input.requiredString("id"),
                input.version("version"),
                Inputs.trimmed(input.string("youSaid")),
                Inputs.trimmed(input.string("weDid")),
                input.date("givenOn"),
                Inputs.trimmed(input.string("method")));
    }
}
