package uk.trustplatform.benchmarking;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which indicator sets tenants share with forums. A tenant reads and writes its own memberships
 * under the tenant policy; across tenants, only the {@code forum_indicators} function reads them.
 */
@Singleton
final class ForumMemberships {

    /** One shared set. */
    record Membership(UUID tenantId, UUID forumId, IndicatorSet set) {}

    private final JdbcOperations jdbc;

    ForumMemberships(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The current tenant's memberships. */
    List<Membership> ofTenant(UUID tenantId) {
        return query("SELECT tenant_id, forum_id, indicator_set FROM forum_membership WHERE tenant_id = ?", tenantId);
    }

    /** Shares a set; true when it was not shared already. */
    boolean join(UUID tenantId, UUID forumId, IndicatorSet set) {
        return change(
                "INSERT INTO forum_membership (tenant_id, forum_id, indicator_set) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                tenantId,
                forumId,
                set);
    }

    /** Stops sharing a set; true when it was shared. */
    boolean leave(UUID tenantId, UUID forumId, IndicatorSet set) {
        return change(
                "DELETE FROM forum_membership WHERE tenant_id = ? AND forum_id = ? AND indicator_set = ?",
                tenantId,
                forumId,
                set);
    }

    private boolean change(String sql, UUID tenantId, UUID forumId, IndicatorSet set) {
        return jdbc.prepareStatement(sql, statement -> {
                    statement.setObject(1, tenantId);
                    statement.setObject(2, forumId);
                    statement.setString(3, set.name());
                    return statement.executeUpdate();
                })
                > 0;
    }

    private List<Membership> query(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Membership> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Membership(
                            row.getObject(1, UUID.class),
                            row.getObject(2, UUID.class),
                            IndicatorSet.valueOf(row.getString(3))));
                }
            }
            return found;
        });
    }
}
