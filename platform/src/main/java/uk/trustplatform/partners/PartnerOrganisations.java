package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's partner organisations. Every query is also filtered by the current tenant ({@code @TenantId}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PartnerOrganisations extends CrudRepository<PartnerOrganisation, UUID> {

    List<PartnerOrganisation> findByIdIn(Collection<UUID> ids);

    /**
     * One page by name, after a (name, id) key; within {@code scope} and the services directly below
     * it when a scope is given.
     */
    @Query("""
            SELECT * FROM partner_organisation
            WHERE tenant_id = :tenantId
              AND (CAST(:scope AS uuid) IS NULL OR id = :scope OR parent_id = :scope)
              AND (CAST(:afterName AS text) IS NULL OR (name, id) > (:afterName, CAST(:afterId AS uuid)))
            ORDER BY name, id
            LIMIT :limit""")
    List<PartnerOrganisation> page(
            UUID tenantId, @Nullable UUID scope, @Nullable String afterName, @Nullable String afterId, int limit);

    /** The ids from {@code id} up to the top of the hierarchy, nearest first. */
    @Query("""
            WITH RECURSIVE chain (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM partner_organisation WHERE tenant_id = :tenantId AND id = :id
                UNION ALL
                SELECT p.id, p.parent_id, chain.depth + 1 FROM partner_organisation p
                JOIN chain ON p.id = chain.parent_id AND p.tenant_id = :tenantId
                WHERE chain.depth < 100)
            SELECT id FROM chain ORDER BY depth""")
    List<UUID> ancestry(UUID tenantId, UUID id);
}
