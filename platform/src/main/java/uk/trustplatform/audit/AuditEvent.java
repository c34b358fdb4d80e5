package uk.trustplatform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the audit trail (before and after are JSON text). */
@MappedEntity("audit_event")
record AuditEvent(
        @Id UUID id,
        @TenantId UUID tenantId,
        OffsetDateTime occurredAt,
        String actor,
        String actorRoles,
        String action,
        String entityType,
        @Nullable UUID entityId,
        @Nullable String before,
        @Nullable String after,
        @Nullable String correlationId) {}
