package uk.trustplatform.pledges;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Marks registered pledges due for renewal once inside the tenant's notice period, and lapsed
 * once past their renewal date. Each mark is one conditional UPDATE on the stored state, so the
 * job is safe to run twice, or in two pods at once (the second finds nothing left to change), and
 * is right after a restart: it keeps nothing in memory.
 */
@Singleton
final class PledgeRenewals {

    private static final Logger LOG = LoggerFactory.getLogger(PledgeRenewals.class);
    private static final String LAPSE = """
            UPDATE pledge_registration SET status = 'LAPSED', ended_on = ?, version = version + 1
            WHERE tenant_id = ? AND status IN ('REGISTERED', 'RENEWAL_DUE') AND renewal_due_on < ?
              AND (CAST(? AS uuid) IS NULL OR partner_organisation_id = CAST(? AS uuid))
            RETURNING id, partner_organisation_id, renewal_due_on""";
    private static final String DUE = """
            UPDATE pledge_registration SET status = 'RENEWAL_DUE', version = version + 1
            WHERE tenant_id = ? AND status = 'REGISTERED' AND renewal_due_on >= ? AND renewal_due_on <= ?
            RETURNING id, partner_organisation_id, renewal_due_on""";

    /** What one run changed in one tenant. */
    record Marked(List<UUID> lapsed, List<UUID> renewalDue) {}

    /** One registration a mark changed. */
    private record Changed(UUID id, UUID organisation, LocalDate renewalDueOn) {}

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final boolean enabled;
    private final LondonClock clock;

    PledgeRenewals(
            TenantDirectory directory,
            TenantTransactions transactions,
            JdbcOperations jdbc,
            InForceConfiguration configuration,
            AuditTrail audit,
            DomainEvents events,
            @Value("${trust.pledges.renewals.enabled:true}") boolean enabled,
            LondonClock clock) {
        this.clock = clock;
        this.enabled = enabled;
        this.directory = directory;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.configuration = configuration;
        this.audit = audit;
        this.events = events;
    }

    /** The scheduled run: every active tenant, each in a transaction of its own. */
    @Scheduled(
            fixedDelay = "${trust.pledges.renewals.interval:1h}",
            initialDelay = "${trust.pledges.renewals.initial-delay:2m}")
    void markAll() {
        if (!enabled) {
            return;
        }
        LocalDate today = clock.today();
        for (UUID tenant : directory.activeTenantIds()) {
            Marked marked = transactions.inTenant(tenant, false, () -> mark(tenant, today));
            if (!marked.lapsed().isEmpty() || !marked.renewalDue().isEmpty()) {
                LOG.info(
                        "Pledges of tenant {}: {} lapsed, {} due for renewal",
                        tenant,
                        marked.lapsed().size(),
                        marked.renewalDue().size());
            }
        }
    }

    /** Marks one tenant's pledges as of {@code today}, inside the caller's transaction for that tenant. */
    Marked mark(UUID tenantId, LocalDate today) {
        int notice = configuration.settings(tenantId).renewalNoticeDays();
        List<UUID> lapsed = lapse(tenantId, null, today);
        List<Changed> due = update(DUE, tenantId, Date.valueOf(today), Date.valueOf(today.plusDays(notice)));
        due.forEach(changed -> {
            audit.record(
                    tenantId,
                    "PledgeRegistration.renewalDue",
                    PledgeRegistration.TYPE,
                    changed.id(),
                    null,
                    Map.of("status", "RENEWAL_DUE"));
            announce(tenantId, EventKind.PLEDGE_RENEWAL_DUE, changed, "RENEWAL_DUE");
        });
        return new Marked(lapsed, due.stream().map(Changed::id).toList());
    }

    /** Marks lapsed the registered pledges past their renewal date, of one organisation or (null) all. */
    List<UUID> lapse(UUID tenantId, @Nullable UUID organisation, LocalDate today) {
        List<Changed> lapsed =
                update(LAPSE, Date.valueOf(today), tenantId, Date.valueOf(today), organisation, organisation);
        lapsed.forEach(changed -> {
            audit.record(
                    tenantId,
                    "PledgeRegistration.lapsed",
                    PledgeRegistration.TYPE,
                    changed.id(),
                    null,
                    Map.of("status", "LAPSED", "on", today.toString()));
            announce(tenantId, EventKind.PLEDGE_LAPSED, changed, "LAPSED");
        });
        return lapsed.stream().map(Changed::id).toList();
    }

    private void announce(UUID tenantId, EventKind kind, Changed changed, String status) {
        events.publish(
                tenantId,
                kind,
                PledgeRegistration.TYPE,
                changed.id(),
                changed.organisation(),
                Map.of("status", status, "renewalDueOn", changed.renewalDueOn().toString()));
    }

    private List<Changed> update(String sql, @Nullable Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Changed> changed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    changed.add(new Changed(
                            row.getObject(1, UUID.class),
                            row.getObject(2, UUID.class),
                            row.getObject(3, LocalDate.class)));
                }
            }
            return changed;
        });
    }
}
