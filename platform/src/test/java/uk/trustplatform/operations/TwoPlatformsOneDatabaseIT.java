package uk.trustplatform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Two platform processes on one database, as two pods of the chart are: both run every scheduled
 * job, on a schedule of a second so that their runs overlap, and each job's work is still done
 * once (one mark, one audit entry, one snapshot).
 */
class TwoPlatformsOneDatabaseIT {

    private static final LocalDate TODAY = TestCalendar.today();

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
                    && ofTenant(tenant, "count(*)", "indicator_refresh").equals("0")
                    && !ofTenant(tenant, "count(*)", "tenant_indicator").equals("0"));
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
            assertThat(ofTenant(tenant, "count(DISTINCT computed_at)", "tenant_indicator"))
                    .as("one snapshot, not two platforms' halves")
                    .isEqualTo("1");
            assertThat(ofTenant(tenant, "count(*)", "indicator_refresh"))
                    .as("no refresh left asked for")
                    .isEqualTo("0");
            System.out.printf(
                    "Two platforms, jobs every second: the renewal marks and the indicator refresh were done %d ms"
                            + " after the data was in, once (2 audit entries, 1 snapshot of %s values).%n",
                    doneMs, ofTenant(tenant, "count(*)", "tenant_indicator"));
        }
    }

    @SuppressWarnings("try") // the resource is held open for the body, not used in it.
    @Test
    void a_platform_stopped_while_its_jobs_run_leaves_no_tenant_half_marked_and_the_next_one_does_the_rest()
            throws Exception {
        List<TestTenant> tenants = new ArrayList<>();
        long stoppingMs;
        try (ApplicationContext old = platformWithJobs()) {
            EmbeddedServer server = old.getBean(EmbeddedServer.class).start();
            for (int i = 0; i < 5; i++) {
                TestTenant tenant = TestTenants.active("rolling");
                PledgeFixture fixture =
                        new PledgeFixture(ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null));
                fixture.publishPledge();
                fixture.registered(fixture.partner("Due Trust", "pvi-community", false), TODAY.minusMonths(11));
                fixture.registered(fixture.partner("Gone Trust", "pvi-community", false), TODAY.minusMonths(13));
                tenants.add(tenant);
            }
            long stopping = System.nanoTime();
            old.stop();
            stoppingMs = (System.nanoTime() - stopping) / 1_000_000;
        }
        long markedByOld = tenants.stream().filter(t -> marks(t).equals("2 2")).count();
        for (TestTenant tenant : tenants) {
            assertThat(marks(tenant))
                    .as("%s: each pledge the stopped platform marked has its audit entry", tenant.slug())
                    .matches("(\\d) \\1");
        }

        try (ApplicationContext next = platformWithJobs()) {
            boolean done = awaitUntil(
                    () -> tenants.stream().allMatch(tenant -> marks(tenant).equals("2 2")));
            assertThat(done).as("the next platform's job marked what was left").isTrue();
        }
        for (TestTenant tenant : tenants) {
            assertThat(statuses(tenant)).containsExactly("LAPSED", "RENEWAL_DUE");
        }
        System.out.printf(
                "A platform stopped with its jobs running (stopped in %d ms) had marked %d of %d tenants;"
                        + " the next platform marked the rest, each once.%n",
                stoppingMs, markedByOld, tenants.size());
    }

    /** How many of the tenant's pledges are marked, and how many marks are audited: "marked audited". */
    private static String marks(TestTenant tenant) {
        return TenantData.query(
                        tenant.id(),
                        "SELECT (SELECT count(*) FROM pledge_registration WHERE status IN ('LAPSED', 'RENEWAL_DUE'))"
                                + " || ' ' || (SELECT count(*) FROM audit_event WHERE action IN"
                                + " ('PledgeRegistration.lapsed', 'PledgeRegistration.renewalDue'))")
                .getFirst();
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

    /**
     * One figure of the tenant's rows of a benchmarking table, which the owner reads for every
     * tenant (the aggregate path), hence the explicit tenant.
     */
    private static String ofTenant(TestTenant tenant, String figure, String table) {
        return TenantData.query(
                        tenant.id(), "SELECT " + figure + " FROM " + table + " WHERE tenant_id = '" + tenant.id() + "'")
                .getFirst();
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
