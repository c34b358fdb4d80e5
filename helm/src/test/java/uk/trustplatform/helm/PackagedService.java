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
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.PodProcess;

/**
 * The packaged service jar run as the chart's pods run it: the migration job's command with the
 * job's environment, then the service with the Deployment's environment (Secrets filled in). No
 * container engine here, so the image itself is not built; this runs what the image runs.
 */
final class PackagedService implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("trust.platform.jar", "missing"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final URI base;

    private PackagedService(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Runs the migration job on the database, then starts the service with the chart's settings
     * and {@code extraEnv} (as the chart's value of that name adds); returns once the service's
     * process is started, not yet ready.
     */
    static PackagedService migrateAndStart(DatabaseSettings database, Map<String, String> extraEnv, Path logs)
            throws IOException, InterruptedException {
        assertThat(JAR)
                .as("the platform's packaged jar, built before this module")
                .exists();
        Chart.Manifests manifests = Chart.render(Map.of("database.url", database.jdbcUrl()));
        Map<String, String> secrets = Map.of(
                "trust-database/runtime-password", database.runtimePassword(),
                "trust-database/owner-password", database.ownerPassword(),
                "trust-keycloak-admin/admin-client-secret", "not-used-until-onboarding",
                "trust-webhooks/secret-key", "bm90LWEtcmVhbC1rZXktYnV0LTMyLWJ5dGVzLWxvbmc=");

        Path migrationLog = logs.resolve("migrations.log");
        Process migrations = PodProcess.start(
                List.of("-cp", JAR.toString(), "uk.trustplatform.tenancy.MigrationCommand"),
                environment(manifests.env("Job"), secrets, Map.of()),
                migrationLog);
        assertThat(migrations.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String migrated = Files.readString(migrationLog);
        assertThat(migrations.exitValue()).as(migrated).isZero();
        assertThat(migrated).contains("Schema at version ");

        int port = freePort();
        Path serviceLog = logs.resolve("service.log");
        Process service = PodProcess.start(
                List.of("-jar", JAR.toString()),
                environment(manifests.env("Deployment"), secrets, withPort(extraEnv, port)),
                serviceLog);
        return new PackagedService(service, serviceLog, URI.create("http://127.0.0.1:" + port));
    }

    URI base() {
        return base;
    }

    Process process() {
        return process;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** The first status the address answers that {@code wanted} accepts, or -1 after two minutes. */
    int awaitStatus(String path, IntPredicate wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                int status = get(path).statusCode();
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

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
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

    /** What the chart's {@code extraEnv} would add, and the port. */
    private static Map<String, String> withPort(Map<String, String> extraEnv, int port) {
        Map<String, String> overrides = new HashMap<>(extraEnv);
        overrides.put("TRUST_HTTP_PORT", String.valueOf(port));
        return overrides;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
