package uk.trustplatform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * PostgreSQL restarting under a running platform, as a managed database's maintenance or a
 * failover does: on a PostgreSQL of its own, so that the rest of the test run is not disturbed.
 */
class DatabaseRestartIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;
    private static final String QUERY = "{\"query\":\"{ tenant(slug: \\\"medway\\\") { name } }\"}";

    @Test
    void while_postgresql_is_down_requests_and_pages_get_a_retryable_503_and_once_it_is_back_they_succeed_again(
            @TempDir Path data) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKeeping(data, 0);
        int port = postgres.port();
        try (ApplicationContext platform = platformOn(postgres)) {
            URI base = platform.getBean(EmbeddedServer.class).getURI();
            assertThat(query(base).statusCode()).isEqualTo(200);
            assertThat(readiness(base)).isEqualTo(200);

            postgres.close();
            long asked = System.nanoTime();
            HttpResponse<String> refused = query(base);
            long answeredMs = (System.nanoTime() - asked) / 1_000_000;

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
            assertThat(error.path("extensions").path("code").asText()).isEqualTo("UNAVAILABLE");
            assertThat(error.path("message").asText()).contains("Try again in a few seconds");
            assertThat(refused.body())
                    .doesNotContainIgnoringCase("sql")
                    .doesNotContainIgnoringCase("postgres")
                    .doesNotContain("jdbc")
                    .doesNotContain("Exception");
            // A signed-in caller's tenant is looked up before the operation runs: that read fails first.
            ApiCaller.Reply signedIn = ApiCaller.member(
                            platform.getBean(EmbeddedServer.class), "admin", Role.TENANT_ADMIN, "medway", null)
                    .query("{ tenant(slug: \"medway\") { name } }");
            assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(503);
            assertThat(signedIn.errorCode()).isEqualTo("UNAVAILABLE");
            assertThat(readiness(base))
                    .as("readiness while the database is down")
                    .isEqualTo(503);
            // A public page (its GraphQL operation fails) and a signed-in visitor's (reading the session fails first).
            for (String cookie : new String[] {null, "trust_session=" + "a".repeat(43)}) {
                HttpResponse<String> page = page(base, cookie);
                assertThat(page.statusCode())
                        .as(
                                "the page with session cookie %s: %s %s",
                                cookie, page.headers().map(), page.body())
                        .isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(page.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
                assertThat(page.body())
                        .contains("Sorry, the service is unavailable", "Try again in a few seconds")
                        .doesNotContainIgnoringCase("sql")
                        .doesNotContainIgnoringCase("postgres")
                        .doesNotContain("Exception");
            }
            // The pooled connections are gone now: this one waits for a new connection, in vain.
            asked = System.nanoTime();
            HttpResponse<String> refusedAgain = query(base);
            long waitedMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(refusedAgain.statusCode()).as(refusedAgain.body()).isEqualTo(503);
            assertThat(refusedAgain.body()).contains("\"UNAVAILABLE\"");

            postgres = EmbeddedPostgresServer.startKeeping(data, port);
            long back = System.nanoTime();
            long recoveredMs = -1;
            // The pool retries a lost database with a backoff that grows to 5 s (HikariCP's, fixed),
            // so the worst case is just over 5 s; the limit leaves room for a loaded CI machine.
            while ((System.nanoTime() - back) < Duration.ofSeconds(10).toNanos()) {
                if (query(base).statusCode() == 200 && readiness(base) == 200) {
                    recoveredMs = (System.nanoTime() - back) / 1_000_000;
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(recoveredMs)
                    .as("requests succeed again within 10 s of PostgreSQL being back")
                    .isNotNegative();
            for (int i = 0; i < 20; i++) {
                assertThat(query(base).statusCode())
                        .as("request %d after recovery", i)
                        .isEqualTo(200);
            }
            System.out.printf(
                    "Database restart: while down, refused with 503 after %d ms (a broken pooled connection) and %d ms"
                            + " (waiting for a new one); every request succeeded %d ms after it was back.%n",
                    answeredMs, waitedMs, recoveredMs);
        } finally {
            postgres.close();
        }
    }

    @Test
    void writes_while_postgresql_restarts_are_each_saved_whole_with_their_audit_entry_or_refused_with_a_retryable_503(
            @TempDir Path data) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKeeping(data, 0);
        int port = postgres.port();
        DatabaseSettings database = postgres.settings();
        List<Writer> writers = new ArrayList<>();
        try (ApplicationContext platform = platformOn(postgres)) {
            TestTenant tenant = TestTenants.activeIn(database, "restart");
            ApiCaller admin = ApiCaller.member(
                    platform.getBean(EmbeddedServer.class), "admin", Role.TENANT_ADMIN, tenant.slug(), null);
            for (int i = 0; i < WRITERS; i++) {
                writers.add(new Writer(admin, "Writer " + i));
            }
            ExecutorService running = Executors.newFixedThreadPool(WRITERS);
            writers.forEach(running::submit);
            Thread.sleep(1_000);
            postgres.close();
            Thread.sleep(2_000);
            postgres = EmbeddedPostgresServer.startKeeping(data, port);
            long back = System.nanoTime();
            // Each writer goes on until two of its writes after the restart were saved.
            writers.forEach(writer -> writer.stopAfterSavesBeyond(writer.saved() + 2));
            running.shutdown();
            assertThat(running.awaitTermination(60, TimeUnit.SECONDS))
                    .as("the writers finished within a minute of PostgreSQL being back")
                    .isTrue();
            long recoveredMs = (System.nanoTime() - back) / 1_000_000;

            List<String> unexpected = writers.stream()
                    .flatMap(writer -> writer.unexpected.stream())
                    .toList();
            assertThat(unexpected)
                    .as("every write was either saved or refused with the retryable 503 UNAVAILABLE")
                    .isEmpty();
            int refused = writers.stream().mapToInt(writer -> writer.refused).sum();
            assertThat(refused)
                    .as("writes were running while PostgreSQL was down")
                    .isPositive();

            Set<String> registered = new HashSet<>();
            writers.forEach(writer -> registered.addAll(writer.registered));
            String own =
                    writers.stream().map(writer -> "'" + writer.ownId + "'").collect(Collectors.joining(", "));
            assertThat(TenantData.query(
                            database,
                            tenant.id(),
                            "SELECT name FROM partner_organisation WHERE id NOT IN (" + own + ")"))
                    .as("exactly the registrations answered as saved are stored, none of those refused")
                    .containsExactlyInAnyOrderElementsOf(registered);
            for (Writer writer : writers) {
                assertThat(TenantData.query(
                                database,
                                tenant.id(),
                                "SELECT version || ' ' || name FROM partner_organisation WHERE id = '" + writer.ownId
                                        + "'"))
                        .as("%s: one version per change answered as saved, and the last one's name", writer.name)
                        .containsExactly(writer.ownVersion + " " + writer.ownName);
            }
            int updates = writers.stream().mapToInt(writer -> writer.ownVersion).sum();
            assertThat(TenantData.query(
                            database,
                            tenant.id(),
                            "SELECT action, count(*) FROM audit_event GROUP BY action ORDER BY action"))
                    .as("an audit entry for each saved write and none for a refused one")
                    .containsExactly("PartnerOrganisation.registered", "PartnerOrganisation.updated");
            assertThat(TenantData.query(
                            database,
                            tenant.id(),
                            "SELECT count(*) FILTER (WHERE action = 'PartnerOrganisation.registered') || ' '"
                                    + " || count(*) FILTER (WHERE action = 'PartnerOrganisation.updated')"
                                    + " FROM audit_event"))
                    .containsExactly((registered.size() + WRITERS) + " " + updates);
            assertThat(TenantData.query(
                            database,
                            tenant.id(),
                            "SELECT count(*) FROM partner_organisation p WHERE NOT EXISTS (SELECT 1 FROM audit_event a"
                                    + " WHERE a.entity_id = p.id AND a.action = 'PartnerOrganisation.registered')"))
                    .as("no organisation saved without its audit entry")
                    .containsExactly("0");
            System.out.printf(
                    "Database restart with %d writers: %d writes saved (%d registrations, %d changes), %d refused"
                            + " with 503 UNAVAILABLE, 0 lost, 0 half-written; every writer saved again within %d ms"
                            + " of PostgreSQL being back.%n",
                    WRITERS, registered.size() + updates, registered.size(), updates, refused, recoveredMs);
        } finally {
            writers.forEach(Writer::stop);
            postgres.close();
        }
    }

    /**
     * A partner system writing as fast as it is answered: in turn it registers a new organisation
     * and renames its own one at the version it last saved, noting which writes were answered as
     * saved and which refused.
     */
    private static final class Writer implements Runnable {

        private final ApiCaller admin;
        private final String name;
        private final List<String> registered = new CopyOnWriteArrayList<>();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();
        private final AtomicInteger savedCount = new AtomicInteger();
        private volatile int stopAfter = Integer.MAX_VALUE;
        private volatile int refused;
        private final String globalId;
        private final UUID ownId;
        private volatile int ownVersion;
        private volatile String ownName;

        Writer(ApiCaller admin, String name) {
            this.admin = admin;
            this.name = name;
            this.ownName = name;
            this.globalId = admin.mutate(
                            "registerPartnerOrganisation",
                            "RegisterPartnerOrganisationInput",
                            Map.of("name", name),
                            "partnerOrganisation { id }")
                    .path("partnerOrganisation")
                    .path("id")
                    .asText();
            this.ownId = GlobalId.decode(globalId).orElseThrow().uuid();
        }

        int saved() {
            return savedCount.get();
        }

        void stopAfterSavesBeyond(int saves) {
            stopAfter = saves;
        }

        void stop() {
            stopAfter = 0;
        }

        @Override
        public void run() {
            for (int n = 0; savedCount.get() < stopAfter && unexpected.isEmpty(); n++) {
                if (n % 2 == 0) {
                    register(name + " new " + n);
                } else {
                    rename(name + " renamed " + n);
                }
            }
        }

        private void register(String newName) {
            ApiCaller.Reply reply = admin.query(
                    "mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input)"
                            + " { partnerOrganisation { id } userErrors { message } } }",
                    Map.of("input", Map.of("name", newName)));
            if (saved(reply, "registerPartnerOrganisation")) {
                registered.add(newName);
            }
        }

        private void rename(String newName) {
            ApiCaller.Reply reply = admin.query(
                    "mutation ($input: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $input)"
                            + " { partnerOrganisation { id } userErrors { message } } }",
                    Map.of("input", Map.of("id", globalId, "version", ownVersion, "name", newName)));
            if (saved(reply, "updatePartnerOrganisation")) {
                ownVersion++;
                ownName = newName;
            }
        }

        /** Whether the write was answered as saved; a refusal other than the retryable 503 is noted. */
        private boolean saved(ApiCaller.Reply reply, String mutation) {
            JsonNode payload = reply.data().path(mutation);
            if (reply.status() == 200
                    && payload.path("partnerOrganisation").isObject()
                    && payload.path("userErrors").isEmpty()) {
                savedCount.incrementAndGet();
                return true;
            }
            if (reply.status() == 503
                    && reply.errorCode().equals("UNAVAILABLE")
                    && reply.headers().firstValue("Retry-After").isPresent()) {
                refused++;
                return false;
            }
            unexpected.add(mutation + " answered " + reply.status() + ": " + reply.text());
            return false;
        }
    }

    /** The platform on a PostgreSQL of the test's own, its server started, its jobs off. */
    private static ApplicationContext platformOn(EmbeddedPostgresServer postgres) {
        Map<String, Object> properties = new HashMap<>(postgres.settings().asPlatformProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("trust.pledges.renewals.enabled", false);
        properties.put("trust.benchmarking.refresh.enabled", false);
        ApplicationContext platform = ApplicationContext.builder()
                .environments("test")
                .properties(properties)
                .start();
        platform.getBean(EmbeddedServer.class).start();
        return platform;
    }

    private static HttpResponse<String> query(URI base) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve("/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(QUERY))
                        // Far above the pool's 5 s wait: a request that hangs fails the test.
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> page(URI base, String cookie) throws Exception {
        HttpRequest.Builder page = HttpRequest.newBuilder(base.resolve("/medway"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            page.header("Cookie", cookie);
        }
        return HTTP.send(page.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int readiness(URI base) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(base.resolve("/health/readiness"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
