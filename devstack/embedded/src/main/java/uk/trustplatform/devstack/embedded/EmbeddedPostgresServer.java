package uk.trustplatform.devstack.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries published on Maven Central, on a loopback port, with
 * the platform's database and roles provisioned. No Docker, no system package.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration LEFT_OVER_STOP = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final DatabaseSettings settings;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DatabaseSettings settings) {
        this.postgres = postgres;
        this.settings = settings;
    }

    /**
     * Starts a server whose data stays in {@code dataDirectory} between runs (devstack).
     *
     * @param port the loopback port, or 0 for any free one
     */
    public static EmbeddedPostgresServer startKeeping(Path dataDirectory, int port) {
        stopLeftOver(dataDirectory);
        // No shutdown hook of its own: the devstack stops the platform first, then PostgreSQL.
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port));
    }

    /** Starts a throwaway server in a temporary folder on a free port (tests). */
    public static EmbeddedPostgresServer startThrowaway() {
        return startThrowaway(Map.of());
    }

    /** A throwaway server with these settings too (a benchmark's statement log, say). */
    public static EmbeddedPostgresServer startThrowaway(Map<String, String> serverConfig) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("fsync", "off");
        serverConfig.forEach(builder::setServerConfig);
        return start(builder);
    }

    /**
     * Stops a PostgreSQL that an earlier devstack started on this data folder and left running
     * (its launcher killed before it could stop it): otherwise this start fails, the folder being
     * in use. Only the postmaster named in the folder's own lock file is stopped.
     */
    static void stopLeftOver(Path dataDirectory) {
        Path lock = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(lock)) {
            return;
        }
        long pid;
        try (var lines = Files.lines(lock)) {
            pid = Long.parseLong(lines.findFirst().orElse("").strip());
        } catch (IOException | NumberFormatException e) {
            return; // PostgreSQL itself reports a lock file it cannot use
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isEmpty()) {
            return; // gone, or the number is now another program's: PostgreSQL replaces a stale lock
        }
        LOG.warn("Stopping the PostgreSQL (pid {}) an earlier devstack left running on {}", pid, dataDirectory);
        try {
            // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, data is kept.
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            postmaster.get().onExit().get(LEFT_OVER_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A PostgreSQL (pid " + pid + ") an earlier devstack left running on "
                    + dataDirectory + " did not stop within " + LEFT_OVER_STOP.toSeconds() + " s. Stop it with"
                    + " `kill -INT " + pid + "` (or `kill -KILL " + pid + "` if it will not), then start again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + pid + ")", e);
        }
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
            String serverUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            return new EmbeddedPostgresServer(postgres, DatabaseProvisioner.provision(serverUrl, "postgres", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but could not be provisioned", e);
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
