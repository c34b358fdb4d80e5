package uk.trustplatform.youthforums;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PublishedDocuments;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;

/**
 * Feedback codes for the two subjects beside activities: a reported inspection (its young
 * inspectors read the findings, each recommendation with the service's response, and the kite
 * mark decision) and an answered youth forum's recommendation (the forum reads the reply and the
 * outcome). Who may issue them, what a holder reads and nothing more, the answers on the subject
 * and in the participation summary, counted apart from the activities'. Tests refused codes from
 * loopback addresses of their own, so no refusal limits another test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeardBackOfInspectionsAndRecommendationsIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String READ = "query ($s: String!, $c: String!) { heardBack(tenantSlug: $s, code: $c)"
            + " { about title youSaid weDid heldOn toldOn recommendations { number text response respondedOn }"
            + " kiteMarkAwarded addressedTo outcome reason } }";
    private static final String ISSUE = "mutation ($i: IssueFeedbackCodeInput!) { issueFeedbackCode(input: $i)"
            + " { code feedbackCode { status version } userErrors { field message code } } }";
    private static final String WITHDRAW = "mutation ($i: WithdrawFeedbackCodeInput!) { withdrawFeedbackCode(input: $i)"
            + " { feedbackCode { status } userErrors { field message code } } }";
    private static final String ANSWER = "mutation ($i: AnswerHeardBackInput!) { answerHeardBack(input: $i)"
            + " { answered userErrors { field message code } } }";
    private static final String HEARD = "query ($id: ID!) { node(id: $id) { ... on Inspection"
            + " { feedbackCode { status } heardBack { count { yes notYet no answers } } }"
            + " ... on YouthForumRecommendation { feedbackCode { status } heardBack { count { yes notYet no answers } } } } }";
    private static final String SUMMARY = "query ($f: Date!, $t: Date!) { participationSummary(from: $f, to: $t)"
            + " { heardBack { answers } heardBackByKind { about count { yes notYet no answers } } } }";

    @Inject
    EmbeddedServer server;

    private YouthForumPartnership partnership;
    private ApiCaller anyone;
    private ApiCaller admin;
    private ApiCaller policeLead;
    private ApiCaller healthLead;
    private ApiCaller board;

    @BeforeAll
    void aPartnershipWithAYouthAssemblyAndItsAgeBands() {
        partnership = YouthForumPartnership.open(server);
        anyone = new ApiCaller(server);
        admin = partnership.as("admin", Role.TENANT_ADMIN, null);
        policeLead = partnership.as("police-lead", Role.PARTNER_LEAD, partnership.police);
        healthLead = partnership.as("health-lead", Role.PARTNER_LEAD, partnership.health);
        board = partnership.as("board", Role.BOARD_MEMBER, null);
        new PublishedDocuments(admin)
                .publish(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        Map.of("ageBands", List.of(Map.of("label", "Young people", "fromAge", 12, "toAge", 18))));
    }

    @Test
    void a_reported_inspections_code_shows_its_young_inspectors_the_findings_each_response_and_the_kite_mark() {
        String inspection = inspection(policeLead, TODAY.minusDays(10));
        Reply early = policeLead.query(ISSUE, Map.of("i", Map.of("subjectId", inspection)));
        report(policeLead, inspection);
        respond(policeLead, inspection, 1, "Posters are up in the waiting room.");
        Reply ofBoard = board.query(ISSUE, Map.of("i", Map.of("subjectId", inspection)));
        Reply ofAnotherLead = healthLead.query(ISSUE, Map.of("i", Map.of("subjectId", inspection)));
        String code = issued(policeLead, inspection);

        Reply read = anyone.query(READ, Map.of("s", partnership.slug, "c", code));
        List.of("YES", "YES", "NO").forEach(heard -> answered(code, heard));

        assertThat(userError(early, "issueFeedbackCode"))
                .isEqualTo("NOT_ALLOWED subjectId Report the inspection first: the code shows the young inspectors"
                        + " its findings, recommendations and kite mark decision.");
        assertThat(ofBoard.errorCode()).as(ofBoard.text()).isEqualTo("FORBIDDEN");
        assertThat(userError(ofAnotherLead, "issueFeedbackCode"))
                .isEqualTo("NOT_FOUND subjectId No inspection has this id.");
        assertThat(read.data().path("heardBack").toString())
                .isEqualTo("{\"about\":\"INSPECTION\",\"title\":\"Custody suite at Forumshire Constabulary\","
                        + "\"youSaid\":\"The waiting room had nothing for young people.\","
                        + "\"weDid\":\"The service has responded to 1 of your 2 recommendations. The inspection did"
                        + " not award the kite mark this time.\","
                        + "\"heldOn\":\"" + TODAY.minusDays(10) + "\",\"toldOn\":\"" + TODAY + "\","
                        + "\"recommendations\":[{\"number\":1,\"text\":\"Put posters up for young people.\","
                        + "\"response\":\"Posters are up in the waiting room.\",\"respondedOn\":\"" + TODAY + "\"},"
                        + "{\"number\":2,\"text\":\"Have a youth worker on call.\",\"response\":null,"
                        + "\"respondedOn\":null}],"
                        + "\"kiteMarkAwarded\":false,\"addressedTo\":null,\"outcome\":null,\"reason\":null}");
        assertThat(read.text()).as("never the inspectors").doesNotContain("Priya");
        assertThat(heard(policeLead, inspection))
                .isEqualTo("{\"feedbackCode\":{\"status\":\"LIVE\"},\"heardBack\":{\"count\":"
                        + "{\"yes\":2,\"notYet\":0,\"no\":1,\"answers\":3}}}");
        assertThat(heard(board, inspection)).as("the board reads the counts").isEqualTo(heard(policeLead, inspection));
    }

    @Test
    void an_answered_recommendations_code_is_issued_by_whoever_answers_it_and_shows_the_reply_and_outcome() {
        String toPolice = recommendation(admin, "PARTNER", partnership.police, TODAY.minusDays(20));
        Reply early = policeLead.query(ISSUE, Map.of("i", Map.of("subjectId", toPolice)));
        answer(policeLead, toPolice, "PARTLY_ACCEPTED", "Officers cannot be at every station.");
        Reply ofAnotherLead = healthLead.query(ISSUE, Map.of("i", Map.of("subjectId", toPolice)));
        String code = issued(policeLead, toPolice);
        String toBoard = recommendation(policeLead, "BOARD", null, TODAY.minusDays(15));
        answer(admin, toBoard, "ACCEPTED", null);
        Reply ofRecorder = policeLead.query(ISSUE, Map.of("i", Map.of("subjectId", toBoard)));
        String boardCode = issued(admin, toBoard);

        Reply read = anyone.query(READ, Map.of("s", partnership.slug, "c", code));
        List.of("NOT_YET", "YES").forEach(heard -> answered(code, heard));
        answered(boardCode, "NO");

        assertThat(userError(early, "issueFeedbackCode"))
                .isEqualTo("NOT_ALLOWED subjectId Answer the recommendation first: the code shows the forum what was"
                        + " done about it.");
        assertThat(userError(ofAnotherLead, "issueFeedbackCode"))
                .isEqualTo("NOT_FOUND subjectId No recommendation has this id.");
        assertThat(ofRecorder.errorCode())
                .as("the lead who recorded one to the board reads it but does not answer it: " + ofRecorder.text())
                .isEqualTo("FORBIDDEN");
        assertThat(read.data().path("heardBack").toString())
                .isEqualTo(
                        "{\"about\":\"YOUTH_FORUM_RECOMMENDATION\",\"title\":\"The Youth Assembly's recommendation\","
                                + "\"youSaid\":\"A youth worker at the station, " + TODAY.minusDays(20) + ".\","
                                + "\"weDid\":\"A youth worker is at the station on Saturdays.\","
                                + "\"heldOn\":\"" + TODAY.minusDays(20) + "\",\"toldOn\":\"" + TODAY + "\","
                                + "\"recommendations\":[],\"kiteMarkAwarded\":null,"
                                + "\"addressedTo\":\"Forumshire Constabulary\",\"outcome\":\"PARTLY_ACCEPTED\","
                                + "\"reason\":\"Officers cannot be at every station.\"}");
        assertThat(anyone.query(READ, Map.of("s", partnership.slug, "c", boardCode))
                        .data()
                        .path("heardBack")
                        .path("addressedTo")
                        .isNull())
                .as("addressed to the board")
                .isTrue();
        assertThat(heard(policeLead, toPolice))
                .isEqualTo("{\"feedbackCode\":{\"status\":\"LIVE\"},\"heardBack\":{\"count\":"
                        + "{\"yes\":1,\"notYet\":1,\"no\":0,\"answers\":2}}}");
    }

    @Test
    void another_partnerships_made_up_withdrawn_and_another_kinds_codes_and_ids_are_refused_alike() {
        String inspection = inspection(admin, TODAY.minusDays(3));
        report(admin, inspection);
        String code = issued(admin, inspection);
        String withdrawnOne = inspection(admin, TODAY.minusDays(4));
        report(admin, withdrawnOne);
        String withdrawn = issued(admin, withdrawnOne);
        admin.query(WITHDRAW, Map.of("i", Map.of("subjectId", withdrawnOne, "version", 0)));
        String elsewhere = TestTenants.active("elsewhere").slug();
        ApiCaller guesser = anyone.fromAddress("127.0.0.21");

        Reply atAnotherPartnership = guesser.query(READ, Map.of("s", elsewhere, "c", code));
        Reply madeUp = guesser.query(READ, Map.of("s", partnership.slug, "c", "K7QM-4XHT-9PWC"));
        Reply ofWithdrawn = guesser.query(READ, Map.of("s", partnership.slug, "c", withdrawn));
        UUID row = GlobalId.decode(inspection).orElseThrow().uuid();
        Reply asAnotherKind =
                admin.query(ISSUE, Map.of("i", Map.of("subjectId", GlobalId.encode("YouthForumRecommendation", row))));
        Reply asNoSuchOne = admin.query(
                ISSUE,
                Map.of("i", Map.of("subjectId", GlobalId.encode("YouthForumRecommendation", UUID.randomUUID()))));

        assertThat(List.of(atAnotherPartnership.text(), madeUp.text(), ofWithdrawn.text()))
                .containsOnly("{\"data\":{\"heardBack\":null}}");
        assertThat(userError(asAnotherKind, "issueFeedbackCode"))
                .isEqualTo(userError(asNoSuchOne, "issueFeedbackCode"))
                .isEqualTo("NOT_FOUND subjectId No recommendation has this id.");
    }

    @Test
    void the_summary_counts_inspections_and_recommendations_of_the_period_apart_from_the_activities() {
        LocalDate longAgo = TODAY.minusDays(500);
        String inspection = inspection(policeLead, longAgo);
        report(policeLead, inspection);
        String inspectionCode = issued(policeLead, inspection);
        String toPolice = recommendation(admin, "PARTNER", partnership.police, longAgo.plusDays(1));
        answer(policeLead, toPolice, "ACCEPTED", null);
        String recommendationCode = issued(admin, toPolice);
        String outside = recommendation(admin, "PARTNER", partnership.police, longAgo.plusDays(5));
        answer(admin, outside, "ACCEPTED", null);
        String outsideCode = issued(admin, outside);
        List.of("YES", "NO", "NO").forEach(heard -> answered(inspectionCode, heard));
        List.of("YES", "NOT_YET").forEach(heard -> answered(recommendationCode, heard));
        answered(outsideCode, "YES");
        Map<String, Object> period = Map.of(
                "f", longAgo.minusDays(1).toString(), "t", longAgo.plusDays(2).toString());

        // Inspection: yes 1, no 2; recommendation: yes 1, not yet 1; the one made after the period is not counted.
        String expected = "{\"heardBack\":{\"answers\":0},\"heardBackByKind\":["
                + "{\"about\":\"INSPECTION\",\"count\":{\"yes\":1,\"notYet\":0,\"no\":2,\"answers\":3}},"
                + "{\"about\":\"PARTICIPATION_ACTIVITY\",\"count\":{\"yes\":0,\"notYet\":0,\"no\":0,\"answers\":0}},"
                + "{\"about\":\"YOUTH_FORUM_RECOMMENDATION\",\"count\":{\"yes\":1,\"notYet\":1,\"no\":0,\"answers\":2}}]}";
        assertThat(summary(board, period)).isEqualTo(expected);
        assertThat(summary(policeLead, period)).isEqualTo(expected);
        assertThat(summary(healthLead, period))
                .as("another partner's lead counts only what it reads")
                .isEqualTo(
                        "{\"heardBack\":{\"answers\":0},\"heardBackByKind\":["
                                + "{\"about\":\"INSPECTION\",\"count\":{\"yes\":0,\"notYet\":0,\"no\":0,\"answers\":0}},"
                                + "{\"about\":\"PARTICIPATION_ACTIVITY\",\"count\":{\"yes\":0,\"notYet\":0,\"no\":0,\"answers\":0}},"
                                + "{\"about\":\"YOUTH_FORUM_RECOMMENDATION\",\"count\":{\"yes\":0,\"notYet\":0,\"no\":0,\"answers\":0}}]}");
    }

    private static String summary(ApiCaller caller, Map<String, Object> period) {
        Reply reply = caller.query(SUMMARY, period);
        return reply.data().path("participationSummary").toString();
    }

    /** The police's custody suite inspected on the day: one young inspector, findings, two recommendations. */
    private String inspection(ApiCaller keeper, LocalDate on) {
        return keeper.mutate(
                        "saveInspection",
                        "SaveInspectionInput",
                        Map.of(
                                "partnerOrganisationId",
                                partnership.police,
                                "serviceName",
                                "Custody suite",
                                "inspectedOn",
                                on.toString(),
                                "inspectors",
                                List.of(Map.of("name", "Priya", "ageBand", "Young people")),
                                "findings",
                                "The waiting room had nothing for young people.",
                                "recommendations",
                                List.of("Put posters up for young people.", "Have a youth worker on call.")),
                        "inspection { id }")
                .path("inspection")
                .path("id")
                .asText();
    }

    private static void report(ApiCaller keeper, String inspection) {
        keeper.mutate(
                "reportInspection",
                "ReportInspectionInput",
                Map.of("id", inspection, "version", 0, "kiteMarkAwarded", false),
                "inspection { id }");
    }

    private static void respond(ApiCaller keeper, String inspection, int number, String words) {
        keeper.mutate(
                "respondToRecommendation",
                "RespondToRecommendationInput",
                Map.of(
                        "id",
                        inspection,
                        "version",
                        1,
                        "number",
                        number,
                        "response",
                        words,
                        "respondedOn",
                        TODAY.toString()),
                "inspection { id }");
    }

    private static String recommendation(ApiCaller recorder, String to, String partner, LocalDate madeOn) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "forum",
                YouthForumPartnership.ASSEMBLY,
                "madeOn",
                madeOn.toString(),
                "recommendation",
                "A youth worker at the station, " + madeOn + ".",
                "addressedTo",
                to));
        if (partner != null) {
            input.put("partnerOrganisationId", partner);
        }
        return recorder.mutate(
                        "saveYouthForumRecommendation",
                        "SaveYouthForumRecommendationInput",
                        input,
                        "youthForumRecommendation { id }")
                .path("youthForumRecommendation")
                .path("id")
                .asText();
    }

    private static void answer(ApiCaller answerer, String recommendation, String outcome, String reason) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "id",
                recommendation,
                "version",
                0,
                "reply",
                "A youth worker is at the station on Saturdays.",
                "repliedOn",
                TODAY.toString(),
                "outcome",
                outcome));
        if (reason != null) {
            input.put("reason", reason);
        }
        answerer.mutate(
                "answerYouthForumRecommendation",
                "AnswerYouthForumRecommendationInput",
                input,
                "youthForumRecommendation { id }");
    }

    private static String issued(ApiCaller keeper, String subject) {
        Reply reply = keeper.query(ISSUE, Map.of("i", Map.of("subjectId", subject)));
        JsonNode payload = reply.data().path("issueFeedbackCode");
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("code").asText();
    }

    private void answered(String code, String heard) {
        Reply reply =
                anyone.query(ANSWER, Map.of("i", Map.of("tenantSlug", partnership.slug, "code", code, "heard", heard)));
        assertThat(reply.data().path("answerHeardBack").path("answered").asBoolean())
                .as(reply.text())
                .isTrue();
    }

    private static String heard(ApiCaller caller, String subject) {
        return caller.query(HEARD, Map.of("id", subject)).data().path("node").toString();
    }

    private static String userError(Reply reply, String field) {
        JsonNode error = reply.data().path(field).path("userErrors").path(0);
        return error.path("code").asText() + " " + error.path("field").path(1).asText() + " "
                + error.path("message").asText();
    }
}
