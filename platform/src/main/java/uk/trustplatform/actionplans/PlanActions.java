package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The actions of a tenant's plans; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlanActions extends CrudRepository<PlanAction, UUID> {

    List<PlanAction> findByIdIn(Collection<UUID> ids);

    @Query(
            "SELECT * FROM plan_action WHERE tenant_id = :tenantId AND action_plan_id IN (:plans) ORDER BY created_at, id")
    List<PlanAction> ofPlans(UUID tenantId, Collection<UUID> plans);

    long countByActionPlanId(UUID plan);

    /** Overdue actions of the plans of the organisations given (or all when {@code everyone}), longest overdue first. */
    @Query("""
            SELECT a.* FROM plan_action a
            JOIN action_plan p ON p.tenant_id = a.tenant_id AND p.id = a.action_plan_id
            WHERE a.tenant_id = :tenantId AND a.status <> 'COMPLETE' AND a.due_date < :asOf
              AND (:everyone OR p.partner_organisation_id IN (:organisations))
              AND (CAST(:afterDue AS date) IS NULL
                   OR (a.due_date, a.id) > (CAST(:afterDue AS date), CAST(:afterId AS uuid)))
            ORDER BY a.due_date, a.id
            LIMIT :limit""")
    List<PlanAction> overdue(
            UUID tenantId,
            LocalDate asOf,
            boolean everyone,
            Collection<UUID> organisations,
            @Nullable String afterDue,
            @Nullable String afterId,
            int limit);
}
