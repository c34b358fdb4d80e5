package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * The scheduled run that turns dates passing into events: each active tenant in a transaction of
 * its own, every {@link OverdueFinder} in it. Each event is keyed by its record and the date
 * missed, so a run repeated, or run in two pods at once, announces each once.
 */
@Singleton
final class OverdueEvents {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueEvents.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final List<OverdueFinder> finders;
    private final LondonClock clock;
    private final boolean enabled;

    OverdueEvents(
            TenantDirectory directory,
            TenantTransactions transactions,
            List<OverdueFinder> finders,
            LondonClock clock,
            @Value("${trust.notifications.overdue.enabled:true}") boolean enabled) {
        this.directory = directory;
        this.transactions = transactions;
        this.finders = finders;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelay = "${trust.notifications.overdue.interval:1h}",
            initialDelay = "${trust.notifications.overdue.initial-delay:2m}")
    void announceAll() {
        if (!enabled) {
            return;
        }
        LocalDate today = clock.today();
        for (UUID tenant : directory.activeTenantIds()) {
            try {
                int announced = transactions.inTenant(tenant, false, () -> announce(tenant, today));
                if (announced > 0) {
                    LOG.info("Tenant {}: {} records newly overdue", tenant, announced);
                }
            } catch (RuntimeException e) {
                // One tenant's failure (its transaction rolled back, announced again next run) stops no other's.
                LOG.warn("Overdue events failed for tenant {}", tenant, e);
            }
        }
    }

    /** Every finder's records of one tenant, inside the caller's transaction for it. */
    int announce(UUID tenantId, LocalDate today) {
        return finders.stream()
                .mapToInt(finder -> finder.announce(tenantId, today))
                .sum();
    }
}
