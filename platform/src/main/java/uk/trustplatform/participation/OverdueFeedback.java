package uk.trustplatform.participation;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.notifications.OverdueFinder;

/**
 * Activities whose feedback to the children and young people who took part ("you said, we did")
 * was due and has not been given: the loop the participation strategy insists is closed.
 */
@Singleton
final class OverdueFeedback implements OverdueFinder {

    private static final String SQL = """
            SELECT id, partner_organisation_id, feedback_due_on FROM participation_activity
            WHERE tenant_id = ? AND feedback_given_on IS NULL AND feedback_due_on < ? AND feedback_due_on >= ?""";

    private final DomainEvents events;

    OverdueFeedback(DomainEvents events) {
        this.events = events;
    }

    @Override
    public int announce(UUID tenantId, LocalDate today) {
        return events.publishOverdue(
                tenantId,
                EventKind.FEEDBACK_OVERDUE,
                ParticipationActivity.TYPE,
                SQL,
                tenantId,
                Date.valueOf(today),
                Date.valueOf(today.minusDays(LOOK_BACK_DAYS)));
    }
}
