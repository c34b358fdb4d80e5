package uk.trustplatform.pledges;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The entries of a tenant's Section 11 audits; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Section11Entries extends CrudRepository<Section11Entry, UUID> {

    @Query("SELECT * FROM section11_entry WHERE tenant_id = :tenantId AND audit_id IN (:audits) ORDER BY position")
    List<Section11Entry> ofAudits(UUID tenantId, Collection<UUID> audits);
}
