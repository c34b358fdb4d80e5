package uk.trustplatform.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The platform's tenants. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Tenants extends CrudRepository<Tenant, UUID> {

    Optional<Tenant> findBySlug(String slug);

    List<Tenant> findByStatus(TenantStatus status);

    List<Tenant> findByIdIn(Collection<UUID> ids);

    /** Whether another tenant (any slug but this one) already has this name, in any case. */
    @Query("SELECT EXISTS (SELECT 1 FROM tenant WHERE lower(name) = lower(:name) AND slug <> :slug)")
    boolean nameTaken(String name, String slug);
}
