package uk.trustplatform.inspections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's inspections by young inspectors; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Inspections extends CrudRepository<Inspection, UUID> {

    /** One page, latest inspection first; of the organisations given, or all when {@code everyone}. */
    @Query("""
            SELECT * FROM inspection
            WHERE tenant_id = :tenantId
              AND (:everyone OR partner_organisation_id IN (:organisations))
              AND (CAST(:afterDay AS date) IS NULL
                   OR (inspected_on, id) < (CAST(:afterDay AS date), CAST(:afterId AS uuid)))
            ORDER BY inspected_on DESC, id DESC
            LIMIT :limit""")
    List<Inspection> page(
            UUID tenantId,
            boolean everyone,
            Collection<UUID> organisations,
            @Nullable String afterDay,
            @Nullable String afterId,
            int limit);

    /** The tenant's kite marks not yet expired on {@code day}, newest report first. */
    @Query("""
            SELECT * FROM inspection
            WHERE tenant_id = :tenantId AND status = 'REPORTED' AND kite_mark_awarded
              AND kite_mark_expires_on > :day
            ORDER BY reported_on DESC, id DESC""")
    List<Inspection> kiteMarks(UUID tenantId, LocalDate day);
}
