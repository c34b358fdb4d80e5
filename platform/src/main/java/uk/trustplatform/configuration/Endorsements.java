package uk.trustplatform.configuration;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;

/** Partners' endorsements of strategy editions. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Endorsements extends GenericRepository<Endorsements.Endorsement, UUID> {

    @MappedEntity(value = "strategy_endorsement", namingStrategy = ColumnNames.class)
    record Endorsement(@Id UUID documentId, UUID partnerOrganisationId, String endorsedBy, OffsetDateTime endorsedAt) {}

    @Query("""
            INSERT INTO strategy_endorsement (tenant_id, document_id, partner_organisation_id, endorsed_by)
            VALUES (:tenantId, :documentId, :partnerOrganisationId, :endorsedBy)
            ON CONFLICT DO NOTHING""")
    void add(UUID tenantId, UUID documentId, UUID partnerOrganisationId, String endorsedBy);

    @Query("""
            SELECT document_id, partner_organisation_id, endorsed_by, endorsed_at FROM strategy_endorsement
            WHERE tenant_id = :tenantId AND document_id IN (:documentIds) ORDER BY endorsed_at""")
    List<Endorsement> of(UUID tenantId, Collection<UUID> documentIds);

    @Query("DELETE FROM strategy_endorsement WHERE tenant_id = :tenantId AND document_id = :documentId")
    void clear(UUID tenantId, UUID documentId);
}
