package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.notifications.EmailMessages.Claimed;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Sends the queued emails. A short transaction claims a few due messages with a lease; they are
 * sent over one connection to the relay, outside any transaction (no database connection is held
 * while the relay answers). Just before each is sent its lease is renewed, and its outcome is
 * recorded against that lease: sent, or tried again after a wait that doubles each time, or failed
 * after the last attempt.
 *
 * <p>What holds with several senders, in this pod or others: a message is sent by one sender at a
 * time as long as a send ends within the lease (the start-up check in {@link MailGateway} makes the
 * relay's timeouts fit it); a message whose lease another sender has taken since is skipped; and
 * an outcome recorded under a lease that is no longer the message's latest changes nothing, so
 * each attempt is counted once. Delivery is still at least once: a pod that dies mid-send, or a
 * send that outlasts its lease, leaves the message to be sent again, with the same Message-ID.
 */
@Singleton
final class EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final EmailMessages messages;
    private final MailGateway gateway;
    private final int claimSize;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration lease;

    EmailSender(
            TenantDirectory directory,
            TenantTransactions transactions,
            EmailMessages messages,
            MailGateway gateway,
            @Value("${trust.notifications.email.send-batch:10}") int claimSize,
            @Value("${trust.notifications.email.max-attempts:8}") int maxAttempts,
            @Value("${trust.notifications.email.first-retry:1m}") Duration firstRetry,
            @Value("${trust.notifications.email.lease:2m}") Duration lease) {
        this.directory = directory;
        this.transactions = transactions;
        this.messages = messages;
        this.gateway = gateway;
        this.claimSize = claimSize;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.lease = lease;
    }

    @Scheduled(
            fixedDelay = "${trust.notifications.email.send-interval:10s}",
            initialDelay = "${trust.notifications.email.initial-delay:1m}")
    void sendAll() {
        if (!gateway.enabled()) {
            return;
        }
        for (UUID tenant : directory.activeTenantIds()) {
            try {
                send(tenant);
            } catch (RuntimeException e) {
                // Left claimed, the messages are tried again when their leases end; no other tenant waits.
                LOG.warn("Sending email failed for tenant {}", tenant, e);
            }
        }
    }

    /** Sends the tenant's due messages, a claim at a time, until none is due; how many were sent. */
    int send(UUID tenantId) {
        int sent = 0;
        try (MailGateway.Connection relay = gateway.connect()) {
            List<Claimed> claimed = claim(tenantId);
            while (!claimed.isEmpty()) {
                for (Claimed message : claimed) {
                    Optional<Claimed> held =
                            transactions.inTenant(tenantId, false, () -> messages.renew(tenantId, message, lease));
                    if (held.isPresent() && attempt(relay, tenantId, held.get())) {
                        sent++;
                    }
                }
                claimed = claim(tenantId);
            }
        }
        return sent;
    }

    private List<Claimed> claim(UUID tenantId) {
        return transactions.inTenant(tenantId, false, () -> messages.claim(tenantId, claimSize, lease));
    }

    /** Sends one message and records the outcome; whether it was sent and recorded so. */
    private boolean attempt(MailGateway.Connection relay, UUID tenantId, Claimed message) {
        try {
            relay.send(message.id(), message.address(), message.subject(), message.body());
        } catch (MessagingException | RuntimeException e) {
            LOG.warn(
                    "Email {} of tenant {} not sent (attempt {} of {}): {}",
                    message.id(),
                    tenantId,
                    message.attempts() + 1,
                    maxAttempts,
                    e.toString());
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            transactions.inTenant(
                    tenantId, false, () -> messages.failed(tenantId, message, error, maxAttempts, firstRetry));
            return false;
        }
        boolean recorded = transactions.inTenant(tenantId, false, () -> messages.sent(tenantId, message));
        if (!recorded) {
            LOG.warn("Email {} of tenant {} was sent after its lease passed to another sender", message.id(), tenantId);
        }
        return recorded;
    }
}
