package uk.trustplatform.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.notifications.EventKind;

/**
 * One event's delivery to one endpoint, as its log shows it.
 *
 * @param subjectType the GraphQL type of the record the event is about
 */
record WebhookDelivery(
        UUID id,
        UUID endpointId,
        UUID eventId,
        EventKind eventKind,
        String subjectType,
        UUID subjectId,
        Status status,
        int attempts,
        @Nullable OffsetDateTime lastAttemptAt,
        @Nullable Integer lastResponseCode,
        @Nullable String lastError,
        @Nullable OffsetDateTime nextAttemptAt,
        @Nullable OffsetDateTime deliveredAt,
        OffsetDateTime createdAt) {

    /** The type of an event's global id: what {@code webhook-id} and the body's {@code data.id} carry. */
    static final String EVENT_TYPE = "DomainEvent";

    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
