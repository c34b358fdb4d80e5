package uk.trustplatform.configuration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;

/** Which charter each partner has adopted, or personalised. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CharterAdoptions extends GenericRepository<CharterAdoptions.Adoption, UUID> {

    @MappedEntity(value = "charter_adoption", namingStrategy = ColumnNames.class)
    record Adoption(
            @Id UUID partnerOrganisationId,
            UUID charterId,
            boolean personalised,
            String adoptedBy,
            OffsetDateTime adoptedAt) {}

    /** One charter per partner: adopting again replaces the earlier choice. */
    @Query("""
            INSERT INTO charter_adoption (tenant_id, partner_organisation_id, charter_id, personalised, adopted_by)
            VALUES (:tenantId, :partnerOrganisationId, :charterId, :personalised, :adoptedBy)
            ON CONFLICT (tenant_id, partner_organisation_id) DO UPDATE
            SET charter_id = EXCLUDED.charter_id, personalised = EXCLUDED.personalised,
                adopted_by = EXCLUDED.adopted_by, adopted_at = clock_timestamp()""")
    void adopt(UUID tenantId, UUID partnerOrganisationId, UUID charterId, boolean personalised, String adoptedBy);

    @Query("""
            SELECT partner_organisation_id, charter_id, personalised, adopted_by, adopted_at FROM charter_adoption
            WHERE tenant_id = :tenantId AND (CAST(:partner AS uuid) IS NULL OR partner_organisation_id = :partner)
            ORDER BY adopted_at""")
    List<Adoption> of(UUID tenantId, @Nullable UUID partner);
}
