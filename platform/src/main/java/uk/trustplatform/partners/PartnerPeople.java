package uk.trustplatform.partners;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The people of a tenant's partner organisations; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PartnerPeople extends CrudRepository<PartnerPerson, UUID> {

    List<PartnerPerson> findByIdIn(Collection<UUID> ids);

    List<PartnerPerson> findByPartnerOrganisationIdInOrderByName(Collection<UUID> organisations);
}
