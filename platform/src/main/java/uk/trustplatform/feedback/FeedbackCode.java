package uk.trustplatform.feedback;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A subject's feedback code as kept: only the SHA-256 of its text, never the text.
 *
 * @param expiresOn the last day it is accepted
 * @param withdrawnOn when the worker withdrew it; null while it stands
 */
record FeedbackCode(
        UUID tenantId,
        String subjectKind,
        UUID subjectId,
        LocalDate issuedOn,
        LocalDate expiresOn,
        @Nullable LocalDate withdrawnOn,
        long version) {

    /** Where a code stands on a day, as the worker sees it. */
    enum Status {
        LIVE,
        EXPIRED,
        WITHDRAWN
    }

    Status statusOn(LocalDate day) {
        if (withdrawnOn != null) {
            return Status.WITHDRAWN;
        }
        return day.isAfter(expiresOn) ? Status.EXPIRED : Status.LIVE;
    }
}
