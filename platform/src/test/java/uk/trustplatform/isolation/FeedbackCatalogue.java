package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.EVERYONE;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on feedback codes and what participants were told, as the isolation suite and the permission matrix drive them. */
final class FeedbackCatalogue {

    private FeedbackCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.heardBack",
                        world -> new Request(
                                "query ($s: String!, $c: String!) { heardBack(tenantSlug: $s, code: $c)"
                                        + " { title youSaid weDid toldOn } }",
                                Map.of("s", world.tenant().slug(), "c", HeardBackCodes.of(world))),
                        (reply, world) -> reply.text()
                                .contains("The club in " + world.tenant().slug()),
                        EVERYONE),
                save(
                        "issueFeedbackCode",
                        "IssueFeedbackCodeInput",
                        "feedbackCode",
                        world -> Map.of("subjectId", world.agencyActivity()),
                        ADMINS_AND_LEAD),
                save(
                        "withdrawFeedbackCode",
                        "WithdrawFeedbackCodeInput",
                        "feedbackCode",
                        world -> Map.of("subjectId", world.agencyActivity(), "version", 0),
                        ADMINS_AND_LEAD),
                new Operation(
                        "Mutation.answerHeardBack",
                        world -> new Request(
                                "mutation ($input: AnswerHeardBackInput!) { answerHeardBack(input: $input)"
                                        + " { answered userErrors { field message code } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "tenantSlug",
                                                world.tenant().slug(),
                                                "code",
                                                HeardBackCodes.of(world),
                                                "heard",
                                                "YES"))),
                        (reply, world) -> reply.data()
                                .path("answerHeardBack")
                                .path("answered")
                                .asBoolean(),
                        EVERYONE),
                subjectCode(
                        "issueFeedbackCode of an inspection",
                        "issueFeedbackCode",
                        "IssueFeedbackCodeInput",
                        world -> Map.of("subjectId", world.inspections().agencyReported())),
                subjectCode(
                        "withdrawFeedbackCode of an inspection",
                        "withdrawFeedbackCode",
                        "WithdrawFeedbackCodeInput",
                        world -> Map.of("subjectId", world.inspections().agencyReported(), "version", 0)),
                subjectCode(
                        "issueFeedbackCode of a recommendation",
                        "issueFeedbackCode",
                        "IssueFeedbackCodeInput",
                        world -> Map.of("subjectId", world.agencyRecommendation())),
                subjectCode(
                        "withdrawFeedbackCode of a recommendation",
                        "withdrawFeedbackCode",
                        "WithdrawFeedbackCodeInput",
                        world -> Map.of("subjectId", world.agencyRecommendation(), "version", 0)),
                heardBackOf(
                        "heardBack of an inspection's code",
                        SubjectCodes::ofInspection,
                        world -> "\"about\":\"INSPECTION\",\"title\":\"Youth club in "
                                + world.tenant().slug()),
                heardBackOf(
                        "heardBack of a recommendation's code",
                        SubjectCodes::ofRecommendation,
                        world -> "The buses in " + world.tenant().slug() + " now run until 10pm."));
    }

    /**
     * Issuing or withdrawing the code of a subject other than an activity: the kind's keeper (a
     * tenant admin; the agency's lead for its inspection and for a recommendation addressed to it).
     */
    private static Operation subjectCode(
            String name, String field, String inputType, Function<World, Map<String, Object>> input) {
        Operation root = save(field, inputType, "feedbackCode", input, ADMINS_AND_LEAD);
        return new Operation(name, root.request(), root.reached(), root.allowed());
    }

    /** Reading what a subject's participants were told, with its code, as anyone may. */
    private static Operation heardBackOf(String name, Function<World, String> code, Function<World, String> told) {
        return new Operation(
                name,
                world -> new Request(
                        "query ($s: String!, $c: String!) { heardBack(tenantSlug: $s, code: $c) { about title youSaid"
                                + " weDid heldOn toldOn recommendations { number text response respondedOn }"
                                + " kiteMarkAwarded addressedTo outcome reason } }",
                        Map.of("s", world.tenant().slug(), "c", code.apply(world))),
                (reply, world) -> reply.text().contains(told.apply(world)),
                EVERYONE);
    }
}
