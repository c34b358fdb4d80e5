package uk.trustplatform.benchmarking;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Keeps indicator snapshots current: a frequent job recomputes the tenants marked for a refresh
 * (by the audit trail, migration V32, and by {@link IndicatorRefreshMarks}), each in a transaction of its own, and a daily one recomputes
 * every active tenant (what is overdue or lapsed changes with the date alone).
 */
@Singleton
final class RefreshingIndicators {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingIndicators.class);

    private final JdbcOperations jdbc;
    private final ComputingIndicators computing;
    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final boolean enabled;
    private final LondonClock clock;

    RefreshingIndicators(
            JdbcOperations jdbc,
            ComputingIndicators computing,
            TenantTransactions transactions,
            TenantDirectory directory,
            @Value("${trust.benchmarking.refresh.enabled:true}") boolean enabled,
            LondonClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.computing = computing;
        this.transactions = transactions;
        this.directory = directory;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelay = "${trust.benchmarking.refresh.interval:1m}",
            initialDelay = "${trust.benchmarking.refresh.initial-delay:1m}")
    void refreshMarked() {
        if (enabled) {
            refresh(transactions.inTenant(null, false, this::marked));
        }
    }

    @Scheduled(
            fixedDelay = "${trust.benchmarking.full-refresh.interval:24h}",
            initialDelay = "${trust.benchmarking.full-refresh.initial-delay:5m}")
    void refreshAll() {
        if (enabled) {
            refresh(directory.activeTenantIds());
        }
    }

    /** Recomputes each tenant's snapshot in a transaction of its own; one failing does not stop the rest. */
    void refresh(List<UUID> tenants) {
        for (UUID tenant : tenants) {
            try {
                refreshNow(tenant);
            } catch (RuntimeException failed) {
                LOG.error("Could not refresh the indicators of tenant {}", tenant, failed);
            }
        }
    }

    /**
     * Recomputes one tenant's snapshot now, in a transaction of its own for the jobs, in the
     * request's for the refreshIndicators mutation; the number of values stored.
     */
    int refreshNow(UUID tenant) {
        return transactions.inTenant(
                tenant, false, () -> computing.refresh(tenant, clock.today()).size());
    }

    /** The tenants marked for a refresh, oldest mark first (ids only, through the aggregate path). */
    List<UUID> marked() {
        return jdbc.prepareStatement("SELECT tenant_id FROM indicator_refreshes_due()", statement -> {
            List<UUID> tenants = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    tenants.add(row.getObject(1, UUID.class));
                }
            }
            return tenants;
        });
    }
}
