package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on participation activities and their summary, as the isolation suite and the permission matrix drive them. */
final class ParticipationCatalogue {

    private ParticipationCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.participationActivities",
                        world -> new Request(
                                "{ participationActivities { edges { cursor node { id title version stage audienceGroups"
                                        + " decisionStage decisionDueOn feedbackDueAfterDecision"
                                        + " quietPeriods { name firstDay lastDay }"
                                        + " partnerOrganisation { id name } feedback { youSaid givenOn } } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young carers"),
                        MEMBERS),
                new Operation(
                        "Query.participationCalendar",
                        world -> new Request(
                                "{ participationCalendar(from: \"2026-03-01\", to: \"2026-03-31\") {"
                                        + " quietPeriods { name firstDay lastDay }"
                                        + " activities { activityId title partnerOrganisationName startsOn audienceGroups"
                                        + " quietPeriods { name } }"
                                        + " clashes { audience activities { title } } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " Young carers"),
                        MEMBERS),
                new Operation(
                        "Query.participationSummary",
                        world -> new Request(
                                "{ participationSummary(from: \"2026-01-01\", to: \"2026-12-31\") { activities participants"
                                        + " ended feedbackGiven byLadderRung { rung activities } } }",
                                Map.of()),
                        (reply, world) -> reply.data()
                                        .path("participationSummary")
                                        .path("activities")
                                        .asInt()
                                > 0,
                        MEMBERS),
                new Operation(
                        "Query.youSaidWeDid",
                        world -> new Request(
                                "query ($s: String!) { youSaidWeDid(tenantSlug: $s) { agencyName title purpose"
                                        + " ageBands audienceGroups startsOn endsOn youSaid weDid givenOn } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text()
                                .contains("The club in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "saveParticipationActivity",
                        "SaveParticipationActivityInput",
                        "participationActivity",
                        world -> Map.of(
                                "id",
                                world.agencyActivity(),
                                "version",
                                world.versionOf("participation_activity", world.agencyActivity()),
                                "title",
                                world.agencyMarker() + " Young carers' survey",
                                "purpose",
                                "To hear what young carers need, and when.",
                                "startsOn",
                                "2026-03-01",
                                "audienceGroups",
                                List.of("young-carers"),
                                "decisionStage",
                                "PLAN",
                                "decisionDueOn",
                                "2026-04-15"),
                        ADMINS_AND_LEAD),
                save(
                        "recordParticipationFeedback",
                        "RecordParticipationFeedbackInput",
                        "participationActivity",
                        world -> Map.of(
                                "id",
                                world.agencyActivity(),
                                "version",
                                world.versionOf("participation_activity", world.agencyActivity()),
                                "youSaid",
                                "Meet after school.",
                                "weDid",
                                "Moved the group to 4pm.",
                                "givenOn",
                                "2026-04-01"),
                        ADMINS_AND_LEAD));
    }
}
