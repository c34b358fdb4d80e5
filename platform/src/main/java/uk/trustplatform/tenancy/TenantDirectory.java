package uk.trustplatform.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.Role;

/**
 * The platform's register of tenants. Anyone may look a tenant up, but a tenant that is not
 * active is shown only to its own members and to platform operators.
 */
@Singleton
public final class TenantDirectory implements NodeResolver {

    private final Tenants tenants;

    /**
     * The ids of the tenants found by slug. A tenant's slug and id never change and no tenant is
     * removed, so a slug once found means the same tenant for good; its status does change, and
     * {@link TenantTransactions} reads it with each request's binding instead. Only tenants that
     * exist are kept, so the cache grows no larger than the register.
     */
    private final Cache<String, UUID> idsBySlug = Caffeine.newBuilder().build();

    TenantDirectory(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The tenant with this slug, whatever its status: for deciding who may act in it. */
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    /**
     * The id of the tenant with this slug, whatever its status, read from the register only the
     * first time: for naming the tenant a request acts in, whose status its transaction checks.
     */
    public Optional<UUID> idBySlug(String slug) {
        UUID known = idsBySlug.getIfPresent(slug);
        if (known != null) {
            return Optional.of(known);
        }
        // A slug not found is not kept: a tenant onboarded later is found.
        Optional<UUID> found = findBySlug(slug).map(Tenant::id);
        found.ifPresent(id -> idsBySlug.put(slug, id));
        return found;
    }

    /** The tenant with this slug if it is active: what it publishes, anyone may read. */
    public Optional<Tenant> activeBySlug(String slug) {
        return Optional.ofNullable(slug)
                .flatMap(this::findBySlug)
                .filter(tenant -> tenant.status() == TenantStatus.ACTIVE);
    }

    /** Tenants by id, whatever their status: for naming the members of a regional forum. */
    public Map<UUID, Tenant> byIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : tenants.findByIdIn(ids).stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
    }

    /** The active tenants, by name: the partnerships anyone may see. */
    public List<Tenant> active() {
        return tenants.findByStatus(TenantStatus.ACTIVE).stream()
                .sorted(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Every tenant whatever its status, by name: the platform operator's list. */
    public List<Tenant> all(Caller caller) {
        if (!caller.has(Role.PLATFORM_OPERATOR)) {
            throw new ApiException(
                    caller.authenticated() ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED,
                    "Only a platform operator lists every tenant.");
        }
        return tenants.findAll().stream()
                .sorted(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The ids of the active tenants, for platform jobs that visit each in turn. */
    public List<UUID> activeTenantIds() {
        return active().stream().map(Tenant::id).toList();
    }

    /** The tenant with this slug if the caller may see it. */
    public Optional<Tenant> visibleBySlug(String slug, Caller caller) {
        return tenants.findBySlug(slug).filter(tenant -> visible(tenant, caller));
    }

    @Override
    public Set<String> types() {
        return Set.of(Tenant.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return tenants.findById(id).filter(tenant -> visible(tenant, caller)).orElse(null);
    }

    private static boolean visible(Tenant tenant, Caller caller) {
        return tenant.status() == TenantStatus.ACTIVE
                || tenant.id().equals(caller.tenantId())
                || caller.has(Role.PLATFORM_OPERATOR);
    }
}
