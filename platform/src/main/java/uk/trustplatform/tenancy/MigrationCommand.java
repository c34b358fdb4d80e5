package uk.trustplatform.tenancy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import uk.trustplatform.api.Environments;

/**
 * Brings the schema up to date as the owner role and exits: what a deployment's migration job runs
 * ({@code java -cp platform.jar uk.trustplatform.tenancy.MigrationCommand}), so that the service's
 * own pods can run with {@code TRUST_DB_MIGRATIONS_ENABLED=false} and never hold the owner's
 * password. Configuration comes from the same environment variables as the service; a failed
 * migration ends the process with an exception (exit status 1) and Flyway leaves the schema as
 * the last migration that succeeded.
 */
public final class MigrationCommand {

    private MigrationCommand() {}

    public static void main(String[] args) {
        System.out.println(migrate(Map.of()));
    }

    /** Migrates with the given properties over the environment's; a line saying where the schema stands. */
    static String migrate(Map<String, Object> properties) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("flyway.datasources.migrations.enabled", true);
        // A one-off process: the service's background jobs belong to the service.
        settings.put("trust.pledges.renewals.enabled", false);
        settings.put("trust.benchmarking.refresh.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(Environments.MIGRATION_JOB)
                .properties(settings)
                .start()) {
            MigrationInfo current = context.getBean(Flyway.class, Qualifiers.byName("migrations"))
                    .info()
                    .current();
            return "Schema at version " + current.getVersion() + " (" + current.getDescription() + ")";
        }
    }
}
