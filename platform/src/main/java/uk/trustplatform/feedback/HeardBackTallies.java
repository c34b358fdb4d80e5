package uk.trustplatform.feedback;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.Caller;

/** The answers about each kind of subject of a period counted together, for the participation summary. */
@Singleton
public final class HeardBackTallies {

    /** How many answered each way about one kind's subjects. */
    public record OfKind(String kind, HeardBackCount count) {}

    private final FeedbackSubjects subjects;
    private final FeedbackAnswers answers;

    HeardBackTallies(FeedbackSubjects subjects, FeedbackAnswers answers) {
        this.subjects = subjects;
        this.answers = answers;
    }

    /** Each kind's count over its subjects of the period that the caller reads, in the order of the kinds' types. */
    public List<OfKind> byKind(Caller caller, LocalDate from, LocalDate to) {
        UUID tenantId = caller.requireTenant();
        return subjects.all().stream()
                .sorted(Comparator.comparing(FeedbackSubject::type))
                .map(kind -> new OfKind(kind.type(), total(tenantId, kind, kind.summarised(caller, from, to))))
                .toList();
    }

    private HeardBackCount total(UUID tenantId, FeedbackSubject kind, List<UUID> subjectIds) {
        return subjectIds.isEmpty() ? HeardBackCount.NONE : answers.total(tenantId, kind.type(), subjectIds);
    }
}
