package uk.trustplatform.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The ratings of a tenant's self-assessments; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SelfAssessmentRatings extends CrudRepository<SelfAssessmentRating, UUID> {

    @Query("""
            SELECT * FROM self_assessment_rating WHERE tenant_id = :tenantId AND assessment_id IN (:assessments)
            ORDER BY assessment_id, position""")
    List<SelfAssessmentRating> ofAssessments(UUID tenantId, Collection<UUID> assessments);

    List<SelfAssessmentRating> findByIdIn(Collection<UUID> ids);
}
