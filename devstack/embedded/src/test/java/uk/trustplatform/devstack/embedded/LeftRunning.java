package uk.trustplatform.devstack.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A devstack's PostgreSQL in a process of its own, which the test kills as a process group's
 * SIGKILL would: its postmaster keeps running with its launcher gone.
 */
public final class LeftRunning {

    private LeftRunning() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startKeeping(Path.of(args[0]), 0);
        DatabaseSettings settings = server.settings();
        try (Connection owner =
                DriverManager.getConnection(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword())) {
            owner.createStatement().execute("CREATE TABLE kept (note text)");
            owner.createStatement().execute("INSERT INTO kept VALUES ('written before the crash')");
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
