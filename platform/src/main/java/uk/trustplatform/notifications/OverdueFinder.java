package uk.trustplatform.notifications;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A feature's records that have gone past a date someone owed them by (an action's due date,
 * feedback to young people, a reply to a youth forum). {@link OverdueEvents} asks every finder each
 * run; a finder announces each record once per date missed, with {@link DomainEvents#publishOverdue}.
 */
public interface OverdueFinder {

    /**
     * How far back a run looks. A record overdue for longer was announced already, or went overdue
     * before the platform announced anything (when it was upgraded): announcing those all at once
     * would flood people with old news. A job stopped for less than this catches up.
     */
    int LOOK_BACK_DAYS = 7;

    /**
     * Announces the tenant's records overdue on {@code today}, inside the caller's transaction.
     *
     * @return how many were announced for the first time
     */
    int announce(UUID tenantId, LocalDate today);
}
