package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS;
import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.ORGANISATION_FIELDS;
import static uk.trustplatform.isolation.OperationCatalogue.WHOLE_TENANT;
import static uk.trustplatform.isolation.OperationCatalogue.save;
import static uk.trustplatform.isolation.World.Persona.PARTNER_LEAD;
import static uk.trustplatform.isolation.World.Persona.PLATFORM_OPERATOR;
import static uk.trustplatform.isolation.World.Persona.TENANT_ADMIN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on partner organisations, their people and governance bodies, as the isolation suite and the permission matrix drive them. */
final class PartnerCatalogue {

    private PartnerCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.partnerOrganisations",
                        world -> new Request(
                                "{ partnerOrganisations(first: 50) { edges { cursor node { " + ORGANISATION_FIELDS
                                        + " } } pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "Query.node",
                        world -> new Request(
                                "query ($id: ID!) { node(id: $id) { id ... on PartnerOrganisation { "
                                        + ORGANISATION_FIELDS + " } } }",
                                Map.of("id", world.agencyId())),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        MEMBERS),
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
                        ADMINS_AND_LEAD),
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
                        "Query.governanceBodies",
                        world -> new Request(
                                "{ governanceBodies { edges { node { id name type version parent { id }"
                                        + " memberships { id role partnerOrganisation { id name } person { id name email } } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.marker() + " Board"),
                        MEMBERS),
                new Operation(
                        "Query.partnerGaps",
                        world -> new Request(
                                "{ partnerGaps { minimumParticipationChampions withoutStrategicLead { id name }"
                                        + " tooFewChampions { champions partnerOrganisation { id name } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker()),
                        WHOLE_TENANT),
                save(
                        "savePartnerPerson",
                        "SavePartnerPersonInput",
                        "partnerPerson",
                        world -> Map.of(
                                "id",
                                world.hierarchy().person(),
                                "version",
                                world.versionOf(
                                        "partner_person", world.hierarchy().person()),
                                "name",
                                world.agencyMarker() + " Champion",
                                "email",
                                "champion-" + world.marker().toLowerCase() + "@agency.example",
                                "roles",
                                List.of("PARTICIPATION_CHAMPION", "STRATEGIC_LEAD")),
                        ADMINS_AND_LEAD),
                save(
                        "removePartnerPerson",
                        "RemovePartnerPersonInput",
                        "removedId",
                        world -> {
                            String person = world.freshPerson();
                            return Map.of("id", person, "version", world.versionOf("partner_person", person));
                        },
                        ADMINS_AND_LEAD),
                save(
                        "invitePartnerLead",
                        "InvitePartnerLeadInput",
                        "username",
                        world -> Map.of("personId", world.hierarchy().person()),
                        ADMINS),
                save(
                        "saveGovernanceBody",
                        "SaveGovernanceBodyInput",
                        "governanceBody",
                        world -> Map.of(
                                "id",
                                world.hierarchy().board(),
                                "version",
                                world.versionOf(
                                        "governance_body", world.hierarchy().board()),
                                "name",
                                world.marker() + " Board",
                                "type",
                                "board"),
                        ADMINS),
                save(
                        "addGovernanceMembership",
                        "AddGovernanceMembershipInput",
                        "governanceBody",
                        world -> Map.of(
                                "governanceBodyId",
                                world.hierarchy().board(),
                                "partnerOrganisationId",
                                world.serviceId(),
                                "role",
                                "Observer"),
                        ADMINS),
                save(
                        "removeGovernanceMembership",
                        "RemoveGovernanceMembershipInput",
                        "governanceBody",
                        world -> Map.of("id", world.freshMembership()),
                        ADMINS));
    }
}
