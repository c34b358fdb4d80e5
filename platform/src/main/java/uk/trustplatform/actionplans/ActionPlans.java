package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's action plans; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionPlans extends CrudRepository<ActionPlan, UUID> {

    List<ActionPlan> findByIdIn(Collection<UUID> ids);

    List<ActionPlan> findByPartnerOrganisationIdInOrderByPeriodStartDesc(Collection<UUID> organisations);

    boolean existsByPartnerOrganisationIdAndPeriodStartAndPeriodEnd(UUID organisation, int start, int end);

    boolean existsByCarriedForwardFrom(UUID plan);

    /**
     * One page, newest period first, then by id; of {@code root} and every organisation below it
     * (or all when {@code everyone}), of one period start when given. The walk down the hierarchy
     * is part of the query, so the caller's scope need not be read in a statement of its own.
     */
    @Query("""
            WITH RECURSIVE below (id) AS (
                SELECT id FROM partner_organisation WHERE tenant_id = :tenantId AND id = CAST(:root AS uuid)
                UNION
                SELECT p.id FROM partner_organisation p JOIN below ON p.parent_id = below.id
                WHERE p.tenant_id = :tenantId)
            SELECT * FROM action_plan
            WHERE tenant_id = :tenantId
              AND (:everyone OR partner_organisation_id IN (SELECT id FROM below))
              AND (CAST(:periodStart AS integer) IS NULL OR period_start = :periodStart)
              AND (CAST(:afterStart AS integer) IS NULL
                   OR (period_start < :afterStart)
                   OR (period_start = :afterStart AND id > CAST(:afterId AS uuid)))
            ORDER BY period_start DESC, id
            LIMIT :limit""")
    List<ActionPlan> page(
            UUID tenantId,
            boolean everyone,
            @Nullable UUID root,
            @Nullable Integer periodStart,
            @Nullable Integer afterStart,
            @Nullable String afterId,
            int limit);

    List<ActionPlan> findByPeriodStartAndPeriodEnd(int start, int end);
}
