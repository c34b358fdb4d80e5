package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.notifications.EmailText.Partnership;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * Once a London day is over, queues one message per person who chose a digest, listing that day's
 * events; the sender sends it like any other. Safe in two pods: a digest is unique per day and
 * address, its items are locked while it is made (another pod skips them) and marked gathered in
 * the same transaction. Off while email is (no relay): a digest carries a signed link.
 */
@Singleton
final class DailyDigest {

    private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final EmailMessages messages;
    private final EmailText text;
    private final LondonClock clock;
    private final MailGateway gateway;
    private final boolean enabled;

    DailyDigest(
            TenantDirectory directory,
            TenantTransactions transactions,
            EmailMessages messages,
            EmailText text,
            LondonClock clock,
            MailGateway gateway,
            @Value("${trust.notifications.email.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.directory = directory;
        this.transactions = transactions;
        this.messages = messages;
        this.text = text;
        this.clock = clock;
        this.gateway = gateway;
    }

    @Scheduled(
            fixedDelay = "${trust.notifications.email.digest-interval:15m}",
            initialDelay = "${trust.notifications.email.initial-delay:1m}")
    void gatherAll() {
        if (!enabled || !gateway.enabled()) {
            return;
        }
        LocalDate yesterday = clock.today().minusDays(1);
        for (Tenant tenant : directory.active()) {
            try {
                Partnership partnership = Partnership.of(tenant);
                transactions.inTenant(tenant.id(), false, () -> gather(partnership, yesterday));
            } catch (RuntimeException e) {
                // One tenant's failure (its transaction rolled back, its items left waiting) stops no other's.
                LOG.warn("Daily digests failed for tenant {}", tenant.id(), e);
            }
        }
    }

    /** Queues the digests of days up to {@code lastDay}, inside the caller's transaction; how many. */
    int gather(Partnership partnership, LocalDate lastDay) {
        LocalDate today = clock.today();
        List<EmailMessages.Digest> digests = messages.waitingDigests(partnership.tenantId(), lastDay);
        digests.forEach(digest -> {
            EmailText.Text email = text.digest(partnership, digest, today);
            messages.queueDigest(partnership.tenantId(), digest, email.subject(), email.body());
        });
        return digests.size();
    }
}
