package uk.trustplatform.benchmarking;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.audit.AuditListener;

/**
 * Marks a tenant for an indicator refresh whenever the audit trail records a change to what its
 * indicators count (partners, people, plans, actions, pledges, participation activities, and a
 * self-assessment entering or leaving the count: submitted, agreed or returned), in the change's
 * own transaction.
 * It depends on nothing but the database, since the audit trail calls it.
 */
@Singleton
final class IndicatorRefreshMarks implements AuditListener {

    private static final Set<String> SOURCES = Set.of(
            "PartnerOrganisation",
            "PartnerPerson",
            "ActionPlan",
            "Action",
            "PledgeRegistration",
            "ParticipationActivity");
    // A draft's ratings count for nothing until it is submitted, so they need no refresh.
    private static final Set<String> SELF_ASSESSMENT_STEPS =
            Set.of("SelfAssessment.submitted", "SelfAssessment.agreed", "SelfAssessment.returned");
    private static final String MARK = """
            INSERT INTO indicator_refresh (tenant_id, requested_at) VALUES (?, clock_timestamp())
            ON CONFLICT (tenant_id) DO UPDATE SET requested_at = excluded.requested_at""";

    private final JdbcOperations jdbc;

    IndicatorRefreshMarks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recorded(UUID tenantId, String action, String entityType) {
        if (tenantId != null && (SOURCES.contains(entityType) || SELF_ASSESSMENT_STEPS.contains(action))) {
            mark(tenantId);
        }
    }

    /** Marks the tenant for the next refresh, in the current transaction (bound to that tenant). */
    void mark(UUID tenantId) {
        jdbc.prepareStatement(MARK, statement -> {
            statement.setObject(1, tenantId);
            return statement.executeUpdate();
        });
    }
}
