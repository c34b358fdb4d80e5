package uk.trustplatform.youthforums;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's youth forums' recommendations; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Recommendations extends CrudRepository<Recommendation, UUID> {

    /**
     * One page, newest first: of every partner when {@code everyone}, else those addressed to or
     * recorded by the organisations given. {@code state} is ALL, OPEN, OVERDUE (open and made
     * before {@code overdueBefore}) or ANSWERED.
     */
    @Query("""
            SELECT * FROM youth_forum_recommendation
            WHERE tenant_id = :tenantId
              AND (:everyone OR addressed_to_id IN (:organisations) OR recorded_by_id IN (:organisations))
              AND (:state = 'ALL' OR (:state = 'ANSWERED') = (replied_on IS NOT NULL))
              AND (:state <> 'OVERDUE' OR made_on < :overdueBefore)
              AND (CAST(:afterMade AS date) IS NULL
                   OR (made_on, id) < (CAST(:afterMade AS date), CAST(:afterId AS uuid)))
            ORDER BY made_on DESC, id DESC
            LIMIT :limit""")
    List<Recommendation> page(
            UUID tenantId,
            boolean everyone,
            Collection<UUID> organisations,
            String state,
            LocalDate overdueBefore,
            @Nullable String afterMade,
            @Nullable String afterId,
            int limit);

    /** How many {@link #page} would list in all, whatever the page. */
    @Query("""
            SELECT count(*) FROM youth_forum_recommendation
            WHERE tenant_id = :tenantId
              AND (:everyone OR addressed_to_id IN (:organisations) OR recorded_by_id IN (:organisations))
              AND (:state = 'ALL' OR (:state = 'ANSWERED') = (replied_on IS NOT NULL))
              AND (:state <> 'OVERDUE' OR made_on < :overdueBefore)""")
    long count(UUID tenantId, boolean everyone, Collection<UUID> organisations, String state, LocalDate overdueBefore);

    /** The tenant's answered recommendations, newest reply first. */
    @Query("""
            SELECT * FROM youth_forum_recommendation
            WHERE tenant_id = :tenantId AND replied_on IS NOT NULL
            ORDER BY replied_on DESC, made_on DESC, id DESC
            LIMIT :limit""")
    List<Recommendation> answered(UUID tenantId, int limit);
}
