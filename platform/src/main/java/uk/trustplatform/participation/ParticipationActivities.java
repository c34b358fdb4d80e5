package uk.trustplatform.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's participation register; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipationActivities extends CrudRepository<ParticipationActivity, UUID> {

    List<ParticipationActivity> findByIdIn(Collection<UUID> ids);

    /** One page, latest start first; of the organisations given, or all when {@code everyone}. */
    @Query("""
            SELECT * FROM participation_activity
            WHERE tenant_id = :tenantId
              AND (:everyone OR partner_organisation_id IN (:organisations))
              AND (CAST(:afterStart AS date) IS NULL
                   OR (starts_on, id) < (CAST(:afterStart AS date), CAST(:afterId AS uuid)))
            ORDER BY starts_on DESC, id DESC
            LIMIT :limit""")
    List<ParticipationActivity> page(
            UUID tenantId,
            boolean everyone,
            Collection<UUID> organisations,
            @Nullable String afterStart,
            @Nullable String afterId,
            int limit);

    /** The tenant's activities whose participants were told what was done, newest feedback first. */
    @Query("""
            SELECT * FROM participation_activity
            WHERE tenant_id = :tenantId AND feedback_given_on IS NOT NULL
            ORDER BY feedback_given_on DESC, starts_on DESC, id DESC
            LIMIT :limit""")
    List<ParticipationActivity> fedBack(UUID tenantId, int limit);

    /** Every activity of the tenant running on any day from {@code from} to {@code to}, by start. */
    @Query("""
            SELECT * FROM participation_activity
            WHERE tenant_id = :tenantId AND starts_on <= :to AND ends_on >= :from
            ORDER BY starts_on, id""")
    List<ParticipationActivity> running(UUID tenantId, LocalDate from, LocalDate to);
}
