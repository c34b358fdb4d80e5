package uk.trustplatform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.CallerResolution;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;

/**
 * Decides who is calling and in which tenant, from the token Micronaut Security has validated
 * (signature, issuer, audience, expiry, not-before). The tenant comes from the token's
 * {@code organization} claim; the {@value #TENANT_HEADER} header only chooses among the tenants
 * the token already names, except for a platform operator, whose naming of a tenant is audited.
 */
@Singleton
final class CallerResolver implements CallerResolution {

    static final String TENANT_HEADER = "X-Trust-Tenant";
    private final TenantDirectory directory;

    CallerResolver(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Caller resolve(HttpRequest<?> request, @Nullable Authentication authentication) {
        String named = namedTenant(request);
        if (authentication == null) {
            if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
                throw new ApiException(
                        ErrorCode.UNAUTHENTICATED,
                        "The bearer token was not accepted: it is malformed, expired, not yet valid, not signed by"
                                + " the platform's identity provider, or not issued for this API.");
            }
            if (named != null) {
                throw new ApiException(
                        ErrorCode.UNAUTHENTICATED,
                        "The " + TENANT_HEADER + " header needs a bearer token: it only chooses among the tenants"
                                + " a token grants.");
            }
            return Caller.anonymous();
        }
        // The tenant's status is read with the request's binding (TenantTransactions), in the
        // statement that starts its transaction, rather than here in one of its own.
        return resolve(authentication, named, false);
    }

    /** Checks the tenant's status here: a page shows a refused member what it shows anyone. */
    @Override
    public Caller resolve(Authentication authentication, @Nullable String named) {
        return resolve(authentication, named, true);
    }

    private Caller resolve(Authentication authentication, @Nullable String named, boolean checkStatus) {
        TokenClaims claims = TokenClaims.of(authentication);
        if (claims.roles().contains(Role.PLATFORM_OPERATOR)) {
            return operator(claims, named);
        }
        String slug = chooseTenant(claims.organisations(), named);
        String forum = forumBinding(claims);
        if (slug == null) {
            return new Caller(claims.subject(), claims.roles(), null, null, null, false, forum, claims.name());
        }
        UUID tenantId;
        if (checkStatus) {
            Tenant tenant = directory.findBySlug(slug).orElseThrow(() -> notMember(slug));
            if (!tenant.admitsMembers()) {
                throw tenant.status().refusesMembersOf(slug);
            }
            tenantId = tenant.id();
        } else {
            tenantId = directory.idBySlug(slug).orElseThrow(() -> notMember(slug));
        }
        return new Caller(
                claims.subject(), claims.roles(), tenantId, slug, partnerBinding(claims), false, forum, claims.name());
    }

    /**
     * The tenant the {@value #TENANT_HEADER} header names, or null. Sent twice or as a list, it
     * names no one tenant: refused, rather than acting in whichever value a proxy or framework
     * happens to read first.
     */
    private static @Nullable String namedTenant(HttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(TENANT_HEADER);
        if (values.size() > 1 || values.stream().anyMatch(value -> value.contains(","))) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Send the " + TENANT_HEADER + " header at most once, naming one tenant by its slug.");
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    private Caller operator(TokenClaims claims, @Nullable String named) {
        if (named == null) {
            return new Caller(claims.subject(), claims.roles(), null, null, null, false, null, claims.name());
        }
        UUID tenantId = directory
                .idBySlug(named)
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "There is no tenant '" + named + "'."));
        return new Caller(claims.subject(), claims.roles(), tenantId, named, null, true, null, claims.name());
    }

    /** The tenant to act in: the one named (if the token allows it), else the token's only one. */
    private static @Nullable String chooseTenant(List<String> memberships, @Nullable String named) {
        if (named != null) {
            if (!memberships.contains(named)) {
                throw notMember(named);
            }
            return named;
        }
        if (memberships.size() > 1) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Your token names several tenants (" + String.join(", ", memberships) + "); choose one with the "
                            + TENANT_HEADER + " header.");
        }
        return memberships.isEmpty() ? null : memberships.getFirst();
    }

    /** A partner role acts only for the organisation its token is bound to. */
    private static @Nullable UUID partnerBinding(TokenClaims claims) {
        boolean partnerRole =
                claims.roles().contains(Role.PARTNER_LEAD) || claims.roles().contains(Role.PARTNER_INTEGRATION);
        if (partnerRole && claims.partnerOrganisation().isEmpty()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "A partner lead or integration token must carry the " + TokenClaims.PARTNER_ORGANISATION
                            + " claim that binds it to its organisation.");
        }
        return claims.partnerOrganisation().orElse(null);
    }

    /** A forum analyst reads one regional forum, the one its token is bound to. */
    private static @Nullable String forumBinding(TokenClaims claims) {
        if (!claims.roles().contains(Role.FORUM_ANALYST)) {
            return null;
        }
        return claims.regionalForum()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.FORBIDDEN,
                        "A forum analyst token must carry the " + TokenClaims.REGIONAL_FORUM
                                + " claim that binds it to its forum."));
    }

    /** The same answer whether the tenant exists or not, so a token cannot probe for tenants. */
    private static ApiException notMember(String slug) {
        return new ApiException(ErrorCode.FORBIDDEN, "Your token does not make you a member of tenant '" + slug + "'.");
    }
}
