package uk.trustplatform.devstack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import uk.trustplatform.devstack.embedded.DatabaseSettings;

/**
 * The one demo tenant the README's example query returns: Medway's Children's Trust (seed 000).
 * Written straight into the database until tenant onboarding from tenants/ exists.
 */
final class DemoTenant {

    static final String SLUG = "medway";

    private DemoTenant() {}

    static void ensurePresent(DatabaseSettings database) throws SQLException {
        try (Connection owner =
                DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            owner.setSchema("trust");
            owner.setAutoCommit(false);
            // Row-level security binds the owner too; the tenant register is written at platform level.
            owner.createStatement().execute("SELECT set_config('app.platform', 'on', true)");
            UUID tenantId = UUID.nameUUIDFromBytes(("tenant:" + SLUG).getBytes(StandardCharsets.UTF_8));
            try (PreparedStatement tenant = owner.prepareStatement(
                    "INSERT INTO tenant (id, slug, name, kind, region, status) VALUES (?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (slug) DO NOTHING")) {
                tenant.setObject(1, tenantId);
                tenant.setString(2, SLUG);
                tenant.setString(3, "Medway Children's Trust");
                tenant.setString(4, "CHILDRENS_TRUST");
                tenant.setString(5, "SOUTH_EAST");
                tenant.setString(6, "ACTIVE");
                tenant.executeUpdate();
            }
            try (PreparedStatement council = owner.prepareStatement(
                    "INSERT INTO tenant_council (tenant_id, id, gss_code, name) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (tenant_id, gss_code) DO NOTHING")) {
                council.setObject(1, tenantId);
                council.setObject(2, UUID.nameUUIDFromBytes(("council:" + SLUG).getBytes(StandardCharsets.UTF_8)));
                council.setString(3, "E06000035");
                council.setString(4, "Medway Council");
                council.executeUpdate();
            }
            owner.commit();
        }
    }
}
