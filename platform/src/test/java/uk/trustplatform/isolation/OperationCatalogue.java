package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.World.Persona.BOARD_MEMBER;
import static uk.trustplatform.isolation.World.Persona.PARTNER_INTEGRATION;
import static uk.trustplatform.isolation.World.Persona.PARTNER_LEAD;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;

/**
 * Every query and mutation of schema.graphqls, with how to aim it at a world's data and who may.
 * A new operation in the schema fails {@link SchemaCoverageTest} until it is described here, and
 * from then on runs in the isolation suite and the permission matrix.
 */
final class OperationCatalogue {

    private static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);
    private static final Set<Persona> READERS_OF_THE_AGENCY =
            EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER, PARTNER_LEAD, PARTNER_INTEGRATION);
    private static final String ORGANISATION_FIELDS = "id name organisationIdentifier version parent { id name }";

    private OperationCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.tenant",
                        world -> new Request(
                                "query ($slug: String!) { tenant(slug: $slug) { id slug name status councils { gssCode } } }",
                                Map.of("slug", world.tenant().slug())),
                        (reply, world) -> reply.data()
                                .path("tenant")
                                .path("slug")
                                .asText()
                                .equals(world.tenant().slug()),
                        EVERYONE),
                new Operation(
                        "Query.viewer",
                        world -> new Request(
                                "{ viewer { authenticated subject roles tenant { slug } partnerOrganisation { "
                                        + ORGANISATION_FIELDS + " } } }",
                                Map.of()),
                        (reply, world) -> reply.data().path("viewer").has("roles"),
                        EVERYONE),
                new Operation(
                        "Query.partnerOrganisations",
                        world -> new Request(
                                "{ partnerOrganisations(first: 50) { edges { cursor node { " + ORGANISATION_FIELDS
                                        + " } } pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        READERS_OF_THE_AGENCY),
                new Operation(
                        "Query.node",
                        world -> new Request(
                                "query ($id: ID!) { node(id: $id) { id ... on PartnerOrganisation { "
                                        + ORGANISATION_FIELDS + " } } }",
                                Map.of("id", world.agencyId())),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        READERS_OF_THE_AGENCY),
                new Operation(
                        "Mutation.registerPartnerOrganisation",
                        world -> new Request(
                                "mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input)"
                                        + " { partnerOrganisation { " + ORGANISATION_FIELDS
                                        + " } userErrors { field message code } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "name",
                                                "Registered " + System.nanoTime(),
                                                "parentId",
                                                world.agencyId()))),
                        (reply, world) -> reply.data()
                                .path("registerPartnerOrganisation")
                                .path("partnerOrganisation")
                                .has("id"),
                        EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN)),
                new Operation(
                        "Mutation.updatePartnerOrganisation",
                        world -> new Request(
                                "mutation ($input: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $input)"
                                        + " { partnerOrganisation { " + ORGANISATION_FIELDS
                                        + " } userErrors { field message code } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "id",
                                                world.agencyId(),
                                                "version",
                                                world.versionOf(world.agency()),
                                                "name",
                                                world.agencyMarker() + " Youth Offending Service " + System.nanoTime(),
                                                "parentId",
                                                ""))),
                        (reply, world) -> reply.data()
                                .path("updatePartnerOrganisation")
                                .path("partnerOrganisation")
                                .has("id"),
                        EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, PARTNER_LEAD)),
                new Operation(
                        "Mutation.onboardTenant",
                        world -> new Request(
                                "mutation ($definition: String!) { onboardTenant(definition: $definition) { tenant { slug }"
                                        + " created changes userErrors { field message } } }",
                                Map.of("definition", world.definition())),
                        (reply, world) -> reply.data()
                                .path("onboardTenant")
                                .path("tenant")
                                .path("slug")
                                .asText()
                                .equals(world.tenant().slug()),
                        EnumSet.of(PLATFORM_OPERATOR)),
                new Operation(
                        "Mutation.setTenantStatus",
                        world -> new Request(
                                "mutation ($input: SetTenantStatusInput!) { setTenantStatus(input: $input)"
                                        + " { tenant { slug status } userErrors { message } } }",
                                Map.of("input", Map.of("slug", world.tenant().slug(), "status", "ACTIVE"))),
                        (reply, world) -> reply.data()
                                .path("setTenantStatus")
                                .path("tenant")
                                .path("status")
                                .asText()
                                .equals("ACTIVE"),
                        EnumSet.of(PLATFORM_OPERATOR)),
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
                        EnumSet.of(PLATFORM_OPERATOR)),
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
