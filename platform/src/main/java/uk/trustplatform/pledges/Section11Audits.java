package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's Section 11 audits; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Section11Audits extends CrudRepository<Section11Audit, UUID> {

    boolean existsByPartnerOrganisationIdAndRound(UUID organisation, int round);

    List<Section11Audit> findByPartnerOrganisationIdIn(Collection<UUID> organisations);

    List<Section11Audit> findByIdIn(Collection<UUID> ids);

    /** One page, newest round first; of the organisations given, or all when {@code everyone}. */
    @Query("""
            SELECT * FROM section11_audit
            WHERE tenant_id = :tenantId
              AND (:everyone OR partner_organisation_id IN (:organisations))
              AND (CAST(:afterRound AS integer) IS NULL
                   OR round < :afterRound OR (round = :afterRound AND id > CAST(:afterId AS uuid)))
            ORDER BY round DESC, id
            LIMIT :limit""")
    List<Section11Audit> page(
            UUID tenantId,
            boolean everyone,
            Collection<UUID> organisations,
            @Nullable Integer afterRound,
            @Nullable String afterId,
            int limit);
}
