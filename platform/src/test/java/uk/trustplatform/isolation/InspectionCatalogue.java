package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.testing.TestCalendar;

/** The operations on young inspectors' inspections, as the isolation suite and the permission matrix drive them. */
final class InspectionCatalogue {

    private InspectionCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.inspections",
                        world -> new Request(
                                "{ inspections { edges { cursor node { id version status serviceName inspectedOn findings"
                                        + " kiteMarkAwarded reportedOn kiteMarkExpiresOn kiteMarkExpired recordedAt"
                                        + " partnerOrganisation { id name }"
                                        + " inspectors { name ageBand } answers { question questionText answer }"
                                        + " recommendations { number text response respondedOn } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " found the ramp"),
                        MEMBERS),
                new Operation(
                        "Query.publicKiteMarks",
                        world -> new Request(
                                "query ($s: String!) { publicKiteMarks(tenantSlug: $s) { agencyName serviceName awardedOn"
                                        + " expiresOn } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text()
                                .contains("Youth club in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "saveInspection",
                        "SaveInspectionInput",
                        "inspection",
                        world -> Map.of(
                                "id",
                                world.inspections().agencyDraft(),
                                "version",
                                world.versionOf(
                                        "inspection", world.inspections().agencyDraft()),
                                "inspectedOn",
                                "2026-02-02",
                                "findings",
                                world.agencyMarker() + " found the ramp blocked by bikes."),
                        ADMINS_AND_LEAD),
                save(
                        "reportInspection",
                        "ReportInspectionInput",
                        "inspection",
                        // Withheld: an awarded kite mark would publish the agency's name, marker and all.
                        world -> Map.of(
                                "id",
                                world.inspections().agencyDraft(),
                                "version",
                                world.versionOf(
                                        "inspection", world.inspections().agencyDraft()),
                                "kiteMarkAwarded",
                                false),
                        ADMINS_AND_LEAD),
                save(
                        "respondToRecommendation",
                        "RespondToRecommendationInput",
                        "inspection",
                        world -> Map.of(
                                "id",
                                world.inspections().agencyReported(),
                                "version",
                                world.versionOf(
                                        "inspection", world.inspections().agencyReported()),
                                "number",
                                1,
                                "response",
                                "The times are on the door now.",
                                "respondedOn",
                                TestCalendar.today().toString()),
                        ADMINS_AND_LEAD));
    }
}
