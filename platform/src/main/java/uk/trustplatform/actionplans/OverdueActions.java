package uk.trustplatform.actionplans;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.notifications.OverdueFinder;

/** Actions past their due date and not complete, announced to the agency whose plan holds them. */
@Singleton
final class OverdueActions implements OverdueFinder {

    private static final String SQL = """
            SELECT a.id, p.partner_organisation_id, a.due_date
            FROM plan_action a JOIN action_plan p ON p.tenant_id = a.tenant_id AND p.id = a.action_plan_id
            WHERE a.tenant_id = ? AND a.status <> 'COMPLETE' AND a.due_date < ? AND a.due_date >= ?""";

    private final DomainEvents events;

    OverdueActions(DomainEvents events) {
        this.events = events;
    }

    @Override
    public int announce(UUID tenantId, LocalDate today) {
        return events.publishOverdue(
                tenantId,
                EventKind.ACTION_OVERDUE,
                PlanAction.TYPE,
                SQL,
                tenantId,
                Date.valueOf(today),
                Date.valueOf(today.minusDays(LOOK_BACK_DAYS)));
    }
}
