package uk.trustplatform.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The councils each tenant covers. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Councils extends CrudRepository<Council, UUID> {

    List<Council> findByTenantIdInOrderByGssCode(Collection<UUID> tenantIds);
}
