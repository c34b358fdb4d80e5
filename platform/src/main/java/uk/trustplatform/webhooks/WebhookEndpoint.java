package uk.trustplatform.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.notifications.EventKind;

/**
 * Where a partner system receives the events it subscribed to. Its signing secret is not here: it
 * is shown once when registered and is read back only by the sender.
 *
 * @param partnerOrganisationId the agency whose endpoint this is; null for the partnership's own
 * @param contactEmail who is told when it is paused
 * @param consecutiveFailures failed attempts in a row, across its deliveries, since the last success
 * @param createdBy the token subject of whoever registered it
 */
record WebhookEndpoint(
        UUID id,
        UUID tenantId,
        String url,
        @Nullable String description,
        List<EventKind> eventKinds,
        @Nullable UUID partnerOrganisationId,
        String contactEmail,
        Status status,
        @Nullable String pausedReason,
        int consecutiveFailures,
        OffsetDateTime createdAt,
        String createdBy,
        long version)
        implements NodeType.Typed {

    static final String TYPE = SchemaTypes.WEBHOOK_ENDPOINT;

    enum Status {
        ACTIVE,
        PAUSED
    }

    WebhookEndpoint {
        eventKinds = List.copyOf(eventKinds);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
