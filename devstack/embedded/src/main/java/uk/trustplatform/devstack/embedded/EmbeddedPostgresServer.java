package uk.trustplatform.devstack.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A PostgreSQL server run from the binaries published on Maven Central, on a loopback port, with
 * the platform's database and roles provisioned. No Docker, no system package.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

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
        // No shutdown hook of its own: the devstack stops the platform first, then PostgreSQL.
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port));
    }

    /** Starts a throwaway server in a temporary folder on a free port (tests). */
    public static EmbeddedPostgresServer startThrowaway() {
        return start(EmbeddedPostgres.builder().setServerConfig("fsync", "off"));
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
