package uk.trustplatform.configuration;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;

/**
 * The partnership's numbers as the admin sent them, at the version read; {@code replyDays} or
 * {@code validMonths} left out (null) keeps that number as it is.
 */
record UpdatePartnershipSettings(
        long version,
        int champions,
        int noticeDays,
        @Nullable Integer replyDays,
        @Nullable Integer validMonths) {

    static UpdatePartnershipSettings from(InputFields input) {
        return new UpdatePartnershipSettings(
                input.version("version"),
                input.requiredInteger("minimumParticipationChampions"),
                input.requiredInteger("renewalNoticeDays"),
                input.integer("recommendationReplyDays"),
                input.integer("kiteMarkValidMonths"));
    }
}
