package uk.trustplatform.identity;

import static uk.trustplatform.identity.KeycloakSteps.expectSuccess;
import static uk.trustplatform.identity.KeycloakSteps.step;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.tenancy.TenantIdentities.IdentityStepFailed;

/**
 * A platform operator, or the tenant's own admin, links a council's own identity provider (an
 * OpenID Connect provider such as Microsoft Entra ID) to the tenant's Keycloak organization, for
 * one of its email domains. The admin may do it because the domains are the operator's to give (the
 * tenant's definition names them): an admin can send only the tenant's own people elsewhere.
 */
@Singleton
final class LinkingIdentityProvider {

    /** Where Keycloak keeps the email domain a provider is linked for. */
    private static final String DOMAIN = "kc.org.domain";

    /** What the refusals call each field, in the words of the provider's own settings. */
    private static final Map<String, String> WORDS = Map.of(
            "displayName", "name the sign-in page shows",
            "clientId", "client id",
            "clientSecret", "client secret",
            "emailDomain", "email domain",
            "issuer", "issuer",
            "authorizationUrl", "authorization endpoint",
            "tokenUrl", "token endpoint");

    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{2,39}");

    /** The link as made, or why not. */
    record Linked(@Nullable String alias, List<UserError> userErrors) {

        static Linked refused(UserError problem) {
            return new Linked(null, List.of(problem));
        }
    }

    /** What the operator sent, trimmed; a field sent blank is null. */
    record Link(
            @Nullable String tenantSlug,
            @Nullable String alias,
            @Nullable String displayName,
            @Nullable String issuer,
            @Nullable String authorizationUrl,
            @Nullable String tokenUrl,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String emailDomain) {

        static Link from(InputFields input) {
            return new Link(
                    Inputs.trimmed(input.string("tenantSlug")),
                    Inputs.trimmed(input.string("alias")),
                    Inputs.trimmed(input.string("displayName")),
                    Inputs.trimmed(input.string("issuer")),
                    Inputs.trimmed(input.string("authorizationUrl")),
                    Inputs.trimmed(input.string("tokenUrl")),
                    Inputs.trimmed(input.string("clientId")),
                    Inputs.trimmed(input.string("clientSecret")),
                    Inputs.trimmed(input.string("emailDomain")));
        }
    }

    /** A provider linked to the tenant, as the admin's sign-in page lists it. */
    record ProviderLink(
            String alias, String displayName, @Nullable String emailDomain, String redirectUri) {}

    record SignIn(List<String> emailDomains, String redirectUriTemplate, List<ProviderLink> identityProviders) {}

    private final KeycloakRealm keycloak;
    private final String realmUrl;

    /** @param realmUrl the realm as people's browsers reach it: the issuer its tokens name */
    LinkingIdentityProvider(
            KeycloakRealm keycloak,
            @Value("${micronaut.security.token.jwt.claims-validators.issuer}") String realmUrl) {
        this.keycloak = keycloak;
        this.realmUrl = realmUrl.replaceAll("/+$", "");
    }

