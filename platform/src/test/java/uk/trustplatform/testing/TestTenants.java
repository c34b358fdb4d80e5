package uk.trustplatform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import uk.trustplatform.devstack.embedded.DatabaseSettings;

/**
 * Arranges tenants in the register straight in the database (as the onboarding use case will),
 * each with a unique slug so tests never collide.
 */
public final class TestTenants {

    private TestTenants() {}

    /** A tenant in the register, as the token's organization alias names it. */
    public record TestTenant(UUID id, String slug) {}

    public static TestTenant active(String prefix) {
        return create(prefix, "ACTIVE");
    }

    public static TestTenant create(String prefix, String status) {
        return create(TestDatabase.settings(), prefix, status);
    }

    /** An active tenant in a database a test started for itself. */
    public static TestTenant activeIn(DatabaseSettings database, String prefix) {
        return create(database, prefix, "ACTIVE");
    }

    private static TestTenant create(DatabaseSettings database, String prefix, String status) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        try (Connection owner = TestDatabase.ownerConnection(database)) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("SELECT set_config('app.platform', 'on', true)");
            try (PreparedStatement insert = owner.prepareStatement(
                    "INSERT INTO tenant (id, slug, name, kind, region, status) VALUES (?, ?, ?, 'CHILDRENS_TRUST', 'SOUTH_EAST', ?)")) {
                insert.setObject(1, id);
                insert.setString(2, slug);
                insert.setString(3, "Test Trust " + slug);
                insert.setString(4, status);
                insert.executeUpdate();
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestTenant(id, slug);
    }

    public static void setStatus(TestTenant tenant, String status) {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("SELECT set_config('app.platform', 'on', true)");
            try (PreparedStatement update = owner.prepareStatement("UPDATE tenant SET status = ? WHERE id = ?")) {
                update.setString(1, status);
                update.setObject(2, tenant.id());
                update.executeUpdate();
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
