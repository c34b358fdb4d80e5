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
class RequestTimeLimitTest implements TestPropertyProvider {

    private static final long LIMIT_MS = 1500;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("trust.request.time-limit-ms", Long.toString(LIMIT_MS));
    }

    private static final String SET = "mutation ($i: SetQuietPeriodsInput!) { setQuietPeriods(input: $i) {"
            + " partnershipSettings { version quietPeriods { name } } userErrors { code } } }";
    private static final String SETTINGS = "{ partnershipSettings { version quietPeriods { name } } }";

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
        // setQuietPeriods moves the settings' version on, then replaces the quiet periods, whose row is locked.
        try (Connection held = TenantData.lock(tenant.id(), "partnership_quiet_period")) {
            long asked = System.nanoTime();
            CompletableFuture<Reply> reply =
                    CompletableFuture.supplyAsync(() -> admin.query(SET, Map.of("i", input(1, "Exams"))));
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
                .as("the version moved on before the wait was rolled back")
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
        Reply retried = admin.query(SET, Map.of("i", input(1, "Exams")));
        assertThat(retried.data()
                        .path("setQuietPeriods")
                        .path("partnershipSettings")
                        .path("version")
                        .asInt())
                .as("the same change, once the lock is gone: " + retried.text())
                .isEqualTo(2);
        System.out.printf(
                "Request time limit: a request waiting on a locked row was stopped after %d ms (limit %d ms).%n",
                answeredMs, LIMIT_MS);
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
