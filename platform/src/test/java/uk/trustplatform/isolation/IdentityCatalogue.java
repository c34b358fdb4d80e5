package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.ORGANISATION_FIELDS;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on who is calling, partner systems and how the tenant signs in, as the isolation suite and the permission matrix drive them. */
final class IdentityCatalogue {

    private IdentityCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.viewer",
                        world -> new Request(
                                "{ viewer { authenticated subject roles tenant { slug } partnerOrganisation { "
                                        + ORGANISATION_FIELDS + " } } }",
                                Map.of()),
                        (reply, world) -> reply.data().path("viewer").has("roles"),
                        EVERYONE),
                new Operation(
                        "Mutation.linkIdentityProvider",
                        world -> new Request(
                                "mutation ($input: LinkIdentityProviderInput!) { linkIdentityProvider(input: $input)"
                                        + " { alias userErrors { field message } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "tenantSlug", world.tenant().slug(),
                                                "alias", "idp-" + Long.toString(System.nanoTime(), 36),
                                                "displayName", "Council staff",
                                                "issuer",
                                                        "https://idp.example/"
                                                                + world.tenant().slug(),
                                                "authorizationUrl", "https://idp.example/authorize",
                                                "tokenUrl", "https://idp.example/token",
                                                "clientId", "trust-platform",
                                                "clientSecret", "secret",
                                                "emailDomain", world.tenant().slug() + ".example"))),
                        (reply, world) -> reply.data()
                                .path("linkIdentityProvider")
                                .path("alias")
                                .isTextual(),
                        ADMINS),
                new Operation(
                        "Query.tenantSignIn",
                        world -> new Request(
                                "{ tenantSignIn { emailDomains redirectUriTemplate"
                                        + " identityProviders { alias displayName emailDomain redirectUri } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.marker()),
                        ADMINS),
                new Operation(
                        "Query.partnerIntegrations",
                        world -> new Request(
                                "{ partnerIntegrations { clientId name registeredAt partnerOrganisation { id name } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        ADMINS),
                new Operation(
                        "Mutation.withdrawPartnerIntegration",
                        world -> new Request(
                                "mutation ($input: WithdrawPartnerIntegrationInput!) {"
                                        + " withdrawPartnerIntegration(input: $input) { clientId userErrors { field message } } }",
                                Map.of("input", Map.of("clientId", world.freshIntegration()))),
                        (reply, world) -> reply.data()
                                .path("withdrawPartnerIntegration")
                                .path("clientId")
                                .isTextual(),
                        ADMINS),
                new Operation(
                        "Mutation.registerPartnerIntegration",
                        world -> new Request(
                                "mutation ($input: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $input)"
                                        + " { clientId tokenUrl userErrors { field message } } }",
                                Map.of(
                                        "input",
                                        Map.of("partnerOrganisationId", world.agencyId(), "name", "Case system"))),
                        (reply, world) -> reply.data()
                                .path("registerPartnerIntegration")
                                .path("clientId")
                                .isTextual(),
                        EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN)));
    }
}
