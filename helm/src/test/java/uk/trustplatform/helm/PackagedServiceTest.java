package uk.trustplatform.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.devstack.embedded.PodProcess;

/**
 * The packaged service jar run the way the chart's pods run it: the migration job's command with
 * the job's environment, then the service with the Deployment's environment (Secrets filled in)
 * until its readiness probe answers. No container engine here, so the image itself is not built;
 * this runs what the image runs.
 */
class PackagedServiceTest {

    private static final Path JAR = Path.of(System.getProperty("trust.platform.jar", "missing"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_migration_job_then_the_service_start_on_an_empty_database_with_the_charts_settings(@TempDir Path logs)
            throws Exception {
        assertThat(JAR)
                .as("the platform's packaged jar, built before this module")
                .exists();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startThrowaway()) {
            DatabaseSettings database = postgres.settings();
            Chart.Manifests manifests = Chart.render(Map.of("database.url", database.jdbcUrl()));
            Map<String, String> secrets = Map.of(
                    "trust-database/runtime-password", database.runtimePassword(),
                    "trust-database/owner-password", database.ownerPassword(),
                    "trust-keycloak-admin/admin-client-secret", "not-used-until-onboarding");

            Process migrations = PodProcess.start(
                    List.of("-cp", JAR.toString(), "uk.trustplatform.tenancy.MigrationCommand"),
                    environment(manifests.env("Job"), secrets, Map.of()),
                    logs.resolve("migrations.log"));
            assertThat(migrations.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String migrated = Files.readString(logs.resolve("migrations.log"));
            assertThat(migrations.exitValue()).as(migrated).isZero();
            assertThat(migrated).contains("Schema at version ");

            int port = freePort();
            Process service = PodProcess.start(
                    List.of("-jar", JAR.toString()),
                    environment(manifests.env("Deployment"), secrets, Map.of("TRUST_HTTP_PORT", String.valueOf(port))),
                    logs.resolve("service.log"));
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                int readiness = awaitStatus(base.resolve("/health/readiness"), service, status -> status == 200);
                assertThat(readiness)
                        .as(Files.readString(logs.resolve("service.log")))
                        .isEqualTo(200);
                assertThat(get(base.resolve("/health/liveness")).statusCode()).isEqualTo(200);
                HttpResponse<String> query = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("/graphql"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"query\":\"{ tenant(slug: \\\"medway\\\") { name } }\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(query.body())
                        .as("the runtime role reads the migrated schema")
                        .isEqualTo("{\"data\":{\"tenant\":null}}");
                assertThat(Files.readString(logs.resolve("service.log")))
                        .as("the service did not migrate: the job did")
                        .doesNotContain("Successfully applied");

                postgres.close();
                assertThat(awaitStatus(base.resolve("/health/readiness"), service, status -> status != 200))
                        .as("with its database gone the pod stops receiving traffic")
                        .isEqualTo(503);
                assertThat(get(base.resolve("/health/liveness")).statusCode())
                        .as("but is not restarted for it")
                        .isEqualTo(200);
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The rendered variables, Secrets filled in from {@code secrets}, then {@code overrides}. */
    private static Map<String, String> environment(
            JsonNode rendered, Map<String, String> secrets, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>();
        for (JsonNode variable : rendered) {
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            String value = ref.isMissingNode()
                    ? variable.path("value").asText()
                    : secrets.get(
                            ref.path("name").asText() + "/" + ref.path("key").asText());
            environment.put(variable.path("name").asText(), value);
        }
        environment.putAll(overrides);
        return environment;
    }

    /** The first status the address answers that {@code wanted} accepts, or -1 after two minutes. */
    private static int awaitStatus(URI address, Process service, IntPredicate wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && service.isAlive()) {
            try {
                int status = get(address).statusCode();
                if (wanted.test(status)) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                // the service is still starting
            }
            Thread.sleep(250);
        }
        return -1;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
