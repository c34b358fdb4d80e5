package uk.trustplatform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything a tenant holds, across every table with a tenant_id: taken before and after a call to
 * prove the call changed nothing of the tenant's. Each table is summed up as its row count and a
 * digest of its rows in order, all tables in one statement: the isolation suite and the permission
 * matrix take two snapshots for each of their thousands of cases, and a statement per table made
 * the snapshots most of the suites' time. A difference names the table that changed.
 */
public final class TenantSnapshot {

    /** One SELECT per table, each bound to the tenant given as the statement's only parameter. */
    private static String statement;

    private static Connection owner;

    private TenantSnapshot() {}

    public static synchronized String of(UUID tenantId) {
        try {
            return take(connection(), tenantId);
        } catch (SQLException first) {
            // The connection may have gone with a restarted server: one more try on a new one.
            forget();
            try {
                return take(connection(), tenantId);
            } catch (SQLException e) {
                forget();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String take(Connection owner, UUID tenantId) throws SQLException {
        StringBuilder snapshot = new StringBuilder();
        try {
            try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenantId.toString());
                bind.execute();
            }
            try (PreparedStatement tables = owner.prepareStatement(statement(owner))) {
                tables.setObject(1, tenantId);
                try (ResultSet rows = tables.executeQuery()) {
                    while (rows.next()) {
                        snapshot.append("## ")
                                .append(rows.getString(1))
                                .append('\n')
                                .append(rows.getLong(2))
                                .append(" rows, digest ")
                                .append(rows.getString(3))
                                .append('\n');
                    }
                }
            }
        } finally {
            owner.rollback();
        }
        return snapshot.toString();
    }

    /** One owner connection for every snapshot of the run: opening one cost more than the snapshot. */
    private static Connection connection() throws SQLException {
        if (owner == null) {
            owner = TestDatabase.ownerConnection();
            owner.setAutoCommit(false);
        }
        return owner;
    }

    private static void forget() {
        try {
            if (owner != null) {
                owner.close();
            }
        } catch (SQLException alreadyGone) {
            // nothing to close
        } finally {
            owner = null;
        }
    }

    /**
     * Filtered by tenant as well as bound to it: the owner may read some aggregate tables across
     * tenants. The migrations have all run before the first snapshot, so the tables stay the same.
     */
    private static String statement(Connection owner) throws SQLException {
        if (statement == null) {
            List<String> selects = new ArrayList<>();
            for (String table : tenantTables(owner)) {
                selects.add("SELECT '" + table + "', count(*), md5(coalesce(string_agg(CAST(t AS text), E'\\n'"
                        + " ORDER BY CAST(t AS text)), '')) FROM " + table + " AS t CROSS JOIN snapshot_of"
                        + " WHERE t.tenant_id = snapshot_of.id");
            }
            statement = "WITH snapshot_of AS (SELECT CAST(? AS uuid) AS id) " + String.join(" UNION ALL ", selects);
        }
        return statement;
    }

    private static List<String> tenantTables(Connection owner) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = owner.createStatement().executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
                WHERE n.nspname = 'trust' AND c.relkind = 'r' ORDER BY c.relname""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