    Linked link(Caller caller, Link link) {
        boolean ownAdmin = caller.administersTenant() && Objects.equals(link.tenantSlug(), caller.tenantSlug());
        if (!caller.has(Role.PLATFORM_OPERATOR) && !ownAdmin) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a platform operator, or the tenant's own admin, may link identity providers.");
        }
        List<UserError> problems = problems(link);
        if (!problems.isEmpty()) {
            return new Linked(null, problems);
        }
        RealmResource realm = keycloak.realm();
        String tenantSlug = link.tenantSlug();
        Optional<OrganizationRepresentation> organisation = tenantSlug == null
                ? Optional.empty()
                : step("find organization", () -> keycloak.organisation(tenantSlug));
        if (organisation.isEmpty()) {
            return Linked.refused(UserError.of(
                    Code.NOT_FOUND,
                    "There is no tenant '" + Objects.toString(link.tenantSlug(), "") + "'.",
                    "input",
                    "tenantSlug"));
        }
        String emailDomain =
                Objects.requireNonNull(link.emailDomain(), "a link without an email domain is refused above");
        boolean ownDomain = organisation.get().getDomains() != null
                && organisation.get().getDomains().stream()
                        .map(OrganizationDomainRepresentation::getName)
                        .anyMatch(emailDomain::equals);
        if (!ownDomain) {
            return Linked.refused(UserError.of(
                    Code.NOT_ALLOWED,
                    link.emailDomain() + " is not one of the tenant's email domains (emailDomains in its tenant.yaml).",
                    "input",
                    "emailDomain"));
        }
        boolean aliasTaken = step(
                        "find identity providers",
                        () -> realm.identityProviders().findAll())
                .stream()
                .anyMatch(provider -> provider.getAlias().equals(link.alias()));
        if (aliasTaken) {
            return Linked.refused(UserError.of(
                    Code.CONFLICT,
                    "An identity provider is already linked as " + link.alias() + ": choose another alias.",
                    "input",
                    "alias"));
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

    /** Everything wrong with the link as sent, each against its field; empty when it can be tried. */
    private static List<UserError> problems(Link link) {
        List<UserError> problems = new ArrayList<>();
        if (link.alias() == null || !ALIAS.matcher(link.alias()).matches()) {
            problems.add(UserError.of(
                    Code.INVALID_FORMAT,
                    "Use 3 to 40 lower-case letters, digits and hyphens, such as medway-entra.",
                    "input",
                    "alias"));
        }
        Map<String, String> required = new LinkedHashMap<>();
        required.put("displayName", link.displayName());
        required.put("clientId", link.clientId());
        required.put("clientSecret", link.clientSecret());
        required.put("emailDomain", link.emailDomain());
        required.forEach((field, value) -> {
            if (value == null) {
                problems.add(UserError.of(Code.REQUIRED, "Enter the " + WORDS.get(field) + ".", "input", field));
            }
        });
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("issuer", link.issuer());
        addresses.put("authorizationUrl", link.authorizationUrl());
        addresses.put("tokenUrl", link.tokenUrl());
        addresses.forEach((field, url) -> {
            if (url == null || !url.startsWith("https://") || url.length() == "https://".length()) {
                problems.add(UserError.of(
                        Code.INVALID_FORMAT,
                        "Enter the " + WORDS.get(field) + " as an https:// address.",
                        "input",
                        field));
            }
        });
        return problems;
    }

    /** How the caller's tenant signs in: its domains and its linked providers, by alias. */
    SignIn signIn(Caller caller) {
        if (!caller.administersTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may see how the tenant signs in.");
        }
        Optional<OrganizationRepresentation> organisation =
                step("find organization", () -> keycloak.organisation(caller.requireTenantSlug()));
        List<String> domains = organisation.map(OrganizationRepresentation::getDomains).stream()
                .flatMap(found -> found == null ? Stream.empty() : found.stream())
                .map(OrganizationDomainRepresentation::getName)
                .sorted()
                .toList();
        List<ProviderLink> links = organisation
                .map(found -> step(
                        "list identity providers",
                        () -> keycloak.realm()
                                .organizations()
                                .get(found.getId())
                                .identityProviders()
                                .getIdentityProviders()))
                .orElse(List.of())
                .stream()
                .map(provider -> new ProviderLink(
                        provider.getAlias(),
                        provider.getDisplayName() == null ? provider.getAlias() : provider.getDisplayName(),
                        provider.getConfig() == null
                                ? null
                                : provider.getConfig().get(DOMAIN),
                        redirectUri(provider.getAlias())))
                .sorted(Comparator.comparing(ProviderLink::alias))
                .toList();
        return new SignIn(domains, redirectUri("{alias}"), links);
    }

    /** Where Keycloak's broker takes a person back from the council's provider, as that provider must be told. */
    private String redirectUri(String alias) {
        return realmUrl + "/broker/" + alias + "/endpoint";
    }

    private static IdentityProviderRepresentation provider(Link link) {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(link.alias());
        provider.setDisplayName(link.displayName());
        provider.setProviderId("oidc");
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setConfig(Map.of(
                "issuer",
                link.issuer(),
                "authorizationUrl",
                link.authorizationUrl(),
                "tokenUrl",
                link.tokenUrl(),
                "clientId",
                link.clientId(),
                "clientSecret",
                link.clientSecret(),
                "clientAuthMethod",
                "client_secret_post",
                "defaultScope",
                "openid email profile",
                "syncMode",
                "IMPORT",
                DOMAIN,
                link.emailDomain(),
                "kc.org.broker.redirect.mode.email-matches",
                "true"));
        return provider;
    }
}
