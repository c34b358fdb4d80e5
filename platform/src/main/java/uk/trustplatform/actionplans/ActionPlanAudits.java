package uk.trustplatform.actionplans;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The audits of a tenant's plans; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionPlanAudits extends CrudRepository<ActionPlanAudit, UUID> {

    List<ActionPlanAudit> findByActionPlanIdInOrderByAuditedOnDesc(Collection<UUID> plans);
}
