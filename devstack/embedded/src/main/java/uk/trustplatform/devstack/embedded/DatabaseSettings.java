package uk.trustplatform.devstack.embedded;

import java.util.Map;

/**
 * How the platform reaches a database prepared by {@link DatabaseProvisioner}: the JDBC URL, the
 * owner role that runs migrations, and the runtime role the application connects as.
 */
public record DatabaseSettings(
        String jdbcUrl, String ownerUser, String ownerPassword, String runtimeUser, String runtimePassword) {

    /**
     * The platform's configuration properties for this database, under the names the README
     * documents as environment variables (TRUST_DB_URL is trust.db.url, and so on).
     */
    public Map<String, String> asPlatformProperties() {
        return Map.of(
                "trust.db.url", jdbcUrl,
                "trust.db.owner.user", ownerUser,
                "trust.db.owner.password", ownerPassword,
                "trust.db.runtime.user", runtimeUser,
                "trust.db.runtime.password", runtimePassword);
    }
}
