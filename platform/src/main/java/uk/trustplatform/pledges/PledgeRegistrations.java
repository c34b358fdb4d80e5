package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's pledge register; every query is also filtered by the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PledgeRegistrations extends CrudRepository<PledgeRegistration, UUID> {

    List<PledgeRegistration> findByIdIn(Collection<UUID> ids);

    Optional<PledgeRegistration> findByBadgeCode(String code);

    /** Every organisation's registrations, newest first; the first of each is its latest. */
    @Query(
            "SELECT * FROM pledge_registration WHERE tenant_id = :tenantId AND partner_organisation_id IN (:organisations)"
                    + " ORDER BY invited_at DESC")
    List<PledgeRegistration> ofOrganisations(UUID tenantId, Collection<UUID> organisations);

    /** One page, newest invitation first; of the organisations given, or all when {@code everyone}. */
    @Query("""
            SELECT * FROM pledge_registration
            WHERE tenant_id = :tenantId
              AND (:everyone OR partner_organisation_id IN (:organisations))
              AND (CAST(:afterInvited AS timestamptz) IS NULL
                   OR (invited_at, id) < (CAST(:afterInvited AS timestamptz), CAST(:afterId AS uuid)))
            ORDER BY invited_at DESC, id DESC
            LIMIT :limit""")
    List<PledgeRegistration> page(
            UUID tenantId,
            boolean everyone,
            Collection<UUID> organisations,
            @Nullable String afterInvited,
            @Nullable String afterId,
            int limit);

    /** Registered pledges not yet lapsed whose renewal date falls on or before {@code by}, soonest first. */
    @Query("""
            SELECT * FROM pledge_registration
            WHERE tenant_id = :tenantId AND status IN ('REGISTERED', 'RENEWAL_DUE')
              AND renewal_due_on >= :today AND renewal_due_on <= :by
            ORDER BY renewal_due_on, id""")
    List<PledgeRegistration> renewalsBy(UUID tenantId, LocalDate today, LocalDate by);

    /** The register as the public sees it: current pledges, by registration date. */
    @Query("""
            SELECT * FROM pledge_registration
            WHERE tenant_id = :tenantId AND status IN ('REGISTERED', 'RENEWAL_DUE') AND renewal_due_on >= :today
            ORDER BY registered_on, id""")
    List<PledgeRegistration> current(UUID tenantId, LocalDate today);
}
