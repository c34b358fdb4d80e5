package uk.trustplatform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A request that must wait for a row another transaction holds locked: without a time limit it
 * waits as long as the lock is held, a pooled connection and a thread with it. With one, the
 * database's statement timeout (set for the request's transaction) stops it, the caller gets a
 * plain retryable error, nothing it wrote before the wait is kept, and the pool serves on.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestTimeLimitIT implements TestPropertyProvider {

    private static final long LIMIT_MS = 1500;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("trust.request.time-limit-ms", Long.toString(LIMIT_MS));
    }

    /** Two changes in one request: the numbers (nothing locked), then the quiet periods (locked). */
    private static final String BOTH = "mutation ($n: UpdatePartnershipSettingsInput!, $i: SetQuietPeriodsInput!) {"
            + " numbers: updatePartnershipSettings(input: $n) { partnershipSettings { version } userErrors { code } }"
            + " periods: setQuietPeriods(input: $i) { partnershipSettings { version } userErrors { code } } }";

    private static final String SETTINGS =
            "{ partnershipSettings { version minimumParticipationChampions quietPeriods { name } } }";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    EmbeddedServer server;

    @Test
    void a_request_stuck_behind_a_lock_is_stopped_at_the_time_limit_with_nothing_kept_and_the_pool_healthy()
            throws Exception {
        TestTenant tenant = TestTenants.active("slow");
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        admin.mutate(
                "setQuietPeriods",
                "SetQuietPeriodsInput",
                input(0, "May half term"),
                "partnershipSettings { version }");
        List<String> auditBefore = TenantData.audit(tenant.id());

        Reply stopped;
        long answeredMs;
        Map<String, Object> both = Map.of(
                "n", Map.of("version", 1, "minimumParticipationChampions", 3, "renewalNoticeDays", 60),
                "i", input(2, "Exams"));
        // The numbers are saved; then setQuietPeriods moves the version on and waits for the locked quiet period.
        try (Connection held = TenantData.holding(tenant.id(), "SELECT 1 FROM partnership_quiet_period FOR UPDATE")) {
            long asked = System.nanoTime();
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> admin.query(BOTH, both));
            // Far above the limit: without one, the request waits until the lock goes, and this fails the test.
            stopped = reply.get(30, TimeUnit.SECONDS);
            answeredMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(held.isValid(1)).isTrue();
        }

        assertThat(stopped.status()).as(stopped.text()).isEqualTo(503);
        assertThat(stopped.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(stopped.errorCode()).isEqualTo("TIME_LIMIT_EXCEEDED");
        assertThat(stopped.firstError().path("message").asText())
                .contains("1500 milliseconds", "nothing it changed was kept", "Try again");
        assertThat(stopped.body().has("data")).as("no partial answer").isFalse();
        assertThat(stopped.text())
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("statement")
                .doesNotContainIgnoringCase("postgres")
                .doesNotContain("Exception");

        Reply after = admin.query(SETTINGS);
        assertThat(after.data().path("partnershipSettings").path("version").asInt())
                .as("both changes of the version rolled back")
                .isEqualTo(1);
        assertThat(after.data()
                        .path("partnershipSettings")
                        .path("minimumParticipationChampions")
                        .asInt())
                .as("the change that finished before the limit is not kept either")
                .isEqualTo(1);
        assertThat(after.data().path("partnershipSettings").path("quietPeriods").findValuesAsText("name"))
                .containsExactly("May half term");
        assertThat(TenantData.audit(tenant.id())).isEqualTo(auditBefore);
        assertThat(stuckConnections())
                .as("no connection left waiting or in a transaction")
                .isZero();

        // More requests than the pool has connections: none of them inherits a broken one.
        for (int i = 0; i < 25; i++) {
            assertThat(admin.query(SETTINGS).status()).as("request %d after", i).isEqualTo(200);
        }
        Reply retried = admin.query(BOTH, both);
        assertThat(retried.data()
                        .path("periods")
                        .path("partnershipSettings")
                        .path("version")
                        .asInt())
                .as("the same changes, once the lock is gone: " + retried.text())
                .isEqualTo(3);
        System.out.printf(
                "Request time limit: a request waiting on a locked row was stopped after %d ms (limit %d ms).%n",
                answeredMs, LIMIT_MS);
    }

    @SuppressWarnings("try") // the resource is held open for the body, not used in it.
    @Test
    void a_page_stuck_behind_a_lock_gets_the_took_too_long_page() throws Exception {
        TestTenant tenant = TestTenants.active("slow-page");
        ApiCaller browser = new ApiCaller(server).withHeader("Accept", BROWSER_ACCEPT);

        Reply page;
        // The partnership's home page lists its councils: a table lock of another client's holds the read.
        try (Connection held = TenantData.holding(tenant.id(), "LOCK TABLE tenant_council IN ACCESS EXCLUSIVE MODE")) {
            page = CompletableFuture.supplyAsync(() -> browser.get("/" + tenant.slug(), Map.of()))
                    .get(30, TimeUnit.SECONDS);
        }

        assertThat(page.status()).as(page.text()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.text())
                .contains("govuk-heading-l", "Sorry, the service took too long to answer", "Try again in a few seconds")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("statement")
                .doesNotContain("Exception");
        assertThat(browser.get("/" + tenant.slug(), Map.of()).status())
                .as("once the lock is gone")
                .isEqualTo(200);
    }

    private static Map<String, Object> input(int version, String period) {
        return Map.of(
                "version",
                version,
                "quietPeriods",
                List.of(Map.of("name", period, "firstDay", "2027-05-31", "lastDay", "2027-06-04")));
    }

    /** The runtime role's connections still in a transaction, or waiting on a lock. */
    private static long stuckConnections() throws Exception {
        try (Connection owner = TestDatabase.ownerConnection();
                var statement = owner.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE usename = ?"
                        + " AND (state LIKE 'idle in transaction%' OR wait_event_type = 'Lock')")) {
            statement.setString(1, TestDatabase.settings().runtimeUser());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
