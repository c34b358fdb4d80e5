package uk.trustplatform.devstack.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the platform's database and its two roles on a server we hold superuser rights on (the
 * embedded server, or a throwaway container in tests). In production a DBA does the same by hand;
 * docs/operations.md lists the statements.
 *
 * <p>The owner role owns the database, creates the application schema and runs migrations. The runtime role owns nothing and has no
 * BYPASSRLS, so row-level security always applies to the application.
 */
public final class DatabaseProvisioner {

    public static final String DATABASE = "trust";
    public static final String OWNER = "trust_owner";
    public static final String RUNTIME = "trust_app";
    /** Dev-only passwords: the servers listen on loopback and exist only on a developer's machine. */
    private static final String OWNER_PASSWORD = "trust_owner_dev";

    private static final String RUNTIME_PASSWORD = "trust_app_dev";

    private DatabaseProvisioner() {}

    /**
     * Makes sure the database and roles exist; safe to run again on a server that already has them.
     *
     * @param serverUrl JDBC URL of the server's maintenance database, e.g. jdbc:postgresql://127.0.0.1:5432/postgres
     */
    public static DatabaseSettings provision(String serverUrl, String superUser, String superPassword)
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl, superUser, superPassword)) {
            ensureRole(admin, OWNER, OWNER_PASSWORD);
            ensureRole(admin, RUNTIME, RUNTIME_PASSWORD);
            ensureDatabase(admin);
        }
        String databaseUrl = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + DATABASE;
        return new DatabaseSettings(databaseUrl, OWNER, OWNER_PASSWORD, RUNTIME, RUNTIME_PASSWORD);
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            return;
        }
        try (Statement statement = admin.createStatement()) {
            // Role names are our constants, not input; CREATE ROLE takes no bind parameters.
            statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
                    + " PASSWORD '" + password + "'");
        }
    }

    private static void ensureDatabase(Connection admin) throws SQLException {
        if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
            return;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute(
                    "CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
            statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            statement.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + RUNTIME);
        }
    }

    private static boolean exists(Connection admin, String sql, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, name);
            return query.executeQuery().next();
        }
    }
}
