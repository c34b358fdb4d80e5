package uk.trustplatform.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A tenant's self-assessments; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SelfAssessments extends CrudRepository<SelfAssessment, UUID> {

    boolean existsByPartnerOrganisationIdAndYearAndFramework(UUID organisation, int year, String framework);

    List<SelfAssessment> findByYearAndFramework(int year, String framework);

    List<SelfAssessment> findByIdIn(Collection<UUID> ids);

    /** One page, newest year first; of one year when given; of the organisations given, or all when {@code everyone}. */
    @Query("""
            SELECT * FROM self_assessment
            WHERE tenant_id = :tenantId
              AND (:everyone OR partner_organisation_id IN (:organisations))
              AND (CAST(:year AS integer) IS NULL OR year = :year)
              AND (CAST(:afterYear AS integer) IS NULL
                   OR year < :afterYear OR (year = :afterYear AND id > CAST(:afterId AS uuid)))
            ORDER BY year DESC, id
            LIMIT :limit""")
    List<SelfAssessment> page(
            UUID tenantId,
            boolean everyone,
            Collection<UUID> organisations,
            @Nullable Integer year,
            @Nullable Integer afterYear,
            @Nullable String afterId,
            int limit);
}
