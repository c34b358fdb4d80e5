package uk.trustplatform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.trustplatform.devstack.embedded.DatabaseSettings;
import uk.trustplatform.devstack.embedded.EmbeddedPostgresServer;
import uk.trustplatform.testing.TestDatabase;

/**
 * Migrations as a deployment runs them: a job of their own as the owner role, and the service
 * started with migrations off, holding only the runtime role's password.
 */
class MigrationCommandIT {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void the_command_brings_an_empty_database_to_the_latest_version_and_a_second_run_changes_nothing()
            throws Exception {
        try (EmbeddedPostgresServer empty = EmbeddedPostgresServer.startThrowaway()) {
            DatabaseSettings database = empty.settings();
            Map<String, Object> properties = new HashMap<>(database.asPlatformProperties());

            String first = MigrationCommand.migrate(properties);
            String second = MigrationCommand.migrate(properties);

            assertThat(first).startsWith("Schema at version " + latestMigration() + " (");
            assertThat(second).isEqualTo(first);
            try (Connection owner = DriverManager.getConnection(
                            database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
                    ResultSet rows = owner.createStatement()
                            .executeQuery(
                                    "SELECT count(*) FROM trust.flyway_schema_history WHERE success AND type = 'SQL'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(migrationFiles());
            }
        }
    }

    @Test
    void the_service_with_migrations_off_starts_without_the_owners_password() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.settings().asPlatformProperties());
        properties.put("trust.db.migrations.enabled", false);
        properties.put("trust.db.owner.password", "not-the-owners-password");
        properties.put("trust.pledges.renewals.enabled", false);
        properties.put("trust.benchmarking.refresh.enabled", false);

        try (ApplicationContext service =
                ApplicationContext.builder().properties(properties).start()) {
            JdbcOperations jdbc = service.getBean(JdbcOperations.class);
            String user = service.getBean(TenantTransactions.class)
                    .inTenant(
                            null,
                            false,
                            () -> jdbc.prepareStatement("SELECT current_user", statement -> {
                                try (ResultSet rows = statement.executeQuery()) {
                                    rows.next();
                                    return rows.getString(1);
                                }
                            }));

            assertThat(user).isEqualTo(TestDatabase.settings().runtimeUser());
        }
    }

    private static int latestMigration() throws IOException {
        try (Stream<Path> files = migrations()) {
            return files.map(path -> VERSION.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max()
                    .orElseThrow();
        }
    }

    private static int migrationFiles() throws IOException {
        try (Stream<Path> files = migrations()) {
            return (int) files.filter(path ->
                            VERSION.matcher(path.getFileName().toString()).matches())
                    .count();
        }
    }

    private static Stream<Path> migrations() throws IOException {
        return Files.walk(Path.of("src/main/resources/db/migration"));
    }
}
