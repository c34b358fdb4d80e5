package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.notifications.EmailText.About;
import uk.trustplatform.notifications.EmailText.Partnership;
import uk.trustplatform.notifications.EventAudience.Recipient;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Turns the outbox's events into emails: for each event, each person of its audiences, by their
 * choice for its kind, gets a message rendered now, or a line kept for their daily digest, or
 * (their choice OFF, the kind not required) nothing. One tenant transaction takes the events
 * (locked, so another pod skips them), queues the messages and marks the events queued, so an
 * event is fanned out once: a crash before the commit leaves it to the next run. With email off (no
 * relay) the events are marked handled and nothing is made: turning email on later tells no one of
 * events from before, and no link is signed (there may be no key to sign it with).
 */
@Singleton
final class EmailFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(EmailFanOut.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final Map<EventKind, List<EventAudience>> audiences = new EnumMap<>(EventKind.class);
    private final NotificationPreferences preferences;
    private final RequiredNotifications required;
    private final EmailMessages messages;
    private final EmailText text;
    private final OrganisationNames organisations;
    private final LondonClock clock;
    private final MailGateway gateway;
    private final boolean enabled;
    private final int batch;

    EmailFanOut(
            TenantDirectory directory,
            TenantTransactions transactions,
            Outbox outbox,
            List<EventAudience> audiences,
            NotificationPreferences preferences,
            RequiredNotifications required,
            EmailMessages messages,
            EmailText text,
            OrganisationNames organisations,
            LondonClock clock,
            MailGateway gateway,
            @Value("${trust.notifications.email.enabled:true}") boolean enabled,
            @Value("${trust.notifications.email.batch:100}") int batch) {
        this.directory = directory;
        this.transactions = transactions;
        this.outbox = outbox;
        audiences.forEach(audience -> audience.kinds()
                .forEach(kind -> this.audiences
                        .computeIfAbsent(kind, any -> new ArrayList<>())
                        .add(audience)));
        this.preferences = preferences;
        this.required = required;
        this.messages = messages;
        this.text = text;
        this.organisations = organisations;
        this.clock = clock;
        this.gateway = gateway;
        this.enabled = enabled;
        this.batch = batch;
    }

    /** The kinds someone is emailed about: those a person may choose for. */
    List<EventKind> kindsEmailed() {
        return audiences.keySet().stream().sorted().toList();
    }

    @Scheduled(
            fixedDelay = "${trust.notifications.email.fan-out-interval:30s}",
            initialDelay = "${trust.notifications.email.initial-delay:1m}")
    void fanOutAll() {
        if (!enabled) {
            return;
        }
        for (Tenant tenant : directory.active()) {
            try {
                Partnership partnership = Partnership.of(tenant);
                int events = transactions.inTenant(tenant.id(), false, () -> fanOut(partnership));
                if (events > 0) {
                    LOG.info("Emails of tenant {}: {} events queued", tenant.id(), events);
                }
            } catch (RuntimeException e) {
                // One tenant's failure (its transaction rolled back, the events left to queue) stops no other's.
                LOG.warn("Email fan-out failed for tenant {}", tenant.id(), e);
            }
        }
    }

    /** Fans out up to a batch of the partnership's events, inside the caller's transaction for its tenant. */
    int fanOut(Partnership partnership) {
        UUID tenantId = partnership.tenantId();
        List<DomainEvent> events = outbox.take(tenantId, Outbox.Channel.EMAIL, batch);
        if (gateway.enabled()) {
            RequiredNotifications.Required requiredKinds = required.of(tenantId);
            LocalDate today = clock.today();
            events.forEach(event -> queue(partnership, event, requiredKinds, today));
        }
        outbox.queued(
                tenantId,
                Outbox.Channel.EMAIL,
                events.stream().map(DomainEvent::id).toList());
        return events.size();
    }

    /** The messages and digest lines of one event, by its recipients' choices. */
    private void queue(
            Partnership partnership, DomainEvent event, RequiredNotifications.Required requiredKinds, LocalDate today) {
        UUID tenantId = partnership.tenantId();
        String organisation = event.partnerOrganisationId() == null
                ? null
                : organisations.of(tenantId, event.partnerOrganisationId()).orElse(null);
        About about = new About(partnership, event, organisation);
        Map<String, Recipient> recipients = recipients(event);
        Map<String, EmailChoice> choices = preferences.choices(tenantId, event.kind(), recipients.keySet());
        recipients.forEach((address, recipient) -> {
            EmailChoice choice = choices.getOrDefault(address, EmailChoice.EACH);
            if (choice == EmailChoice.OFF && !requiredKinds.requires(event.kind())) {
                return;
            }
            if (choice == EmailChoice.DAILY_DIGEST) {
                messages.keepForDigest(tenantId, event.id(), address, recipient.name(), today, text.digestLine(about));
                return;
            }
            EmailText.Text email = text.of(about, recipient.name(), address, today);
            messages.queue(tenantId, event.id(), address, email.subject(), email.body());
        });
    }

    /** Everyone the event's audiences name, once each by lowercased address (a lead may sit on the board). */
    private Map<String, Recipient> recipients(DomainEvent event) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (EventAudience audience : audiences.getOrDefault(event.kind(), List.of())) {
            for (Recipient recipient : audience.of(event)) {
                recipients.putIfAbsent(recipient.address().strip().toLowerCase(Locale.ROOT), recipient);
            }
        }
        return recipients;
    }
}
