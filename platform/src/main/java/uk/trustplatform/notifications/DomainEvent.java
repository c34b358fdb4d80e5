package uk.trustplatform.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;

/** One event of the outbox as the workers read it. */
public record DomainEvent(
        UUID tenantId,
        UUID id,
        EventKind kind,
        OffsetDateTime occurredAt,
        String subjectType,
        UUID subjectId,
        @Nullable UUID partnerOrganisationId,
        JsonNode summary) {

    /** The global id of the record the event is about, as the API gives it. */
    public String subjectGlobalId() {
        return GlobalId.encode(subjectType, subjectId);
    }
}
