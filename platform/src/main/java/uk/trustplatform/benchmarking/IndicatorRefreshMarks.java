package uk.trustplatform.benchmarking;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Marks a tenant for an indicator refresh outside the changes the audit trail marks on its own
 * (migration V32's trigger: partners, people, plans, actions, pledges, participation activities,
 * and a self-assessment entering or leaving the count), in the current transaction.
 */
@Singleton
final class IndicatorRefreshMarks {

    private static final String MARK = "INSERT INTO indicator_refresh (tenant_id) VALUES (?)";

    private final JdbcOperations jdbc;

    IndicatorRefreshMarks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the tenant for the next refresh, in the current transaction (bound to that tenant). */
    void mark(UUID tenantId) {
        jdbc.prepareStatement(MARK, statement -> {
            statement.setObject(1, tenantId);
            return statement.executeUpdate();
        });
    }
}
