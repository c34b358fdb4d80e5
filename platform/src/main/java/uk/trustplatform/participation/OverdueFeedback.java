package uk.trustplatform.participation;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.notifications.OverdueFinder;

/**
 * Activities whose feedback to the children and young people who took part ("you said, we did")
 * was due and has not been given: the loop the participation strategy insists is closed.
 */
@Factory
final class OverdueFeedback {

    private static final String SQL = """
            SELECT id, partner_organisation_id, feedback_due_on FROM participation_activity
            WHERE tenant_id = ? AND feedback_given_on IS NULL AND feedback_due_on < ? AND feedback_due_on >= ?""";

    @Bean
    @Named("overdue-feedback")
    OverdueFinder overdueFeedback(DomainEvents events) {
        return events.overdueFinder(EventKind.FEEDBACK_OVERDUE, ParticipationActivity.TYPE, SQL);
    }
}
