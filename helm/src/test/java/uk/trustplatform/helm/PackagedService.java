package uk.trustplatform.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.PackagedJar;

/**
 * The packaged service jar run as the chart's pods run it: the migration job's command with the
 * job's environment, then the service with the Deployment's environment (Secrets filled in). No
 * container engine here, so the image itself is not built; this runs what the image runs.
 */
final class PackagedService {

    static final Path JAR = Path.of(System.getProperty("trust.platform.jar", "missing"));

    private PackagedService() {}

    /**
     * Runs the migration job on the database, then starts the service with the chart's settings
     * and {@code extraEnv} (as the chart's value of that name adds); returns once the service's
     * process is started, not yet ready.
     */
    static PackagedJar migrateAndStart(DatabaseSettings database, Map<String, String> extraEnv, Path logs)
            throws Exception {
        assertThat(JAR)
                .as("the platform's packaged jar, built before this module")
                .exists();
        Chart.Manifests manifests = Chart.render(Map.of("database.url", database.jdbcUrl()));
        Map<String, String> secrets = Map.of(
                "trust-database/runtime-password",
                database.runtimePassword(),
                "trust-database/owner-password",
                database.ownerPassword(),
                "trust-keycloak-admin/admin-client-secret",
                "not-used-until-onboarding",
                "trust-webhooks/secret-key",
                "bm90LWEtcmVhbC1rZXktYnV0LTMyLWJ5dGVzLWxvbmc=");

        String migrated = PackagedJar.migrate(
                JAR, environment(manifests.env("Job"), secrets, Map.of()), logs.resolve("migrations.log"));
        assertThat(migrated).contains("Schema at version ");
        return PackagedJar.start(
                JAR, environment(manifests.env("Deployment"), secrets, extraEnv), logs.resolve("service.log"));
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
}
