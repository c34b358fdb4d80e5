package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.notifications.EmailMessages.Claimed;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Sends the queued emails. A short transaction claims due messages with a lease; each is sent
 * outside any transaction (no connection is held while the relay answers) and its outcome recorded
 * in another: sent, or tried again after a wait that doubles each time, or failed after the last
 * attempt. While a lease holds no other sender, in this pod or another, claims the message; a pod
 * that dies mid-send leaves it to be claimed again once the lease ends, sent with the same
 * Message-ID.
 */
@Singleton
final class EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final EmailMessages messages;
    private final MailGateway gateway;
    private final int batch;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration lease;

    EmailSender(
            TenantDirectory directory,
            TenantTransactions transactions,
            EmailMessages messages,
            MailGateway gateway,
            @Value("${trust.notifications.email.batch:100}") int batch,
            @Value("${trust.notifications.email.max-attempts:8}") int maxAttempts,
            @Value("${trust.notifications.email.first-retry:1m}") Duration firstRetry,
            @Value("${trust.notifications.email.lease:1m}") Duration lease) {
        this.directory = directory;
        this.transactions = transactions;
        this.messages = messages;
        this.gateway = gateway;
        this.batch = batch;
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
        directory.activeTenantIds().forEach(this::send);
    }

    /** Sends the tenant's due messages, a batch at a time, until none is due; how many were sent. */
    int send(UUID tenantId) {
        int sent = 0;
        List<Claimed> claimed = claim(tenantId);
        while (!claimed.isEmpty()) {
            for (Claimed message : claimed) {
                sent += attempt(tenantId, message) ? 1 : 0;
            }
            claimed = claim(tenantId);
        }
        return sent;
    }

    private List<Claimed> claim(UUID tenantId) {
        return transactions.inTenant(tenantId, false, () -> messages.claim(tenantId, batch, lease));
    }

    private boolean attempt(UUID tenantId, Claimed message) {
        try {
            gateway.send(message.id(), message.address(), message.subject(), message.body());
        } catch (MessagingException | RuntimeException e) {
            LOG.warn(
                    "Email {} of tenant {} not sent (attempt {} of {}): {}",
                    message.id(),
                    tenantId,
                    message.attempts() + 1,
                    maxAttempts,
                    e.toString());
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            transactions.inTenant(tenantId, false, () -> {
                messages.failed(tenantId, message.id(), error, maxAttempts, firstRetry);
                return null;
            });
            return false;
        }
        transactions.inTenant(tenantId, false, () -> {
            messages.sent(tenantId, message.id());
            return null;
        });
        return true;
    }
}
