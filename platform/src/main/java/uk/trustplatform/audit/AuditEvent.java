package uk.trustplatform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;

/** One entry of the audit trail (before and after are JSON text; the tenant id is text, see PartnerOrganisation). */
@MappedEntity(value = "audit_event", namingStrategy = ColumnNames.class)
record AuditEvent(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        OffsetDateTime occurredAt,
        String actor,
        @Nullable String actorName,
        String actorRoles,
        String action,
        String entityType,
        @Nullable UUID entityId,
        @Nullable String before,
        @Nullable String after,
        @Nullable String correlationId) {}
