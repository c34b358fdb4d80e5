package uk.trustplatform.partners;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Who sits on the tenant's governance bodies; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface GovernanceMemberships extends CrudRepository<GovernanceMembership, UUID> {

    List<GovernanceMembership> findByGovernanceBodyIdIn(Collection<UUID> bodies);

    boolean existsByGovernanceBodyIdAndPartnerOrganisationIdAndPartnerPersonId(
            UUID body, UUID organisation, UUID person);

    boolean existsByGovernanceBodyIdAndPartnerOrganisationIdAndPartnerPersonIdIsNull(UUID body, UUID organisation);
}
