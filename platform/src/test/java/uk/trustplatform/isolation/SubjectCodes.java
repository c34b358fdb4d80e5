package uk.trustplatform.isolation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feedback codes of each world's public inspection and recommendation (no markers: their holders
 * may read them): the listed charity's inspection, reported with the kite mark, and the Youth
 * Assembly's answered recommendation to the board. Issued by the world's admin the first time a
 * call needs one.
 */
final class SubjectCodes {

    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();

    private SubjectCodes() {}

    static String ofInspection(World world) {
        return ISSUED.computeIfAbsent(
                world.tenant().slug() + " inspection",
                key -> issue(
                        world,
                        find(
                                world,
                                "{ inspections(first: 50) { edges { node { id serviceName } } } }",
                                "inspections",
                                "serviceName",
                                "Youth club in " + world.tenant().slug())));
    }

    static String ofRecommendation(World world) {
        return ISSUED.computeIfAbsent(
                world.tenant().slug() + " recommendation",
                key -> issue(
                        world,
                        find(
                                world,
                                "{ youthForumRecommendations(first: 50, state: ANSWERED) { edges { node { id"
                                        + " recommendation } } } }",
                                "youthForumRecommendations",
                                "recommendation",
                                "More buses in the evening.")));
    }

    private static String find(World world, String query, String list, String field, String value) {
        return world.admin().query(query).data().path(list).path("edges").findValues("node").stream()
                .filter(node -> node.path(field).asText().equals(value))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }

    private static String issue(World world, String subject) {
        return world.admin()
                .mutate("issueFeedbackCode", "IssueFeedbackCodeInput", Map.of("subjectId", subject), "code")
                .path("code")
                .asText();
    }
}
