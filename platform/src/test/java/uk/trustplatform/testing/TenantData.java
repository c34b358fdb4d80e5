package uk.trustplatform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.devstack.embedded.DatabaseSettings;

/** Reads a tenant's rows straight from the database as its owner, bound to the tenant, to check what a call stored. */
public final class TenantData {

    private TenantData() {}

    /** How many rows of {@code table} the tenant holds. */
    public static long rows(UUID tenant, String table) {
        return query(tenant, "SELECT count(*) FROM " + table).stream()
                .map(Long::parseLong)
                .findFirst()
                .orElseThrow();
    }

    /** The tenant's audit entries, oldest first, each as "action before after". */
    public static List<String> audit(UUID tenant) {
        return query(
                tenant,
                "SELECT action || ' ' || coalesce(before::text, '') || ' ' || coalesce(after::text, '')"
                        + " FROM audit_event ORDER BY occurred_at");
    }

    /**
     * Changes the tenant's rows as its owner and commits: for a test that needs a record dated
     * where no mutation may put it (a kite mark awarded years ago). Returns the rows changed.
     */
    public static int change(UUID tenant, String sql) {
        try (Connection owner = boundTo(tenant)) {
            int changed = owner.createStatement().executeUpdate(sql);
            owner.commit();
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes locks with a statement ({@code SELECT … FOR UPDATE}, {@code LOCK TABLE …}) in a
     * transaction bound to the tenant, and holds them, as a long transaction of another client's
     * would, until the connection returned is closed (its transaction rolled back, nothing changed).
     */
    public static Connection holding(UUID tenant, String locking) {
        try {
            Connection owner = boundTo(tenant);
            owner.createStatement().execute(locking);
            return owner;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the tenant with this slug (the tenant register is readable whatever the tenant set). */
    public static UUID tenantOf(String slug) {
        return UUID.fromString(query(new UUID(0, 0), "SELECT id FROM tenant WHERE slug = '" + slug + "'")
                .getFirst());
    }

    /** The first column of every row a query returns, as text. */
    public static List<String> query(UUID tenant, String sql) {
        return query(TestDatabase.settings(), tenant, sql);
    }

    /** The first column of every row a query returns, in a database a test started for itself. */
    public static List<String> query(DatabaseSettings database, UUID tenant, String sql) {
        try (Connection owner = boundTo(database, tenant)) {
            List<String> values = new ArrayList<>();
            try (ResultSet rows = owner.createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            owner.rollback();
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An owner's connection in a transaction bound to the tenant. */
    private static Connection boundTo(UUID tenant) throws SQLException {
        return boundTo(TestDatabase.settings(), tenant);
    }

    private static Connection boundTo(DatabaseSettings database, UUID tenant) throws SQLException {
        Connection owner = TestDatabase.ownerConnection(database);
        try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            owner.setAutoCommit(false);
            bind.setString(1, tenant.toString());
            bind.execute();
            return owner;
        } catch (SQLException e) {
            owner.close();
            throw e;
        }
    }
}
