package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.World.Persona.BOARD_MEMBER;
import static uk.trustplatform.isolation.World.Persona.PARTNER_LEAD;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on the audit trail, as the isolation suite and the permission matrix drive them. */
final class AuditTrailCatalogue {

    private AuditTrailCatalogue() {}

    static List<Operation> all() {
        return List.of(new Operation(
                "Query.auditTrail",
                world -> new Request(
                        "query ($id: ID) { auditTrail(first: 50, objectId: $id) { edges { node { by action"
                                + " object { id kind } changes { field before after } } }"
                                + " pageInfo { hasNextPage endCursor } } }",
                        Map.of("id", world.agencyId())),
                (reply, world) -> reply.text().contains(world.agencyMarker()),
                EnumSet.of(PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER, PARTNER_LEAD)));
    }
}
