package uk.trustplatform.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.devstack.embedded.KeycloakAccounts;
import uk.trustplatform.devstack.embedded.KeycloakServer;

/**
 * The soak: the packaged service (as the chart runs it, with the chart's memory settings) on a
 * fresh embedded PostgreSQL of generated partnerships and a real Keycloak, driven for a while by a
 * fixed pool of connections, each a partner agency's system and lead, its board and the public,
 * with real tokens. Each interval it prints requests/s, p50/p99 per operation, errors, and the
 * service's heap after a full collection and its RSS, as a markdown table.
 *
 * <p>{@code bench/soak [--minutes 10] [--seconds N] [--interval 60] [--connections 32] [--tenants 16]
 * [--partners 60] [--actions 30] [--pool-size the chart's] [--home .soak] [--output FILE] [--jar ...] [--chart helm/values.yaml]}.
 */
public final class Soak {

    private Soak() {}

    @SuppressWarnings("try") // stopsKeycloak is there to be closed, not used.
    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = ForumBenchmark.options(arguments);
        long seconds = options.containsKey("seconds")
                ? Long.parseLong(options.get("seconds"))
                : Math.round(Double.parseDouble(options.getOrDefault("minutes", "10")) * 60);
        int interval = Integer.parseInt(options.getOrDefault("interval", "60"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int tenants = Integer.parseInt(options.getOrDefault("tenants", "16"));
        int partners = Integer.parseInt(options.getOrDefault("partners", "60"));
        int actions = Integer.parseInt(options.getOrDefault("actions", "30"));
        Path home = Files.createDirectories(Path.of(options.getOrDefault("home", ".soak")));
        Path jar = Path.of(options.getOrDefault("jar", "platform/target/platform-0.1.0-SNAPSHOT.jar"));
        PackagedService.PodSettings pod =
                PackagedService.PodSettings.of(Path.of(options.getOrDefault("chart", "helm/values.yaml")));
        List<String> memory = pod.javaOptions();
        int poolSize = Integer.parseInt(options.getOrDefault("pool-size", String.valueOf(pod.poolSize())));
        SoakReport report = new SoakReport(System.out);

        // Keycloak takes the longest to start: it comes up while the database is made and filled.
        int keycloakPort = freePort();
        CompletableFuture<KeycloakServer> keycloak =
                CompletableFuture.supplyAsync(() -> KeycloakServer.start(keycloakPort, home.resolve("keycloak.log")));
        try (AutoCloseable stopsKeycloak = () -> stop(keycloak);
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startThrowaway()) {
            PackagedService.migrate(jar, memory, postgres.settings(), home.resolve("migrations.log"));
            List<SoakCallers.Tenant> generated = generate(postgres.settings(), tenants, partners, actions);
            KeycloakServer identity = keycloak.join();
            try (PackagedService service = PackagedService.start(
                            jar,
                            memory,
                            environment(postgres.settings(), identity, poolSize),
                            home.resolve("service.log"));
                    KeycloakAccounts accounts = new KeycloakAccounts(identity)) {
                List<SoakCallers.Partner> callers =
                        new SoakCallers(accounts, service.baseUrl()).partners(generated, connections);
                report.line("## Soak, %s: %d s at %d connections"
                        .formatted(
                                Instant.now().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES),
                                seconds,
                                connections));
                report.line("");
                report.line("- Data: %d tenants × %d partners × %d actions (approved plans), fresh embedded PostgreSQL;"
                                .formatted(tenants, partners, actions)
                        + " the service's pool: %d connections".formatted(poolSize));
                report.line("- Service: `java -jar` of the packaged jar with `JAVA_TOOL_OPTIONS=%s` (%s)"
                        .formatted(String.join(" ", memory), service.heapAndCollector()));
                report.line("- Machine: %d cores, load average at the start %s"
                        .formatted(Runtime.getRuntime().availableProcessors(), loadAverage()));
                report.line("- Heap after GC: `jcmd GC.run`, then `jcmd GC.heap_info` (used); RSS: VmRSS of"
                        + " /proc/<pid>/status; both at each interval's end");
                drive(service, callers, Duration.ofSeconds(seconds), Duration.ofSeconds(interval), report);
            }
        }
        if (options.containsKey("output")) {
            report.writeTo(Path.of(options.get("output")));
        }
    }

