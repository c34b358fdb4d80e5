package uk.trustplatform.tenancy;

import io.micronaut.data.runtime.multitenancy.TenantResolver;
import jakarta.inject.Singleton;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tenant the current work acts for, bound for exactly the extent of a {@link TenantTransactions}
 * call. It is the application's lock (Micronaut Data's {@code @TenantId} discriminator reads it);
 * row-level security in PostgreSQL is the other.
 */
@Singleton
public final class CurrentTenant implements TenantResolver {

    /** A scoped value, not a thread local: it cannot outlive the call that bound it. */
    static final ScopedValue<UUID> TENANT = ScopedValue.newInstance();

    public static Optional<UUID> id() {
        return TENANT.isBound() ? Optional.ofNullable(TENANT.get()) : Optional.empty();
    }

    /** Null when no tenant is bound: a query on a tenant-owned entity then matches nothing. */
    @Override
    public @Nullable Serializable resolveTenantIdentifier() {
        return id().orElse(null);
    }
}
