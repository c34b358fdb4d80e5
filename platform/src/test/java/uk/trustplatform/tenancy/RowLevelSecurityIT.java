package uk.trustplatform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The database's lock: every table of the application is under forced row-level security, and
 * the runtime role sees and writes only the rows of the tenant its transaction names.
 */
@MicronautTest(transactional = false) // starts the platform, which migrates the schema
class RowLevelSecurityIT {

    /** Tables of the platform's own register: readable by all, written only at platform level. */
    private static final Set<String> PLATFORM_REGISTER = Set.of("tenant", "tenant_council", "regional_forum");

    /** Tables whose rows a transaction reaches only by naming one (a signed-in browser's session). */
    private static final Set<String> SESSION_KEYED = Set.of("web_session");

    /** Tables whose rows a transaction reaches only by naming a client address's hash (feedback codes' rate limit). */
    private static final Set<String> CLIENT_KEYED = Set.of("feedback_code_refusal");

    @Test
    void every_table_is_under_forced_row_level_security_with_the_tenant_policy() throws SQLException {
        assertThat(policyProblems()).isEmpty();
    }

    @Test
    void a_table_created_without_row_level_security_is_reported() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.createStatement().execute("CREATE TABLE rls_probe (tenant_id uuid NOT NULL)");
            try {
                assertThat(policyProblems())
                        .contains("rls_probe: row-level security is not enabled")
                        .contains("rls_probe: row-level security is not forced")
                        .contains("rls_probe: has tenant_id but no tenant_isolation policy");
            } finally {
                owner.createStatement().execute("DROP TABLE rls_probe");
            }
        }
    }

    /**
     * Functions that run as the owner, past the tenant policy, and that the runtime role may call:
     * each is a way across tenants, so each must be one a feature uses and reviews.
     */
    private static final Set<String> CROSS_TENANT_FUNCTIONS = Set.of(
            "forum_indicators", "indicator_refreshes_due", "purge_idle_web_sessions", "purge_feedback_code_refusals");

    @Test
    void the_runtime_role_may_call_only_the_owner_functions_the_platform_uses() throws SQLException {
        List<String> callable = new ArrayList<>();
        try (Connection owner = TestDatabase.ownerConnection();
                PreparedStatement query = owner.prepareStatement("""
                        SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE p.prosecdef AND n.nspname = current_schema()
                          AND has_function_privilege(?, p.oid, 'EXECUTE')""")) {
            query.setString(1, TestDatabase.settings().runtimeUser());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    callable.add(row.getString(1));
                }
            }
        }
        assertThat(callable).containsExactlyInAnyOrderElementsOf(CROSS_TENANT_FUNCTIONS);
    }

    @Test
    void the_runtime_role_cannot_reach_other_addresses_refusals_by_naming_a_purge_cut_off_itself() throws SQLException {
        String address = "ab".repeat(32);
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("SELECT set_config('app.client', '" + address + "', true)");
            owner.createStatement()
                    .execute("INSERT INTO feedback_code_refusal (address_hash, refused_at)" + " VALUES (decode('"
                            + address + "', 'hex'), now() - interval '1 day')");
            owner.commit();
        }
        try (Connection runtime = TestDatabase.runtimeConnection()) {
            runtime.setAutoCommit(false);
            runtime.createStatement()
                    .execute("SELECT set_config('app.refusals_purge_before', (now() + interval '1 day')::text, true)");
            assertThat(count(runtime, "SELECT count(*) FROM feedback_code_refusal"))
                    .isZero();
            assertThat(runtime.createStatement().executeUpdate("DELETE FROM feedback_code_refusal"))
                    .isZero();
            runtime.rollback();
        } finally {
            try (Connection owner = TestDatabase.ownerConnection()) {
                owner.setAutoCommit(false);
                owner.createStatement().execute("SELECT set_config('app.client', '" + address + "', true)");
                owner.createStatement()
                        .execute("DELETE FROM feedback_code_refusal WHERE address_hash = decode('" + address
                                + "', 'hex')");
                owner.commit();
            }
        }
    }

    @Test
    void the_runtime_role_cannot_touch_the_migration_history() throws SQLException {
        try (Connection runtime = TestDatabase.runtimeConnection()) {
            assertThatThrownBy(() -> runtime.createStatement().executeQuery("SELECT * FROM flyway_schema_history"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void without_a_tenant_the_runtime_role_sees_no_tenant_row_at_all() throws SQLException {
        TestTenant a = TestTenants.active("alpha");
        insertPartner(a, "Alpha Youth Service");

        try (Connection runtime = TestDatabase.runtimeConnection()) {
            assertThat(count(runtime, "SELECT count(*) FROM partner_organisation"))
                    .isZero();
            assertThat(count(runtime, "SELECT count(*) FROM audit_event")).isZero();
        }
    }

    @Test
    void with_a_tenant_the_runtime_role_sees_and_writes_only_that_tenants_rows() throws SQLException {
        TestTenant a = TestTenants.active("alpha");
        TestTenant b = TestTenants.active("bravo");
        insertPartner(a, "Alpha Youth Service");
        insertPartner(b, "Bravo Youth Service");

        try (Connection runtime = TestDatabase.runtimeConnection()) {
            runtime.setAutoCommit(false);
            bindTenant(runtime, a.id());
            assertThat(names(runtime)).containsExactly("Alpha Youth Service");

            assertThatThrownBy(() -> insertAs(runtime, b.id(), "Smuggled into Bravo"))
                    .hasMessageContaining("violates row-level security policy");
            runtime.rollback();

            bindTenant(runtime, a.id());
            assertThat(runtime.createStatement()
                            .executeUpdate("UPDATE partner_organisation SET name = 'Renamed' WHERE tenant_id = '"
                                    + b.id() + "'"))
                    .isZero();
            assertThat(runtime.createStatement()
                            .executeUpdate("DELETE FROM partner_organisation WHERE tenant_id = '" + b.id() + "'"))
                    .isZero();
            runtime.rollback();
        }
    }

    @Test
    void the_tenant_setting_ends_with_the_transaction() throws SQLException {
        TestTenant a = TestTenants.active("alpha");
        insertPartner(a, "Alpha Youth Service");

        try (Connection runtime = TestDatabase.runtimeConnection()) {
            runtime.setAutoCommit(false);
            bindTenant(runtime, a.id());
            assertThat(count(runtime, "SELECT count(*) FROM partner_organisation"))
                    .isEqualTo(1);
            runtime.commit();

            assertThat(count(runtime, "SELECT count(*) FROM partner_organisation"))
                    .isZero();
            assertThat(setting(runtime)).isEmpty();
        }
    }

    @Test
    void the_audit_trail_is_append_only_for_the_runtime_role() throws SQLException {
        TestTenant a = TestTenants.active("alpha");
        try (Connection runtime = TestDatabase.runtimeConnection()) {
            runtime.setAutoCommit(false);
            bindTenant(runtime, a.id());
            assertThatThrownBy(() -> runtime.createStatement().executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("permission denied");
            runtime.rollback();
        }
    }

    /** Every way the schema falls short of the isolation rules, one sentence per problem. */
    static List<String> policyProblems() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection owner = TestDatabase.ownerConnection();
                ResultSet tables = owner.createStatement().executeQuery("""
                        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                               EXISTS (SELECT 1 FROM pg_attribute a
                                       WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped),
                               EXISTS (SELECT 1 FROM pg_policy p
                                       WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'
                                         AND pg_get_expr(p.polqual, p.polrelid) LIKE '%tenant_id = app_current_tenant()%'
                                         AND pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%tenant_id = app_current_tenant()%'),
                               EXISTS (SELECT 1 FROM pg_policy p
                                       WHERE p.polrelid = c.oid AND p.polname = 'session_isolation'
                                         AND pg_get_expr(p.polqual, p.polrelid) LIKE '%app_current_session()%'
                                         AND pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%app_current_session()%'),
                               EXISTS (SELECT 1 FROM pg_policy p
                                       WHERE p.polrelid = c.oid AND p.polname = 'client_isolation'
                                         AND pg_get_expr(p.polqual, p.polrelid) LIKE '%app_current_client()%'
                                         AND pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%app_current_client()%')
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'trust' AND c.relkind IN ('r', 'p')
                          AND c.relname <> 'flyway_schema_history'
                        ORDER BY c.relname""")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (!tables.getBoolean(2)) {
                    problems.add(table + ": row-level security is not enabled");
                }
                if (!tables.getBoolean(3)) {
                    problems.add(table + ": row-level security is not forced");
                }
                if (CLIENT_KEYED.contains(table)) {
                    if (!tables.getBoolean(7)) {
                        problems.add(table + ": has no client_isolation policy");
                    }
                } else if (SESSION_KEYED.contains(table)) {
                    if (!tables.getBoolean(6)) {
                        problems.add(table + ": has no session_isolation policy");
                    }
                } else if (!PLATFORM_REGISTER.contains(table) && !tables.getBoolean(5)) {
                    problems.add(table
                            + (tables.getBoolean(4)
                                    ? ": has tenant_id but no tenant_isolation policy"
                                    : ": has no tenant_id and is not in the platform register"));
                }
            }
        }
        return problems;
    }

    private static void insertPartner(TestTenant tenant, String name) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            bindTenant(owner, tenant.id());
            insertAs(owner, tenant.id(), name);
            owner.commit();
        }
    }

    private static void insertAs(Connection connection, UUID tenantId, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO partner_organisation (tenant_id, id, name) VALUES (?, ?, ?)")) {
            insert.setObject(1, tenantId);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, name);
            insert.executeUpdate();
        }
    }

    private static void bindTenant(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenantId.toString());
            bind.execute();
        }
    }

    private static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM partner_organisation")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (ResultSet rows = connection
                .createStatement()
                .executeQuery("SELECT coalesce(current_setting('app.tenant_id', true), '')")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
