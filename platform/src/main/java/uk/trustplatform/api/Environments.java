package uk.trustplatform.api;

/** The Micronaut environments the platform's own processes name. */
public final class Environments {

    /**
     * The migration job's ({@code tenancy.MigrationCommand}): it only migrates, so the beans the
     * service creates eagerly to check itself at start-up (the GraphQL engine against its wiring,
     * the webhook key) stay out of it; the job is given none of the service's other settings.
     */
    public static final String MIGRATION_JOB = "migration";

    private Environments() {}
}
