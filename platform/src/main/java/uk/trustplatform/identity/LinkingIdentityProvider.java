package uk.trustplatform.identity;

import static uk.trustplatform.identity.KeycloakSteps.expectSuccess;
import static uk.trustplatform.identity.KeycloakSteps.step;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.tenancy.TenantIdentities.IdentityStepFailed;

/**
 * A platform operator links a council's own identity provider (an OpenID Connect provider such
 * as Microsoft Entra ID) to the tenant's Keycloak organization, for one of its email domains.
 */
@Singleton
final class LinkingIdentityProvider {

    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{2,39}");

    /** The link as made, or why not. */
    record Linked(String alias, List<UserError> userErrors) {

        static Linked refused(UserError problem) {
            return new Linked(null, List.of(problem));
        }
    }

    /** What the operator sent. */
    record Link(
            String tenantSlug,
            String alias,
            String displayName,
            String issuer,
            String authorizationUrl,
            String tokenUrl,
            String clientId,
            String clientSecret,
            String emailDomain) {}

    private final KeycloakRealm keycloak;

    LinkingIdentityProvider(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    Linked link(Caller caller, Link link) {
        if (!caller.has(Role.PLATFORM_OPERATOR)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a platform operator may link identity providers.");
        }
        if (!ALIAS.matcher(link.alias()).matches()) {
            return Linked.refused(UserError.of(
                    Code.INVALID_FORMAT,
                    "Use 3 to 40 lower-case letters, digits and hyphens, such as medway-entra.",
                    "input",
                    "alias"));
        }
        for (String url : List.of(link.issuer(), link.authorizationUrl(), link.tokenUrl())) {
            if (!url.startsWith("https://")) {
                return Linked.refused(UserError.of(
                        Code.INVALID_FORMAT, "Provider addresses must be https: " + url, "input", "issuer"));
            }
        }
        RealmResource realm = keycloak.realm();
        Optional<OrganizationRepresentation> organisation =
                step("find organization", () -> keycloak.organisation(link.tenantSlug()));
        if (organisation.isEmpty()) {
            return Linked.refused(UserError.of(
                    Code.NOT_FOUND, "There is no tenant '" + link.tenantSlug() + "'.", "input", "tenantSlug"));
        }
        boolean ownDomain = organisation.get().getDomains() != null
                && organisation.get().getDomains().stream()
                        .map(OrganizationDomainRepresentation::getName)
                        .anyMatch(link.emailDomain()::equals);
        if (!ownDomain) {
            return Linked.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    link.emailDomain() + " is not one of the tenant's email domains (emailDomains in its tenant.yaml).",
                    "input",
                    "emailDomain"));
        }
        step(
                "create identity provider",
                () -> expectSuccess(
                        "create identity provider", realm.identityProviders().create(provider(link))));
        try {
            step(
                    "link identity provider to organization",
                    () -> expectSuccess(
                            "link",
                            realm.organizations()
                                    .get(organisation.get().getId())
                                    .identityProviders()
                                    .addIdentityProvider(link.alias())));
        } catch (IdentityStepFailed failed) {
            realm.identityProviders().get(link.alias()).remove();
            throw failed;
        }
        return new Linked(link.alias(), List.of());
    }

    private static IdentityProviderRepresentation provider(Link link) {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(link.alias());
        provider.setDisplayName(link.displayName());
        provider.setProviderId("oidc");
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setConfig(Map.of(
                "issuer", link.issuer(),
                "authorizationUrl", link.authorizationUrl(),
                "tokenUrl", link.tokenUrl(),
                "clientId", link.clientId(),
                "clientSecret", link.clientSecret(),
                "clientAuthMethod", "client_secret_post",
                "defaultScope", "openid email profile",
                "syncMode", "IMPORT",
                "kc.org.domain", link.emailDomain(),
                "kc.org.broker.redirect.mode.email-matches", "true"));
        return provider;
    }
}
