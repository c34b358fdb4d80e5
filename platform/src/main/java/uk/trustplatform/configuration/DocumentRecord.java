package uk.trustplatform.configuration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;

/**
 * One edition of a configuration document as stored: its place in the document's history, its
 * status, and its content as JSON (the tenant id as text: see PartnerOrganisation).
 *
 * @param tenantId null only for a starter kit's document, which is shown but never stored
 */
@MappedEntity(value = "configuration_document", namingStrategy = ColumnNames.class)
record DocumentRecord(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
        DocumentKind kind,
        String key,
        int edition,
        DocumentStatus status,
        @Nullable UUID partnerOrganisationId,
        @Nullable String basedOn,
        @Nullable Integer periodStart,
        @Nullable Integer periodEnd,
        @TypeDef(type = DataType.JSON) String content,
        @Nullable OffsetDateTime publishedAt,
        @Version long version) {

    DocumentRecord withStatus(DocumentStatus next, @Nullable OffsetDateTime publishedWhen) {
        return new DocumentRecord(
                id,
                tenantId,
                kind,
                key,
                edition,
                next,
                partnerOrganisationId,
                basedOn,
                periodStart,
                periodEnd,
                content,
                publishedWhen,
                version);
    }

    DocumentRecord withContent(String json, @Nullable Integer start, @Nullable Integer end, DocumentStatus next) {
        return new DocumentRecord(
                id,
                tenantId,
                kind,
                key,
                edition,
                next,
                partnerOrganisationId,
                basedOn,
                start,
                end,
                json,
                publishedAt,
                version);
    }
}
