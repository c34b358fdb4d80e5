package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on youth forums' recommendations, as the isolation suite and the permission matrix drive them. */
final class YouthForumCatalogue {

    private YouthForumCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.youthForumRecommendations",
                        world -> new Request(
                                "{ youthForumRecommendations(state: OPEN, asOf: \"2026-12-31\") { edges { cursor node {"
                                        + " id version forum madeOn recommendation addressedTo replyDueOn"
                                        + " overdue(asOf: \"2026-12-31\") partnerOrganisation { id name }"
                                        + " recordedBy { name } reply { text repliedOn outcome reason } recordedAt } }"
                                        + " pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " recommendation"),
                        MEMBERS),
                new Operation(
                        "Query.youthForumRecommendationCounts",
                        world -> new Request(
                                "{ youthForumRecommendationCounts(asOf: \"2026-12-31\") { asOf open overdue answered } }",
                                Map.of()),
                        (reply, world) -> reply.data()
                                        .path("youthForumRecommendationCounts")
                                        .path("overdue")
                                        .asInt()
                                > 0,
                        MEMBERS),
                new Operation(
                        "Query.youthForumsSaidWeDid",
                        world -> new Request(
                                "query ($s: String!) { youthForumsSaidWeDid(tenantSlug: $s) { forum madeOn recommendation"
                                        + " addressedTo reply repliedOn outcome reason } }",
                                Map.of("s", world.tenant().slug())),
                        (reply, world) -> reply.text()
                                .contains("The buses in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "saveYouthForumRecommendation",
                        "SaveYouthForumRecommendationInput",
                        "youthForumRecommendation",
                        world -> Map.of(
                                "id",
                                world.agencyRecommendation(),
                                "version",
                                world.versionOf("youth_forum_recommendation", world.agencyRecommendation()),
                                "forum",
                                "Youth Assembly",
                                "madeOn",
                                "2026-03-01",
                                "recommendation",
                                world.agencyMarker() + " recommendation: a youth worker at the station.",
                                "addressedTo",
                                "PARTNER",
                                "partnerOrganisationId",
                                world.agencyId()),
                        ADMINS_AND_LEAD),
                save(
                        "answerYouthForumRecommendation",
                        "AnswerYouthForumRecommendationInput",
                        "youthForumRecommendation",
                        world -> Map.of(
                                "id",
                                world.agencyRecommendation(),
                                "version",
                                world.versionOf("youth_forum_recommendation", world.agencyRecommendation()),
                                "reply",
                                "A youth worker is at the station on Fridays.",
                                "repliedOn",
                                "2026-04-01",
                                "outcome",
                                "PARTLY_ACCEPTED",
                                "reason",
                                "Fridays only this year."),
                        ADMINS_AND_LEAD));
    }
}
