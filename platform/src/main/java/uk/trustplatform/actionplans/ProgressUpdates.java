package uk.trustplatform.actionplans;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Progress recorded on actions; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProgressUpdates extends CrudRepository<ProgressUpdate, UUID> {

    @Query("SELECT * FROM action_progress_update WHERE tenant_id = :tenantId AND action_id IN (:actions)"
            + " ORDER BY update_date DESC, recorded_at DESC")
    List<ProgressUpdate> ofActions(UUID tenantId, Collection<UUID> actions);
}