    private static void drive(
            PackagedService service,
            List<SoakCallers.Partner> callers,
            Duration length,
            Duration interval,
            SoakReport report)
            throws Exception {
        SoakRecorder recorder = new SoakRecorder();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Instant start = Instant.now();
        Instant end = start.plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        for (int i = 0; i < callers.size(); i++) {
            SoakConnection connection = new SoakConnection(service.baseUrl(), callers.get(i));
            Random random = new Random(i);
            pool.submit(() -> work(connection, http, recorder, random, end));
        }
        report.intervalHeading();
        Instant from = start;
        while (from.isBefore(end)) {
            Instant to = min(from.plus(interval), end);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), to).toMillis()));
            Map<SoakOperation, SoakRecorder.Tally> tallies = recorder.nextInterval();
            double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
            report.interval(Duration.between(start, to).toSeconds(), seconds, tallies, service.memory(), loadAverage());
            from = to;
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        report.run(recorder.run(), recorder.errorKinds(), recorder.errorsShown());
    }

    /** One connection's loop: its plan first, then operations drawn by weight until the end. */
    private static void work(
            SoakConnection connection, HttpClient http, SoakRecorder recorder, Random random, Instant end) {
        while (Instant.now().isBefore(end)) {
            SoakOperation operation =
                    connection.knowsItsActions() ? SoakOperation.drawn(random.nextInt(100)) : SoakOperation.READ_PLAN;
            HttpRequest request;
            try {
                request = connection.request(operation);
            } catch (RuntimeException noToken) {
                recorder.record(operation, 0, "no token: " + noToken.getMessage());
                pause();
                continue;
            }
            long started = System.nanoTime();
            @Nullable String problem;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                problem = connection.problem(operation, response).orElse(null);
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            recorder.record(operation, (System.nanoTime() - started) / 1e6, problem);
        }
    }

    private static List<SoakCallers.Tenant> generate(DatabaseSettings database, int tenants, int partners, int actions)
            throws Exception {
        List<SoakCallers.Tenant> generated = new ArrayList<>();
        try (Connection owner = ForumBenchmark.owner(database)) {
            PlatformData data = new PlatformData(owner);
            UUID forum = data.forum();
            for (int i = 0; i < tenants; i++) {
                String slug = "soak-%02d".formatted(i);
                UUID id = data.tenant(slug, "Soak Partnership %02d".formatted(i), partners, actions, forum);
                generated.add(new SoakCallers.Tenant(slug, id, data.partners(id)));
            }
            owner.createStatement().execute("ANALYZE");
        }
        return generated;
    }

    /** The Deployment's variables (helm/templates/deployment.yaml), pointed at this database and Keycloak. */
    static Map<String, String> environment(DatabaseSettings database, KeycloakServer keycloak, int poolSize) {
        Map<String, String> environment = new HashMap<>();
        environment.put("TRUST_DB_URL", database.jdbcUrl());
        environment.put("TRUST_DB_RUNTIME_USER", database.runtimeUser());
        environment.put("TRUST_DB_RUNTIME_PASSWORD", database.runtimePassword());
        environment.put("TRUST_DB_POOL_SIZE", String.valueOf(poolSize));
        environment.put("TRUST_OIDC_ISSUER", keycloak.issuer());
        environment.put("TRUST_OIDC_JWKS_URL", keycloak.jwksUrl());
        environment.put("TRUST_KEYCLOAK_SERVER_URL", keycloak.baseUrl().toString());
        // The devstack's Keycloak has no platform admin client: its bootstrap admin stands in.
        environment.put("TRUST_KEYCLOAK_ADMIN_REALM", "master");
        environment.put("TRUST_KEYCLOAK_ADMIN_CLIENT_ID", "admin-cli");
        environment.put("TRUST_KEYCLOAK_ADMIN_USERNAME", "admin");
        environment.put("TRUST_KEYCLOAK_ADMIN_PASSWORD", keycloak.adminPassword());
        environment.put("TRUST_KEYCLOAK_NEW_ADMINS", "generated-password");
        // A pod gets its webhook signing key from a Secret; the soak's pod makes one of its own.
        environment.put("TRUST_WEBHOOKS_SECRET_KEY", ForumBenchmark.newWebhookKey());
        // The soak measures what one pod serves, not the fair-use limits (FairUseIT proves those):
        // its anonymous readers all come from 127.0.0.1, standing for many visitors, and 32
        // connections on 16 tenants would meet the per-caller and per-tenant limits on a fast machine.
        for (String limit : List.of("CALLER", "TENANT", "ADDRESS")) {
            environment.put("TRUST_RATE_LIMITS_" + limit + "_PER_MINUTE", "10000000");
            environment.put("TRUST_RATE_LIMITS_" + limit + "_BURST", "1000000");
        }
        return environment;
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] figures = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return figures[0] + " " + figures[1] + " " + figures[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void stop(CompletableFuture<KeycloakServer> keycloak) {
        keycloak.thenAccept(KeycloakServer::close).exceptionally(failed -> null).join();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
