package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** A tenant's governance bodies; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface GovernanceBodies extends CrudRepository<GovernanceBody, UUID> {

    @Query("""
            SELECT * FROM governance_body
            WHERE tenant_id = :tenantId
              AND (CAST(:afterName AS text) IS NULL OR (name, id) > (:afterName, CAST(:afterId AS uuid)))
            ORDER BY name, id
            LIMIT :limit""")
    List<GovernanceBody> page(UUID tenantId, @Nullable String afterName, @Nullable String afterId, int limit);

    @Query("SELECT EXISTS (SELECT 1 FROM governance_body WHERE tenant_id = :tenantId AND lower(name) = lower(:name)"
            + " AND id <> :id)")
    boolean nameTaken(UUID tenantId, String name, UUID id);

    /** The ids from {@code id} up through the bodies it reports to, nearest first. */
    @Query("""
            WITH RECURSIVE chain (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM governance_body WHERE tenant_id = :tenantId AND id = :id
                UNION ALL
                SELECT b.id, b.parent_id, chain.depth + 1 FROM governance_body b
                JOIN chain ON b.id = chain.parent_id AND b.tenant_id = :tenantId
                WHERE chain.depth < 100)
            SELECT id FROM chain ORDER BY depth""")
    List<UUID> chain(UUID tenantId, UUID id);
}
