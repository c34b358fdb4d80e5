package uk.trustplatform.feedback;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.UUID;

/** The answers of many subjects of one kind counted together, for another feature's summaries. */
@Singleton
public final class HeardBackTallies {

    private final FeedbackAnswers answers;

    HeardBackTallies(FeedbackAnswers answers) {
        this.answers = answers;
    }

    /** How many answered each way about the subjects, read in the caller's transaction for the tenant. */
    public HeardBackCount total(UUID tenantId, FeedbackSubject kind, Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? HeardBackCount.NONE : answers.total(tenantId, kind.type(), subjectIds);
    }
}
