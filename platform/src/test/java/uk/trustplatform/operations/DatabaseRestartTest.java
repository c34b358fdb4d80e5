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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;

/**
 * PostgreSQL restarting under a running platform, as a managed database's maintenance or a
 * failover does: on a PostgreSQL of its own, so that the rest of the test run is not disturbed.
 */
class DatabaseRestartTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "{\"query\":\"{ tenant(slug: \\\"medway\\\") { name } }\"}";

    @Test
    void while_postgresql_is_down_requests_and_pages_get_a_retryable_503_and_once_it_is_back_they_succeed_again(
            @TempDir Path data) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKeeping(data, 0);
        int port = postgres.port();
        Map<String, Object> properties = new HashMap<>(postgres.settings().asPlatformProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("trust.pledges.renewals.enabled", false);
        properties.put("trust.benchmarking.refresh.enabled", false);
        try (ApplicationContext platform = ApplicationContext.builder()
                .environments("test")
                .properties(properties)
                .start()) {
            EmbeddedServer server = platform.getBean(EmbeddedServer.class);
            server.start();
            URI base = server.getURI();
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
