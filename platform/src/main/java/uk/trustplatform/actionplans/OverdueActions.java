package uk.trustplatform.actionplans;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.notifications.OverdueFinder;

/** Actions past their due date and not complete, announced to the agency whose plan holds them. */
@Factory
final class OverdueActions {

    private static final String SQL = """
            SELECT a.id, p.partner_organisation_id, a.due_date
            FROM plan_action a JOIN action_plan p ON p.tenant_id = a.tenant_id AND p.id = a.action_plan_id
            WHERE a.tenant_id = ? AND a.status <> 'COMPLETE' AND a.due_date < ? AND a.due_date >= ?""";

    @Bean
    @Named("overdue-actions")
    OverdueFinder overdueActions(DomainEvents events) {
        return events.overdueFinder(EventKind.ACTION_OVERDUE, PlanAction.TYPE, SQL);
    }
}
