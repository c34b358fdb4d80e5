package uk.trustplatform.devstack.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak 26 from its Maven Central distribution (unpacked by the build), started in dev mode on
 * free loopback ports with an in-memory database and the platform's realm imported from
 * {@code keycloak/trust-realm.json}. Dev and test only.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "trust";
    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private final Process process;
    private final URI baseUrl;
    private final String adminPassword;

    private KeycloakServer(Process process, URI baseUrl, String adminPassword) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak and waits until it is ready.
     *
     * @param httpPort the loopback port, or 0 for any free one
     * @param log where Keycloak's own output goes
     */
    public static KeycloakServer start(int httpPort, Path log) {
        Path home = distribution();
        String adminPassword = UUID.randomUUID().toString();
        try (FileChannel turns =
                FileChannel.open(home.resolve("starting.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // JVMs side by side (the test run's two) start Keycloak from the one unpacked
            // distribution. A first start rebuilds the distribution in place, and each reads the
            // realm file written just before it, so starts take turns: the lock is held until this
            // one is ready, and let go when the channel closes.
            turns.lock();
            int port = httpPort == 0 ? freePort() : httpPort;
            int managementPort = freePort();
            installRealm(home);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + managementPort,
                            "--health-enabled=true",
                            "--db=dev-mem",
                            // Keycloak 26's brute-force protection refuses a sign-in that overlaps
                            // another of the same person's, as "temporarily disabled": a person
                            // signing in while their other tab or a script of theirs does is no
                            // attack, and a busy test run was refused this way.
                            "--spi-brute-force-protector-default-brute-force-detector-allow-concurrent-requests=true",
                            "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            Instant started = Instant.now();
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(process, URI.create("http://127.0.0.1:" + port), adminPassword);
            server.awaitReady(managementPort, log);
            LOG.info(
                    "Keycloak {} ready at {} in {} s",
                    version(),
                    server.baseUrl,
                    Duration.between(started, Instant.now()).toSeconds());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /** The server, for example {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The issuer of the platform realm's tokens. */
    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The bootstrap administrator's password in the master realm (user {@code admin}), new each start. */
    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20))) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(int managementPort, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; its output is in " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_LIMIT + "; its output is in " + log);
    }

    private static void installRealm(Path home) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/trust-realm.json")) {
            Files.copy(realm, imports.resolve("trust-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path distribution() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak-distribution.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path home = Path.of(properties.getProperty("home"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "Keycloak is not unpacked at " + home + "; build devstack/embedded with ./mvnw first");
        }
        return home;
    }

    private static String version() {
        return distribution().getFileName().toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
