package uk.trustplatform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Two platform processes on one database, as two pods of the chart are: both run every scheduled
 * job, on a schedule of a second so that their runs overlap, and each job's work is still done
 * once (one mark, one audit entry, one snapshot).
 */
class TwoPlatformsOneDatabaseTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void two_platforms_running_every_job_each_second_mark_each_pledge_once_and_keep_one_snapshot() throws Exception {
        try (ApplicationContext first = platformWithJobs();
                ApplicationContext second = platformWithJobs()) {
            EmbeddedServer server = first.getBean(EmbeddedServer.class).start();
            second.getBean(EmbeddedServer.class).start();
            TestTenant tenant = TestTenants.active("twopods");
            ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
            PledgeFixture fixture = new PledgeFixture(admin);
            fixture.publishPledge();
            fixture.registered(fixture.partner("Due Trust", "pvi-community", false), TODAY.minusMonths(11));
            fixture.registered(fixture.partner("Gone Trust", "pvi-community", false), TODAY.minusMonths(13));
            fixture.registered(fixture.partner("Fine Trust", "pvi-community", false), TODAY.minusMonths(1));

            long started = System.nanoTime();
            boolean done = awaitUntil(() -> statuses(tenant).equals(List.of("LAPSED", "RENEWAL_DUE", "REGISTERED"))
                    && TenantData.rows(tenant.id(), "indicator_refresh") == 0
                    && TenantData.rows(tenant.id(), "tenant_indicator") > 0);
            long doneMs = (System.nanoTime() - started) / 1_000_000;
            // Both platforms keep running their jobs a while longer: a duplicate would show now.
            Thread.sleep(Duration.ofSeconds(4));

            assertThat(done).as("both jobs did their work within a minute").isTrue();
            assertThat(statuses(tenant)).containsExactly("LAPSED", "RENEWAL_DUE", "REGISTERED");
            assertThat(
                            TenantData.query(
                                    tenant.id(),
                                    "SELECT action FROM audit_event WHERE action IN"
                                            + " ('PledgeRegistration.lapsed', 'PledgeRegistration.renewalDue') ORDER BY action"))
                    .as("one audit entry per mark, whichever platform made it")
                    .containsExactly("PledgeRegistration.lapsed", "PledgeRegistration.renewalDue");
            assertThat(TenantData.query(tenant.id(), "SELECT version FROM pledge_registration ORDER BY renewal_due_on"))
                    .as("each mark bumped its pledge's version once (signed 1, registered 2, marked 3)")
                    .containsExactly("3", "3", "2");
            assertThat(TenantData.query(tenant.id(), "SELECT count(DISTINCT computed_at) FROM tenant_indicator"))
                    .as("one snapshot, not two platforms' halves")
                    .containsExactly("1");
            assertThat(TenantData.rows(tenant.id(), "indicator_refresh"))
                    .as("no refresh left asked for")
                    .isZero();
            System.out.printf(
                    "Two platforms, jobs every second: the renewal marks and the indicator refresh were done %d ms"
                            + " after the data was in, once (2 audit entries, 1 snapshot of %d values).%n",
                    doneMs, TenantData.rows(tenant.id(), "tenant_indicator"));
        }
    }

    private static ApplicationContext platformWithJobs() {
        return ApplicationContext.builder()
                .environments("test")
                .properties(Map.of(
                        "micronaut.server.port", -1,
                        "trust.pledges.renewals.enabled", true,
                        "trust.pledges.renewals.interval", "1s",
                        "trust.pledges.renewals.initial-delay", "0s",
                        "trust.benchmarking.refresh.enabled", true,
                        "trust.benchmarking.refresh.interval", "1s",
                        "trust.benchmarking.refresh.initial-delay", "0s"))
                .start();
    }

    private static List<String> statuses(TestTenant tenant) {
        return TenantData.query(tenant.id(), "SELECT status FROM pledge_registration ORDER BY renewal_due_on");
    }

    private static boolean awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
