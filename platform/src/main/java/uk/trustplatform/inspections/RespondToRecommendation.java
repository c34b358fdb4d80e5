package uk.trustplatform.inspections;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code respondToRecommendation} asks: the service's response (trimmed) to a recommendation, and its day. */
record RespondToRecommendation(
        String id,
        long version,
        int number,
        @Nullable String response,
        @Nullable LocalDate respondedOn) {

    static RespondToRecommendation from(InputFields input) {
        return new RespondToRecommendation(
                input.requiredString("id"),
                input.version("version"),
                input.requiredInteger("number"),
                Inputs.trimmed(input.string("response")),
                input.date("respondedOn"));
    }
}
