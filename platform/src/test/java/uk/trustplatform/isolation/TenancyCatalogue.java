package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on partnerships on the platform and onboarding, as the isolation suite and the permission matrix drive them. */
final class TenancyCatalogue {

    private TenancyCatalogue() {}

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
                        "Query.partnerships",
                        world -> new Request(
                                "{ partnerships { id slug name kind region councils { gssCode } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.tenant().slug()),
                        EVERYONE),
                new Operation(
                        "Query.tenants",
                        world -> new Request(
                                "{ tenants { id slug name kind region status councils { gssCode } } }", Map.of()),
                        (reply, world) -> reply.text().contains(world.tenant().slug()),
                        EnumSet.of(PLATFORM_OPERATOR)),
                new Operation(
                        "Mutation.onboardTenant",
                        world -> new Request(
                                "mutation ($definition: String!) { onboardTenant(input: { definition: $definition }) { tenant { slug }"
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
                        EnumSet.of(PLATFORM_OPERATOR)));
    }
}
