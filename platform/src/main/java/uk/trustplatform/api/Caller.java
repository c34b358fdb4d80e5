package uk.trustplatform.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, resolved once per request from the validated token: never from a header alone.
 *
 * @param subject the token's subject; null when anonymous
 * @param roles the platform roles the token carries
 * @param tenantId the tenant this request acts in; null when it acts in none
 * @param tenantSlug that tenant's slug
 * @param partnerOrganisationId the partner organisation a partner lead or integration is bound to
 * @param operatorNamedTenant true when a platform operator reaches into a tenant by naming it (audited)
 * @param regionalForum the slug of the regional forum a forum analyst reads; null for others
 * @param name how the caller's sign-in names them (a person's name, or a partner system's client);
 *     null when anonymous
 */
public record Caller(
        @Nullable String subject,
        Set<Role> roles,
        @Nullable UUID tenantId,
        @Nullable String tenantSlug,
        @Nullable UUID partnerOrganisationId,
        boolean operatorNamedTenant,
        @Nullable String regionalForum,
        @Nullable String name) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller anonymous() {
        return new Caller(null, Set.of(), null, null, null, false, null, null);
    }

    public boolean authenticated() {
        return subject != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean inTenant() {
        return tenantId != null;
    }

    /** Reads everything in its tenant: a tenant admin, a board member, or an operator who named the tenant. */
    public boolean seesWholeTenant() {
        return inTenant() && (has(Role.TENANT_ADMIN) || has(Role.BOARD_MEMBER) || operatorNamedTenant);
    }

    /** Administers its tenant: a tenant admin, or an operator who named the tenant. */
    public boolean administersTenant() {
        return inTenant() && (has(Role.TENANT_ADMIN) || operatorNamedTenant);
    }

    /** A partner lead or integration of this organisation, in this request's tenant. */
    public boolean speaksFor(UUID partnerOrganisation) {
        return inTenant()
                && partnerOrganisationId != null
                && partnerOrganisationId.equals(partnerOrganisation)
                && (has(Role.PARTNER_LEAD) || has(Role.PARTNER_INTEGRATION));
    }

    /** A forum analyst of this forum (by slug). */
    public boolean analyses(String forum) {
        return has(Role.FORUM_ANALYST) && regionalForum != null && regionalForum.equals(forum);
    }

    /** The tenant to act in, or the error that says why there is none. */
    public UUID requireTenant() {
        if (tenantId != null) {
            return tenantId;
        }
        if (!authenticated()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in: this needs a tenant member's token.");
        }
        throw new ApiException(
                ErrorCode.FORBIDDEN,
                "This request acts in no tenant. A member of several tenants names one with the X-Trust-Tenant header;"
                        + " a platform operator names the tenant to reach.");
    }

    /** The slug of the tenant to act in (a caller in a tenant always has one), or {@link #requireTenant}'s error. */
    public String requireTenantSlug() {
        requireTenant();
        return Objects.requireNonNull(tenantSlug, "a caller in a tenant names it by its slug");
    }
}
