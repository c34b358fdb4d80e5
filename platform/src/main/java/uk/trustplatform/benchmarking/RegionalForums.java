package uk.trustplatform.benchmarking;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The platform's regional forums: anyone's transaction may read them, only platform-level work write them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RegionalForums extends CrudRepository<RegionalForum, UUID> {

    Optional<RegionalForum> findBySlug(String slug);

    List<RegionalForum> findByIdInOrderByName(Collection<UUID> ids);

    List<RegionalForum> findAllOrderByName();
}
