package uk.trustplatform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.UUID;

/** The append-only audit table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditEvents extends GenericRepository<AuditEvent, UUID> {

    @Query("""
            INSERT INTO audit_event
                (tenant_id, id, actor, actor_name, actor_roles, action, entity_type, entity_id, before, after,
                 correlation_id)
            VALUES (:tenantId, :id, :actor, :actorName, :actorRoles, :action, :entityType, :entityId,
                    CAST(:before AS jsonb), CAST(:after AS jsonb), :correlationId)""")
    void append(
            UUID tenantId,
            UUID id,
            String actor,
            @Nullable String actorName,
            String actorRoles,
            String action,
            String entityType,
            @Nullable UUID entityId,
            @Nullable String before,
            @Nullable String after,
            @Nullable String correlationId);
}
