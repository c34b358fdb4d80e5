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

    List<PartnerOrganisation> findByParentIdInOrderByName(Collection<UUID> parents);

    /**
     * One page by name, after a (name, id) key; within {@code scope} and everything below it when a
     * scope is given.
     */
    @Query("""
            WITH RECURSIVE below (id) AS (
                SELECT id FROM partner_organisation WHERE tenant_id = :tenantId AND id = CAST(:scope AS uuid)
                UNION
                SELECT p.id FROM partner_organisation p JOIN below ON p.parent_id = below.id
                WHERE p.tenant_id = :tenantId)
            SELECT * FROM partner_organisation
            WHERE tenant_id = :tenantId
              AND (CAST(:scope AS uuid) IS NULL OR id IN (SELECT id FROM below))
              AND (CAST(:afterName AS text) IS NULL OR (name, id) > (:afterName, CAST(:afterId AS uuid)))
            ORDER BY name, id
            LIMIT :limit""")
    List<PartnerOrganisation> page(
            UUID tenantId, @Nullable UUID scope, @Nullable String afterName, @Nullable String afterId, int limit);

    /** {@code root} and the ids of everything below it. UNION (not ALL) ends the walk even on a cycle. */
    @Query("""
            WITH RECURSIVE below (id) AS (
                SELECT id FROM partner_organisation WHERE tenant_id = :tenantId AND id = :root
                UNION
                SELECT p.id FROM partner_organisation p JOIN below ON p.parent_id = below.id
                WHERE p.tenant_id = :tenantId)
            SELECT id FROM below""")
    List<UUID> subtree(UUID tenantId, UUID root);

    /** The organisations below any of {@code roots}, at any depth, in one query. */
    @Query("""
            WITH RECURSIVE below (id) AS (
                SELECT id FROM partner_organisation WHERE tenant_id = :tenantId AND parent_id IN (:roots)
                UNION
                SELECT p.id FROM partner_organisation p JOIN below ON p.parent_id = below.id
                WHERE p.tenant_id = :tenantId)
            SELECT * FROM partner_organisation
            WHERE tenant_id = :tenantId AND id IN (SELECT id FROM below)
            ORDER BY name, id""")
    List<PartnerOrganisation> below(UUID tenantId, Collection<UUID> roots);

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
