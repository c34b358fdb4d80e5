package uk.trustplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Migrations run as the owner role and the application connects as a runtime role that owns
 * nothing: the split that makes forced row-level security bind the application.
 */
@MicronautTest(transactional = false)
class DatabaseRolesIT {

    @Inject
    DataSource dataSource;

    @Test
    void the_application_connects_as_the_runtime_role_which_is_neither_superuser_nor_bypassing_rls()
            throws SQLException {
        try (Connection connection =
                        DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                ResultSet role = connection
                        .createStatement()
                        .executeQuery("SELECT current_user, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb"
                                + " FROM pg_roles WHERE rolname = current_user")) {
            assertThat(role.next()).isTrue();
            assertThat(role.getString(1)).isEqualTo(TestDatabase.settings().runtimeUser());
            assertThat(role.getBoolean("rolsuper")).isFalse();
            assertThat(role.getBoolean("rolbypassrls")).isFalse();
            assertThat(role.getBoolean("rolcreaterole")).isFalse();
            assertThat(role.getBoolean("rolcreatedb")).isFalse();
        }
    }

    @Test
    void every_object_in_the_application_schema_belongs_to_the_owner_and_none_to_the_runtime_role()
            throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection owner = TestDatabase.ownerConnection();
                ResultSet rows = owner.createStatement()
                        .executeQuery("SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'trust'")) {
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
        }
        assertThat(owners).containsExactly(TestDatabase.settings().ownerUser());
    }

    @Test
    void migrations_were_installed_by_the_owner_role() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection();
                ResultSet rows = owner.createStatement()
                        .executeQuery("SELECT DISTINCT installed_by FROM flyway_schema_history")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(TestDatabase.settings().ownerUser());
            assertThat(rows.next()).isFalse();
        }
    }
}
