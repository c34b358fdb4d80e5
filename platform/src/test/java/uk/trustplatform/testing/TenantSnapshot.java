package uk.trustplatform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything a tenant holds, across every table with a tenant_id, as text: taken before and after
 * a call to prove the call changed nothing of the tenant's.
 */
public final class TenantSnapshot {

    private TenantSnapshot() {}

    public static String of(UUID tenantId) {
        StringBuilder snapshot = new StringBuilder();
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenantId.toString());
                bind.execute();
            }
            for (String table : tenantTables(owner)) {
                snapshot.append("## ").append(table).append('\n');
                // Filtered by tenant as well as bound to it: the owner may read some aggregate tables across tenants.
                try (ResultSet rows = owner.createStatement()
                        .executeQuery("SELECT * FROM " + table + " AS t WHERE tenant_id = '" + tenantId
                                + "' ORDER BY CAST(t AS text)")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            snapshot.append(columns.getColumnName(i))
                                    .append('=')
                                    .append(rows.getString(i))
                                    .append(';');
                        }
                        snapshot.append('\n');
                    }
                }
            }
            owner.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return snapshot.toString();
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
