package uk.trustplatform.webhooks;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.notifications.DomainEvent;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.notifications.Outbox;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Turns the outbox's events into deliveries, one per endpoint each reaches, and marks them queued
 * for webhooks in the same tenant transaction: an event is fanned out exactly once, however many
 * pods run this (the outbox's rows are taken with SKIP LOCKED, and a delivery is unique per
 * endpoint and event).
 */
@Singleton
final class WebhookFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookFanOut.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;

    WebhookFanOut(
            TenantDirectory directory,
            TenantTransactions transactions,
            Outbox outbox,
            WebhookDeliveries deliveries,
            WebhookSettings settings) {
        this.directory = directory;
        this.transactions = transactions;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelay = "${trust.webhooks.fan-out.interval:5s}",
            initialDelay = "${trust.webhooks.fan-out.initial-delay:30s}")
    void fanOutAll() {
        if (!settings.enabled()) {
            return;
        }
        for (UUID tenant : directory.activeTenantIds()) {
            try {
                fanOut(tenant);
            } catch (RuntimeException e) {
                // One tenant's failure (its transaction rolled back, the events left to queue) stops no other's.
                LOG.warn("Webhook fan-out failed for tenant {}", tenant, e);
            }
        }
    }

    /** Fans out one batch of a tenant's events, in a transaction of its own; the deliveries made. */
    int fanOut(UUID tenantId) {
        return transactions.inTenant(tenantId, false, () -> {
            List<DomainEvent> events = outbox.take(tenantId, Outbox.Channel.WEBHOOKS, settings.batchSize());
            int made = events.stream()
                    // Told to people only: an endpoint's own pause is never posted to endpoints.
                    .filter(event -> event.kind() != EventKind.WEBHOOK_ENDPOINT_PAUSED)
                    .mapToInt(deliveries::fanOut)
                    .sum();
            outbox.queued(
                    tenantId,
                    Outbox.Channel.WEBHOOKS,
                    events.stream().map(DomainEvent::id).toList());
            return made;
        });
    }
}
