package uk.trustplatform.tenancy;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;

/**
 * A platform operator opens a tenant, suspends it (sign-ins and tokens refused, data kept),
 * reinstates it, or archives it (closed for good, data kept).
 */
@Singleton
final class ChangingTenantStatus {

    private static final Map<TenantStatus, Set<TenantStatus>> ALLOWED = Map.of(
            TenantStatus.ONBOARDING, Set.of(TenantStatus.ACTIVE, TenantStatus.ARCHIVED),
            TenantStatus.ACTIVE, Set.of(TenantStatus.SUSPENDED, TenantStatus.ARCHIVED),
            TenantStatus.SUSPENDED, Set.of(TenantStatus.ACTIVE, TenantStatus.ARCHIVED),
            TenantStatus.ARCHIVED, Set.of());

    /** The tenant as it now is, or why nothing changed. */
    record Outcome(@Nullable Tenant tenant, List<UserError> userErrors) {

        static Outcome refused(UserError problem) {
            return new Outcome(null, List.of(problem));
        }

        static Outcome now(Tenant tenant) {
            return new Outcome(tenant, List.of());
        }
    }

    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final TenantIdentities identities;
    private final AuditTrail audit;

    ChangingTenantStatus(
            Tenants tenants, TenantTransactions transactions, TenantIdentities identities, AuditTrail audit) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.identities = identities;
        this.audit = audit;
    }

    Outcome change(Caller caller, String slug, TenantStatus wanted) {
        if (!caller.has(Role.PLATFORM_OPERATOR)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a platform operator may change a tenant's status.");
        }
        Tenant current = tenants.findBySlug(slug).orElse(null);
        if (current == null) {
            return Outcome.refused(UserError.of(Code.NOT_FOUND, "There is no tenant '" + slug + "'.", "input", "slug"));
        }
        if (current.status() == wanted) {
            return Outcome.now(current);
        }
        if (!ALLOWED.getOrDefault(current.status(), Set.of()).contains(wanted)) {
            return Outcome.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    "A tenant that is " + current.status() + " cannot become " + wanted + ".",
                    "input",
                    "status"));
        }
        Tenant changed = transactions.inTenant(current.id(), true, () -> {
            Tenant saved = tenants.update(new Tenant(
                    current.id(),
                    current.slug(),
                    current.name(),
                    current.kind(),
                    current.region(),
                    wanted,
                    current.version()));
            audit.record(current.id(), "Tenant.statusChanged", Tenant.TYPE, current.id(), current, saved);
            identities.setEnabled(slug, saved.admitsMembers());
            return saved;
        });
        return Outcome.now(changed);
    }
}
