package uk.trustplatform.devstack.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @Test
    void data_kept_in_the_devstack_folder_survives_a_restart_and_provisioning_again_changes_nothing(@TempDir Path home)
            throws SQLException {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startKeeping(home, 0)) {
            try (Connection owner = ownerConnection(first.settings())) {
                owner.createStatement().execute("CREATE TABLE kept (note text)");
                owner.createStatement().execute("INSERT INTO kept VALUES ('still here')");
            }
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.startKeeping(home, 0);
                Connection owner = ownerConnection(second.settings());
                ResultSet rows = owner.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    /** Once, a devstack killed with its process group left its PostgreSQL running, and the next start failed. */
    @Test
    void a_postgresql_an_earlier_devstack_left_running_is_stopped_and_its_data_kept(@TempDir Path home)
            throws Exception {
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LeftRunning.class.getName(),
                        home.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = launcher.inputReader()) {
            assertThat(output.lines().anyMatch("ready"::equals))
                    .as("the first devstack's PostgreSQL started")
                    .isTrue();
        }
        launcher.destroyForcibly().waitFor();
        long leftOverPid = Long.parseLong(
                Files.readAllLines(home.resolve("postmaster.pid")).getFirst());
        assertThat(ProcessHandle.of(leftOverPid).filter(ProcessHandle::isAlive))
                .as("its postmaster outlives its launcher")
                .isPresent();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.startKeeping(home, 0);
                Connection owner = ownerConnection(next.settings());
                ResultSet rows = owner.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(ProcessHandle.of(leftOverPid).filter(ProcessHandle::isAlive))
                    .as("the left-over postmaster")
                    .isEmpty();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the crash");
        }
    }

    @Test
    void the_runtime_role_can_connect_but_cannot_create_anything() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startThrowaway();
                Connection runtime = DriverManager.getConnection(
                        server.settings().jdbcUrl(),
                        server.settings().runtimeUser(),
                        server.settings().runtimePassword());
                ResultSet rights = runtime.createStatement()
                        .executeQuery("SELECT has_database_privilege(current_user, current_database(), 'CREATE'),"
                                + " has_schema_privilege(current_user, 'public', 'CREATE'), rolbypassrls"
                                + " FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rights.next()).isTrue();
            assertThat(rights.getBoolean(1)).as("create schemas").isFalse();
            assertThat(rights.getBoolean(2)).as("create in public").isFalse();
            assertThat(rights.getBoolean(3)).as("bypass row security").isFalse();
        }
    }

    private static Connection ownerConnection(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword());
    }
}
