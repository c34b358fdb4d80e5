package uk.trustplatform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.TenantData;

/**
 * Email off, as the chart leaves it by default: no relay and no link key. The fan-out still runs,
 * and marks each event handled for email without making a message (so none is signed without a
 * key, and setting a relay later tells no one of events from before).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailOffIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    DomainEvents events;

    @Inject
    TenantTransactions transactions;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "trust.smtp.host", "",
                "trust.notifications.link-key", "",
                "trust.notifications.email.enabled", "true",
                "trust.notifications.email.initial-delay", "0s",
                "trust.notifications.email.fan-out-interval", "200ms");
    }

    @Test
    void events_are_marked_handled_for_email_and_make_no_message() throws InterruptedException {
        PartnershipPeople luton = PartnershipPeople.create("luton");
        transactions.inTenant(luton.tenant().id(), false, () -> {
            events.publish(
                    luton.tenant().id(),
                    EventKind.ACTION_PLAN_RETURNED,
                    "ActionPlan",
                    UUID.randomUUID(),
                    luton.agency(),
                    Map.of("reason", "Add a second action."));
            return null;
        });

        Instant deadline = Instant.now().plus(PATIENCE);
        while (!TenantData.query(
                        luton.tenant().id(), "SELECT count(*) FROM domain_event WHERE emails_queued_at IS NOT NULL")
                .equals(List.of("1"))) {
            assertThat(Instant.now()).as("waited for the fan-out").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(TenantData.rows(luton.tenant().id(), "email_message")).isZero();
        assertThat(TenantData.rows(luton.tenant().id(), "email_digest_item")).isZero();
    }
}
