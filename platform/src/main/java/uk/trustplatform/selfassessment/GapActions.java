package uk.trustplatform.selfassessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The links from actions to the rated standards they answer; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface GapActions extends CrudRepository<GapAction, UUID> {

    List<GapAction> findByActionIdIn(Collection<UUID> actions);

    List<GapAction> findByRatingIdIn(Collection<UUID> ratings);
}
