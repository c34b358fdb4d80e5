package uk.trustplatform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import uk.trustplatform.devstack.embedded.DatabaseProvisioner;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;

/**
 * One PostgreSQL server for the whole test run, started when JUnit opens its launcher session:
 * a Testcontainers PostgreSQL where a Docker engine answers, the embedded server otherwise (or as
 * {@code -Dtrust.test.postgres=embedded|container} says), or none in the fast tier, whose tests
 * ({@code *Test}, run by {@code ./mvnw test}) need no database. Its settings are published as system
 * properties, which the platform's configuration reads like environment variables.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String POSTGRES_IMAGE = "postgres:17";
    private static volatile DatabaseSettings settings;
    private AutoCloseable server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (settings != null) {
            return;
        }
        String choice = System.getProperty("trust.test.postgres", "auto").toLowerCase(Locale.ROOT);
        if (choice.equals("none")) {
            return;
        }
        boolean container = choice.equals("container") || (choice.equals("auto") && dockerAnswers());
        try {
            settings = container ? startContainer() : startEmbedded();
        } catch (SQLException e) {
            throw new IllegalStateException("The test PostgreSQL could not be provisioned", e);
        }
        settings.asPlatformProperties().forEach(System::setProperty);
        LOG.info("Tests use {} PostgreSQL at {}", container ? "Testcontainers" : "embedded", settings.jdbcUrl());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Test PostgreSQL did not stop cleanly", e);
        }
    }

    /** The running test database. */
    public static DatabaseSettings settings() {
        if (settings == null) {
            throw new IllegalStateException(
                    "This test needs PostgreSQL, which the fast tier (./mvnw test, -Dtrust.test.postgres=none)"
                            + " does not start: name it *IT so that ./mvnw verify runs it");
        }
        return settings;
    }

    /** A connection as the owner role, for arranging what a test needs outside the application. */
    public static Connection ownerConnection() throws SQLException {
        return ownerConnection(settings());
    }

    /** A connection as the owner role of another database, one a test started for itself. */
    public static Connection ownerConnection(DatabaseSettings s) throws SQLException {
        Connection connection = DriverManager.getConnection(s.jdbcUrl(), s.ownerUser(), s.ownerPassword());
        connection.setSchema("trust");
        return connection;
    }

    /** A connection as the runtime role the application uses, to prove what that role can and cannot reach. */
    public static Connection runtimeConnection() throws SQLException {
        DatabaseSettings s = settings();
        Connection connection = DriverManager.getConnection(s.jdbcUrl(), s.runtimeUser(), s.runtimePassword());
        connection.setSchema("trust");
        return connection;
    }

    private DatabaseSettings startEmbedded() {
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.startThrowaway();
        server = embedded;
        return embedded.settings();
    }

    private DatabaseSettings startContainer() throws SQLException {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(POSTGRES_IMAGE);
        postgres.start();
        server = postgres::stop;
        String serverUrl =
                "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getFirstMappedPort() + "/postgres";
        return DatabaseProvisioner.provision(serverUrl, postgres.getUsername(), postgres.getPassword());
    }

    private static boolean dockerAnswers() {
        // Asking Testcontainers with no engine configured logs a page of errors; skip the question.
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }
}
