package uk.trustplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import uk.trustplatform.devstack.embedded.DatabaseSettings;

/**
 * Debian's PgBouncer ({@code apt-get install pgbouncer}; {@code .ci/run} installs it) on a free
 * loopback port, in front of a PostgreSQL, in transaction-pooling mode with a pool so small that
 * every server connection is shared by many of the platform's client connections.
 */
public final class PgBouncer implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/sbin/pgbouncer");
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration QUERY_WAIT = Duration.ofSeconds(10);
    /** PgBouncer refuses to run as root; as root we hand it to the user Debian's package creates. */
    private static final String UNPRIVILEGED_USER = "postgres";

    private final Process process;
    private final int port;
    private final String database;
    private final Path log;

    private PgBouncer(Process process, int port, String database, Path log) {
        this.process = process;
        this.port = port;
        this.database = database;
        this.log = log;
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /**
     * Starts PgBouncer in {@code folder} (its configuration, user list and log), pooling the
     * runtime role's connections to {@code upstream}'s database.
     *
     * @param serverConnections the pool's size: at most this many PostgreSQL connections for all clients
     */
    public static PgBouncer start(DatabaseSettings upstream, Path folder, int serverConnections) {
        URI target = URI.create(upstream.jdbcUrl().substring("jdbc:".length()));
        String database = target.getPath().substring(1);
        int port = freePort();
        Path log = folder.resolve("pgbouncer.log");
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path users = Files.writeString(
                    folder.resolve("userlist.txt"),
                    quoted(upstream.runtimeUser()) + " " + quoted(upstream.runtimePassword()) + "\n");
            Path config = Files.writeString(
                    folder.resolve("pgbouncer.ini"),
                    String.join(
                            "\n",
                            "[databases]",
                            database + " = host=" + target.getHost() + " port=" + target.getPort() + " dbname="
                                    + database,
                            "[pgbouncer]",
                            "listen_addr = 127.0.0.1",
                            "listen_port = " + port,
                            "unix_socket_dir =",
                            "auth_type = scram-sha-256",
                            "auth_file = " + users,
                            "pool_mode = transaction",
                            "default_pool_size = " + serverConnections,
                            "min_pool_size = 0",
                            "reserve_pool_size = 0",
                            "max_client_conn = 200",
                            "logfile = " + log,
                            "pidfile = " + folder.resolve("pgbouncer.pid"),
                            // A transaction waiting longer for a server connection fails, rather than hangs for 120 s.
                            "query_wait_timeout = " + QUERY_WAIT.toSeconds(),
                            ""));
            for (Path file : List.of(users, config)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", UNPRIVILEGED_USER));
            }
            command.add(config.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("pgbouncer.out").toFile())
                    .start();
            PgBouncer bouncer = new PgBouncer(process, port, database, log);
            bouncer.awaitListening(folder);
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("PgBouncer did not start", e);
        }
    }

    /** The JDBC URL of the pooled database, with {@code settings} (for example {@code prepareThreshold=0}) if any. */
    public String jdbcUrl(String settings) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        return settings.isEmpty() ? url : url + "?" + settings;
    }

    private void awaitListening(Path folder) throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited with status " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("pgbouncer.out")) + readLog());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException(
                "PgBouncer did not listen on port " + port + " within " + START.toSeconds() + " s: " + readLog());
    }

    private String readLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PgBouncer started", e);
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for PgBouncer", e);
        }
    }

    @Override
    public void close() {
        // SIGTERM: PgBouncer closes its connections and exits at once.
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
