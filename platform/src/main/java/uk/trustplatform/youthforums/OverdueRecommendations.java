package uk.trustplatform.youthforums;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.notifications.OverdueFinder;

/**
 * A youth forum's recommendations still unanswered after the partnership's reply time, announced
 * to the partner they are addressed to (or the board, for those addressed to it).
 */
@Singleton
final class OverdueRecommendations implements OverdueFinder {

    // Due on the day made plus the reply time; overdue the day after, as Recommendation.overdueOn says.
    private static final String SQL = """
            SELECT id, addressed_to_id, made_on + CAST(? AS integer) AS due_on FROM youth_forum_recommendation
            WHERE tenant_id = ? AND replied_on IS NULL
              AND made_on + CAST(? AS integer) < ? AND made_on + CAST(? AS integer) >= ?""";

    private final DomainEvents events;
    private final ReadingRecommendations reading;

    OverdueRecommendations(DomainEvents events, ReadingRecommendations reading) {
        this.events = events;
        this.reading = reading;
    }

    @Override
    public int announce(UUID tenantId, LocalDate today) {
        int replyDays = reading.replyDays(tenantId);
        return events.publishOverdue(
                tenantId,
                EventKind.RECOMMENDATION_OVERDUE,
                Recommendation.TYPE,
                SQL,
                replyDays,
                tenantId,
                replyDays,
                Date.valueOf(today),
                replyDays,
                Date.valueOf(today.minusDays(LOOK_BACK_DAYS)));
    }
}
