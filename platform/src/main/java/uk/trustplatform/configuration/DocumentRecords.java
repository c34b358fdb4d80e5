package uk.trustplatform.configuration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Editions of configuration documents; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DocumentRecords extends CrudRepository<DocumentRecord, UUID> {

    List<DocumentRecord> findByKindAndKeyOrderByEditionDesc(DocumentKind kind, String key);

    List<DocumentRecord> findByIdIn(Collection<UUID> ids);

    List<DocumentRecord> findByKindAndStatus(DocumentKind kind, DocumentStatus status);

    List<DocumentRecord> findByStatusAndPartnerOrganisationIdIsNullOrderByKey(DocumentStatus status);

    Optional<DocumentRecord> findByKindAndKeyAndStatus(DocumentKind kind, String key, DocumentStatus status);

    List<DocumentRecord> findByKindAndStatusAndPeriodStartAndPeriodEnd(
            DocumentKind kind, DocumentStatus status, Integer periodStart, Integer periodEnd);

    /**
     * One page of documents of a kind, the newest edition of each key, by key: the tenant's own
     * documents (only their published editions when {@code publishedOnly}) and partners' own
     * copies, of the partner {@code partner} names or of all partners when {@code allPartners}.
     */
    @Query("""
            SELECT DISTINCT ON (key) * FROM configuration_document
            WHERE tenant_id = :tenantId AND kind = :kind
              AND (partner_organisation_id IS NULL OR :allPartners
                   OR partner_organisation_id = CAST(:partner AS uuid))
              AND (NOT :publishedOnly OR status = 'PUBLISHED' OR partner_organisation_id IS NOT NULL)
              AND (CAST(:afterKey AS text) IS NULL OR key > :afterKey)
            ORDER BY key, edition DESC
            LIMIT :limit""")
    List<DocumentRecord> newestByKey(
            UUID tenantId,
            String kind,
            boolean publishedOnly,
            boolean allPartners,
            @Nullable UUID partner,
            @Nullable String afterKey,
            int limit);

    @Query(
            "SELECT coalesce(max(edition), 0) FROM configuration_document WHERE tenant_id = :tenantId AND kind = :kind AND key = :key")
    int lastEdition(UUID tenantId, String kind, String key);
}
