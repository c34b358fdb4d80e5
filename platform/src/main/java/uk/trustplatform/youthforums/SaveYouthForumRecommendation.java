package uk.trustplatform.youthforums;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code saveYouthForumRecommendation} asks: with an {@code id}, correct that recommendation
 * (at the version read); without one, record a new one. Texts are trimmed.
 */
record SaveYouthForumRecommendation(
        @Nullable String id,
        long version,
        @Nullable String forum,
        @Nullable LocalDate madeOn,
        @Nullable String recommendation,
        @Nullable String addressedTo,
        @Nullable String partnerOrganisationId) {

    static SaveYouthForumRecommendation from(InputFields input) {
        return new SaveYouthForumRecommendation(
                input.string("id"),
                input.version("version"),
                Inputs.trimmed(input.string("forum")),
                input.date("madeOn"),
                Inputs.trimmed(input.string("recommendation")),
                input.string("addressedTo"),
                input.string("partnerOrganisationId"));
    }
}
