package uk.trustplatform.webhooks;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.notifications.DomainEvent;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventAudience;
import uk.trustplatform.notifications.EventKind;

/**
 * Pauses an endpoint that keeps failing: after the configured number of failed attempts in a row
 * across its deliveries. One delivery that uses every attempt alone does not pause it, when others
 * get through in between: a receiver refusing one event is not down. The pause is audited and
 * published as {@link EventKind#WEBHOOK_ENDPOINT_PAUSED} in the same transaction; the email worker
 * tells the endpoint's contact, whom this class names as that kind's audience. A paused endpoint's
 * events are still queued for it, and they and its pending deliveries wait until it is resumed.
 */
@Singleton
final class FailingEndpoints implements EventAudience {

    private final WebhookEndpoints endpoints;
    private final DomainEvents events;
    private final AuditTrail audit;
    private final WebhookSettings settings;

    FailingEndpoints(WebhookEndpoints endpoints, DomainEvents events, AuditTrail audit, WebhookSettings settings) {
        this.endpoints = endpoints;
        this.events = events;
        this.audit = audit;
        this.settings = settings;
    }

    /** Counts a failed attempt against the endpoint, pausing it when it keeps failing. */
    void failedAttempt(UUID tenantId, UUID endpointId, String lastError) {
        Optional<WebhookEndpoint> endpoint = endpoints.failed(tenantId, endpointId);
        if (endpoint.isEmpty()) {
            return; // removed while the attempt was under way
        }
        int inARow = endpoint.get().consecutiveFailures();
        if (inARow >= settings.pauseAfterFailures()) {
            pause(endpoint.get(), inARow + " attempts in a row failed; the last: " + lastError + ".");
        }
    }

    private void pause(WebhookEndpoint before, String reason) {
        if (!endpoints.pauseFailing(before.tenantId(), before.id(), reason)) {
            return; // paused already, by hand or by another sender
        }
        UUID tenantId = before.tenantId();
        audit.record(
                tenantId,
                "WebhookEndpoint.pausedFailing",
                WebhookEndpoint.TYPE,
                before.id(),
                before,
                endpoints.find(tenantId, before.id()).orElseThrow());
        events.publish(
                tenantId,
                EventKind.WEBHOOK_ENDPOINT_PAUSED,
                WebhookEndpoint.TYPE,
                before.id(),
                before.partnerOrganisationId(),
                Map.of("reason", reason));
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.WEBHOOK_ENDPOINT_PAUSED);
    }

    /**
     * The paused endpoint's contact, greeted as the keeper of that endpoint ("Hello contact for
     * the webhook endpoint Police case system at cases.police.example,"); nobody when it was
     * removed since.
     */
    @Override
    public List<Recipient> of(DomainEvent event) {
        return endpoints
                .find(event.tenantId(), event.subjectId())
                .map(endpoint -> List.of(new Recipient(endpoint.contactEmail(), contactOf(endpoint))))
                .orElse(List.of());
    }

    private static String contactOf(WebhookEndpoint endpoint) {
        String host = URI.create(endpoint.url()).getHost();
        String description = endpoint.description();
        return "contact for the webhook endpoint " + (description == null ? "" : description + " ") + "at " + host;
    }
}
