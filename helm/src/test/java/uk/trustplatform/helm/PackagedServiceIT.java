package uk.trustplatform.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.devstack.embedded.PackagedJar;

/**
 * The packaged service jar run the way the chart's pods run it: the migration job first, then the
 * service until its readiness probe answers.
 */
class PackagedServiceIT {

    @Test
    @SuppressWarnings("try") // the database is stopped mid-test on purpose, before the try closes it again.
    void the_migration_job_then_the_service_start_on_an_empty_database_with_the_charts_settings(@TempDir Path logs)
            throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startThrowaway();
                PackagedJar service = PackagedService.migrateAndStart(postgres.settings(), Map.of(), logs)) {
            int readiness = service.awaitStatus("/health/readiness", status -> status == 200);
            assertThat(readiness).as(service.log()).isEqualTo(200);
            assertThat(service.get("/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> query = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(service.base().resolve("/graphql"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"query\":\"{ tenant(slug: \\\"medway\\\") { name } }\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(query.body())
                    .as("the runtime role reads the migrated schema")
                    .isEqualTo("{\"data\":{\"tenant\":null}}");
            assertThat(service.log())
                    .as("the service did not migrate: the job did")
                    .doesNotContain("Successfully applied");

            postgres.close();
            assertThat(service.awaitStatus("/health/readiness", status -> status != 200))
                    .as("with its database gone the pod stops receiving traffic")
                    .isEqualTo(503);
            assertThat(service.get("/health/liveness").statusCode())
                    .as("but is not restarted for it")
                    .isEqualTo(200);
        }
    }
}
