package uk.trustplatform.participation;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;

/**
 * What {@code saveParticipationActivity} asks: with an {@code id}, change that activity (at the
 * version read); without one, record a new activity of the organisation named.
 */
record SaveParticipationActivity(
        @Nullable String id, long version, @Nullable String partnerOrganisationId, ActivityInput details) {

    static SaveParticipationActivity from(InputFields input) {
        return new SaveParticipationActivity(
                input.string("id"),
                input.version("version"),
                input.string("partnerOrganisationId"),
                ActivityInput.from(input));
    }
}
