package uk.trustplatform.youthforums;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.youthforums.YouthForumPartnership.ASSEMBLY;
import static uk.trustplatform.youthforums.YouthForumPartnership.CARE_COUNCIL;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;

/**
 * Youth forums' recommendations in a partnership whose strategy has a Youth Assembly and a
 * Children in Care Council: recorded by the participation worker, answered by whom they are
 * addressed to, overdue after the partnership's reply time, and published once answered.
 */
@MicronautTest(transactional = false)
class YouthForumRecommendationsIT {

    private static final String FIELDS = "id version forum madeOn recommendation addressedTo"
            + " partnerOrganisation { name } recordedBy { name } replyDueOn overdue(asOf: \"2026-03-02\")"
            + " reply { text repliedOn outcome reason }";
    private static final String SAVE =
            "mutation ($i: SaveYouthForumRecommendationInput!) { saveYouthForumRecommendation(input: $i)"
                    + " { youthForumRecommendation { " + FIELDS + " } userErrors { field message code } } }";
    private static final String ANSWER =
            "mutation ($i: AnswerYouthForumRecommendationInput!) { answerYouthForumRecommendation(input: $i)"
                    + " { youthForumRecommendation { " + FIELDS + " } userErrors { field message code } } }";
    private static final String LIST = "query ($s: RecommendationState, $d: Date) {"
            + " youthForumRecommendations(state: $s, asOf: $d) { edges { node { recommendation } } }"
            + " youthForumRecommendationCounts(asOf: $d) { asOf open overdue answered } }";
    private static final String PUBLIC = "query ($s: String!) { youthForumsSaidWeDid(tenantSlug: $s) {"
            + " forum madeOn recommendation addressedTo reply repliedOn outcome reason } }";

    @Inject
    EmbeddedServer server;

    @Inject
    OverdueRecommendations overdue;

    @Inject
    TenantTransactions transactions;

    private YouthForumPartnership forumshire;
    private ApiCaller admin;

    @BeforeEach
    void forumshireWithItsForumsAndTwoAgencies() {
        forumshire = YouthForumPartnership.open(server);
        admin = forumshire.as("admin", Role.TENANT_ADMIN, null);
    }

    @Test
    void a_lead_records_the_assemblys_recommendation_to_the_board_the_admin_answers_it_and_it_is_published() {
        ApiCaller lead = forumshire.as("lead", Role.PARTNER_LEAD, forumshire.police);

        JsonNode recorded = saved(
                lead.query(
                        SAVE, Map.of("i", toBoard(ASSEMBLY, "2026-01-10", "Youth workers in every secondary school."))),
                "saveYouthForumRecommendation");
        Reply leadAnswers = lead.query(ANSWER, Map.of("i", answer(recorded, 0, "PARTLY_ACCEPTED", "Budget.")));
        JsonNode answered = saved(
                admin.query(
                        ANSWER,
                        Map.of(
                                "i",
                                answer(
                                        recorded,
                                        0,
                                        "PARTLY_ACCEPTED",
                                        "The budget covers half of the schools this year."))),
                "answerYouthForumRecommendation");

        assertThat(recorded.path("forum").asText()).isEqualTo(ASSEMBLY);
        assertThat(recorded.path("addressedTo").asText()).isEqualTo("BOARD");
        assertThat(recorded.path("partnerOrganisation").isNull()).isTrue();
        assertThat(recorded.path("recordedBy").path("name").asText()).isEqualTo("Forumshire Constabulary");
        assertThat(recorded.path("replyDueOn").asText())
                .as("the default reply time, 90 days after 10 January 2026")
                .isEqualTo("2026-04-10");
        assertThat(recorded.path("reply").isNull()).isTrue();
        assertThat(leadAnswers.errorCode())
                .as("a recommendation to the board is the tenant admin's to answer")
                .isEqualTo("FORBIDDEN");
        assertThat(answered.path("version").asInt()).isEqualTo(1);
        assertThat(answered.path("reply").path("outcome").asText()).isEqualTo("PARTLY_ACCEPTED");
        assertThat(answered.path("reply").path("text").asText()).isEqualTo("Youth workers start in six schools.");
        assertThat(answered.path("reply").path("repliedOn").asText()).isEqualTo("2026-02-20");
        assertThat(answered.path("reply").path("reason").asText()).startsWith("The budget covers half");
        assertThat(TenantData.query(
                        forumshire.tenantId,
                        "SELECT action || ' by ' || actor FROM audit_event"
                                + " WHERE action LIKE 'YouthForumRecommendation.%' ORDER BY occurred_at"))
                .containsExactly(
                        "YouthForumRecommendation.recorded by lead-" + forumshire.slug,
                        "YouthForumRecommendation.answered by admin-" + forumshire.slug);
        JsonNode published = new ApiCaller(server)
                .query(PUBLIC, Map.of("s", forumshire.slug))
                .data()
                .path("youthForumsSaidWeDid");
        assertThat(published).hasSize(1);
        assertThat(published.path(0).path("forum").asText()).isEqualTo(ASSEMBLY);
        assertThat(published.path(0).path("addressedTo").isNull()).isTrue();
        assertThat(published.path(0).path("reply").asText()).isEqualTo("Youth workers start in six schools.");
        assertThat(published.path(0).path("outcome").asText()).isEqualTo("PARTLY_ACCEPTED");
    }

    @Test
    void only_answered_recommendations_are_published_and_only_on_their_own_partnerships_page() {
        String open = id(record(toPartner(CARE_COUNCIL, "2026-02-01", "A care leaver on every interview panel.")));
        JsonNode accepted = record(toPartner(ASSEMBLY, "2026-02-02", "Drop-in clinics after school."));
        saved(
                admin.query(ANSWER, Map.of("i", answer(accepted, 0, "ACCEPTED", null))),
                "answerYouthForumRecommendation");
        YouthForumPartnership other = YouthForumPartnership.open(server);

        JsonNode published = new ApiCaller(server)
                .query(PUBLIC, Map.of("s", forumshire.slug))
                .data()
                .path("youthForumsSaidWeDid");
        JsonNode elsewhere = new ApiCaller(server)
                .query(PUBLIC, Map.of("s", other.slug))
                .data()
                .path("youthForumsSaidWeDid");

        assertThat(open).isNotBlank();
        assertThat(published).hasSize(1);
        assertThat(published.path(0).path("recommendation").asText()).isEqualTo("Drop-in clinics after school.");
        assertThat(published.path(0).path("addressedTo").asText()).isEqualTo("Forumshire Community Health");
        assertThat(published.path(0).path("reason").isNull()).isTrue();
        assertThat(elsewhere).isEmpty();
        assertThat(new ApiCaller(server)
                        .query(PUBLIC, Map.of("s", "no-such-partnership"))
                        .data()
                        .path("youthForumsSaidWeDid")
                        .isNull())
                .isTrue();
    }

    @Test
    void overdue_is_judged_on_the_day_given_against_the_partnerships_reply_time() {
        JsonNode settings = admin.query("{ partnershipSettings { recommendationReplyDays version } }")
                .data()
                .path("partnershipSettings");
        Reply changed = admin.query(
                "mutation ($i: UpdatePartnershipSettingsInput!) { updatePartnershipSettings(input: $i)"
                        + " { partnershipSettings { recommendationReplyDays renewalNoticeDays } userErrors { message } } }",
                Map.of(
                        "i",
                        Map.of(
                                "version",
                                settings.path("version").asInt(),
                                "minimumParticipationChampions",
                                1,
                                "renewalNoticeDays",
                                60,
                                "recommendationReplyDays",
                                30)));
        ApiCaller policeLead = forumshire.as("police-lead", Role.PARTNER_LEAD, forumshire.police);
        ApiCaller healthLead = forumshire.as("health-lead", Role.PARTNER_LEAD, forumshire.health);
        JsonNode a = record(toBoard(ASSEMBLY, "2026-01-01", "A"));
        JsonNode b = record(toPartner(ASSEMBLY, "2026-01-31", "B", forumshire.police));
        JsonNode c = record(toBoard(CARE_COUNCIL, "2026-02-01", "C"));
        saved(admin.query(ANSWER, Map.of("i", answer(c, 0, "ACCEPTED", null))), "answerYouthForumRecommendation");
        JsonNode d = saved(
                policeLead.query(SAVE, Map.of("i", toPartner(CARE_COUNCIL, "2026-01-15", "D", forumshire.health))),
                "saveYouthForumRecommendation");
        ApiCaller board = forumshire.as("board", Role.BOARD_MEMBER, null);

        // 30 days: A is due on 31 January, D on 14 February, B on 2 March (not yet overdue on 2 March).
        assertThat(settings.path("recommendationReplyDays").asInt())
                .as("the default")
                .isEqualTo(90);
        assertThat(changed.data()
                        .path("updatePartnershipSettings")
                        .path("partnershipSettings")
                        .path("recommendationReplyDays")
                        .asInt())
                .isEqualTo(30);
        assertThat(a.path("replyDueOn").asText()).isEqualTo("2026-01-31");
        assertThat(a.path("overdue").asBoolean()).isTrue();
        assertThat(b.path("replyDueOn").asText()).isEqualTo("2026-03-02");
        assertThat(b.path("overdue").asBoolean()).isFalse();
        assertThat(d.path("overdue").asBoolean()).isTrue();
        assertThat(listed(board, "OVERDUE", "2026-03-02")).containsExactly("D", "A");
        assertThat(listed(board, "OVERDUE", "2026-03-03")).containsExactly("B", "D", "A");
        assertThat(listed(board, "OPEN", "2026-03-02")).containsExactly("B", "D", "A");
        assertThat(listed(board, "ANSWERED", "2026-03-02")).containsExactly("C");
        assertThat(listed(board, "ALL", "2026-03-02")).containsExactly("C", "B", "D", "A");
        assertThat(listed(board, null, "2026-03-02"))
                .as("a state given as null is the schema's default, ALL")
                .containsExactly("C", "B", "D", "A");
        assertThat(counts(board, "2026-03-02")).isEqualTo("2026-03-02 open 3 overdue 2 answered 1");
        assertThat(counts(board, "2026-01-31"))
                .as("A is due that day")
                .isEqualTo("2026-01-31 open 3 overdue 0 answered 1");
        assertThat(listed(policeLead, "ALL", "2026-03-02"))
                .as("addressed to the police, and recorded by it")
                .containsExactly("B", "D");
        assertThat(counts(policeLead, "2026-03-02")).isEqualTo("2026-03-02 open 2 overdue 1 answered 0");
        assertThat(listed(healthLead, "OVERDUE", "2026-03-02")).containsExactly("D");
        UUID tenant = forumshire.tenantId;
        assertThat(announceOverdue(LocalDate.parse("2026-02-01")))
                .as("A, the day after it was due")
                .isEqualTo(1);
        assertThat(announceOverdue(LocalDate.parse("2026-03-02")))
                .as("D went overdue more than a week before; B is due that day")
                .isZero();
        assertThat(announceOverdue(LocalDate.parse("2026-03-03"))).as("B").isEqualTo(1);
        assertThat(announceOverdue(LocalDate.parse("2026-03-03")))
                .as("announced once")
                .isZero();
        assertThat(TenantData.query(
                        tenant,
                        "SELECT kind || ' ' || coalesce(summary->>'dueOn', summary->>'outcome') || ' '"
                                + " || coalesce(CAST(partner_organisation_id = '"
                                + GlobalId.decode(forumshire.police)
                                        .orElseThrow()
                                        .uuid()
                                + "' AS text), 'board') FROM domain_event WHERE kind LIKE 'youth_forum_recommendation.%'"
                                + " ORDER BY position"))
                .containsExactly(
                        "youth_forum_recommendation.answered ACCEPTED board",
                        "youth_forum_recommendation.overdue 2026-01-31 board",
                        "youth_forum_recommendation.overdue 2026-03-02 true");
    }

    private int announceOverdue(LocalDate today) {
        UUID tenant = forumshire.tenantId;
        return transactions.inTenant(tenant, false, () -> overdue.announce(tenant, today));
    }

    @Test
    void a_reply_time_outside_1_to_365_days_is_refused_naming_it_and_nothing_changes() {
        String update = "mutation ($i: UpdatePartnershipSettingsInput!) { updatePartnershipSettings(input: $i)"
                + " { partnershipSettings { recommendationReplyDays } userErrors { field message code } } }";
        Map<String, Object> none = Map.of(
                "version",
                0,
                "minimumParticipationChampions",
                1,
                "renewalNoticeDays",
                60,
                "recommendationReplyDays",
                0);
        Map<String, Object> overAYear = new HashMap<>(none);
        overAYear.put("recommendationReplyDays", 366);

        for (Map<String, Object> refused : List.of(none, overAYear)) {
            assertThat(refusals(admin.query(update, Map.of("i", refused)), "updatePartnershipSettings"))
                    .containsExactly("input.recommendationReplyDays NOT_ALLOWED recommendationReplyDays must be"
                            + " between 1 and 365 days.");
        }
        assertThat(admin.query("{ partnershipSettings { recommendationReplyDays version } }")
                        .data()
                        .path("partnershipSettings")
                        .toString())
                .isEqualTo("{\"recommendationReplyDays\":90,\"version\":0}");
    }

    @Test
    void the_addressed_partners_lead_answers_and_no_one_else_below_the_tenant_admin() {
        ApiCaller policeLead = forumshire.as("police-lead", Role.PARTNER_LEAD, forumshire.police);
        ApiCaller healthLead = forumshire.as("health-lead", Role.PARTNER_LEAD, forumshire.health);
        ApiCaller board = forumshire.as("board", Role.BOARD_MEMBER, null);
        ApiCaller integration = forumshire.as("system", Role.PARTNER_INTEGRATION, forumshire.health);
        JsonNode toHealth = record(toPartner(CARE_COUNCIL, "2026-02-01", "Clinics in the evening.", forumshire.health));

        Reply byPolice = policeLead.query(ANSWER, Map.of("i", answer(toHealth, 0, "ACCEPTED", null)));
        Reply byBoard = board.query(ANSWER, Map.of("i", answer(toHealth, 0, "ACCEPTED", null)));
        Reply boardRecords = board.query(SAVE, Map.of("i", toBoard(ASSEMBLY, "2026-02-01", "More buses.")));
        Reply systemRecords = integration.query(SAVE, Map.of("i", toBoard(ASSEMBLY, "2026-02-01", "More buses.")));
        Reply policeCorrects = policeLead.query(SAVE, Map.of("i", correction(toHealth, 0, "Clinics at night.")));
        JsonNode byHealth = saved(
                healthLead.query(ANSWER, Map.of("i", answer(toHealth, 0, "NOT_ACCEPTED", "No evening staff."))),
                "answerYouthForumRecommendation");

        assertThat(byPolice.data()
                        .path("answerYouthForumRecommendation")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .as("the police's lead cannot read a recommendation to health it did not record")
                .isEqualTo("NOT_FOUND");
        assertThat(byBoard.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(boardRecords.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(systemRecords.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(policeCorrects
                        .data()
                        .path("saveYouthForumRecommendation")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
        assertThat(byHealth.path("reply").path("outcome").asText()).isEqualTo("NOT_ACCEPTED");
        assertThat(byHealth.path("reply").path("reason").asText()).isEqualTo("No evening staff.");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_the_rule_with_nothing_written() {
        YouthForumPartnership other = YouthForumPartnership.open(server);
        Map<String, Object> notAForum = toBoard("Youth Parliament", "2026-02-01", "More buses.");
        Map<String, Object> otherTenantsPartner = toPartner(ASSEMBLY, "2026-02-01", "More buses.", other.police);
        Map<String, Object> noPartner = toBoard(ASSEMBLY, "2026-02-01", "More buses.");
        noPartner.put("addressedTo", "PARTNER");
        Map<String, Object> tomorrow = toBoard(ASSEMBLY, "2099-01-01", "More buses.");

        assertThat(refusals(admin.query(SAVE, Map.of("i", Map.of())), "saveYouthForumRecommendation"))
                .containsExactly(
                        "input.forum REQUIRED Choose the youth forum that made it.",
                        "input.madeOn REQUIRED Give the date the forum made it.",
                        "input.recommendation REQUIRED Write the recommendation as the forum made it.",
                        "input.addressedTo REQUIRED Say whether it is addressed to the board or to a partner.");
        assertThat(refusals(admin.query(SAVE, Map.of("i", notAForum)), "saveYouthForumRecommendation"))
                .containsExactly("input.forum NOT_FOUND 'Youth Parliament' is not one of the participation"
                        + " structures of the tenant's strategy: Youth Assembly, Children in Care Council.");
        assertThat(refusals(admin.query(SAVE, Map.of("i", otherTenantsPartner)), "saveYouthForumRecommendation"))
                .containsExactly("input.partnerOrganisationId NOT_FOUND No partner organisation of the partnership"
                        + " has this id.");
        assertThat(refusals(admin.query(SAVE, Map.of("i", noPartner)), "saveYouthForumRecommendation"))
                .containsExactly("input.partnerOrganisationId REQUIRED Select which partner it is addressed to.");
        assertThat(refusals(admin.query(SAVE, Map.of("i", tomorrow)), "saveYouthForumRecommendation"))
                .containsExactly("input.madeOn NOT_ALLOWED A recommendation is recorded once made: today or earlier.");
        assertThat(TenantData.rows(forumshire.tenantId, "youth_forum_recommendation"))
                .isZero();

        JsonNode recorded = record(toBoard(ASSEMBLY, "2026-02-01", "More buses."));
        Map<String, Object> beforeItWasMade = answer(recorded, 0, "ACCEPTED", null);
        beforeItWasMade.put("repliedOn", "2026-01-31");
        assertThat(refusals(
                        admin.query(ANSWER, Map.of("i", answer(recorded, 0, "NOT_ACCEPTED", null))),
                        "answerYouthForumRecommendation"))
                .containsExactly("input.reason REQUIRED Say why it was not accepted as it stood.");
        assertThat(refusals(
                        admin.query(ANSWER, Map.of("i", answer(recorded, 0, "PARTLY_ACCEPTED", " "))),
                        "answerYouthForumRecommendation"))
                .containsExactly("input.reason REQUIRED Say why it was not accepted as it stood.");
        assertThat(refusals(
                        admin.query(ANSWER, Map.of("i", Map.of("id", id(recorded), "version", 0))),
                        "answerYouthForumRecommendation"))
                .containsExactly(
                        "input.reply REQUIRED Say what was done about the recommendation.",
                        "input.outcome REQUIRED Say whether it was accepted, partly accepted or not accepted.",
                        "input.repliedOn REQUIRED Give the date the forum was answered.");
        assertThat(refusals(admin.query(ANSWER, Map.of("i", beforeItWasMade)), "answerYouthForumRecommendation"))
                .containsExactly("input.repliedOn NOT_ALLOWED The reply cannot come before the recommendation was made"
                        + " (2026-02-01).");
        assertThat(TenantData.query(
                        forumshire.tenantId,
                        "SELECT version || ' ' || (reply IS NULL) FROM youth_forum_recommendation"))
                .containsExactly("0 true");
    }

    @Test
    void an_edit_made_on_a_stale_version_is_refused_and_the_first_one_kept() {
        JsonNode recorded = record(toBoard(ASSEMBLY, "2026-02-01", "More buses."));

        JsonNode first = saved(
                admin.query(ANSWER, Map.of("i", answer(recorded, 0, "ACCEPTED", null))),
                "answerYouthForumRecommendation");
        Reply second = admin.query(ANSWER, Map.of("i", answer(recorded, 0, "NOT_ACCEPTED", "No money.")));
        Reply staleCorrection = admin.query(SAVE, Map.of("i", correction(recorded, 0, "Fewer buses.")));
        JsonNode corrected = saved(
                admin.query(SAVE, Map.of("i", correction(recorded, 1, "More buses after 6pm."))),
                "saveYouthForumRecommendation");

        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(refusals(second, "answerYouthForumRecommendation"))
                .containsExactly("input.version CONFLICT Someone else changed the recommendation since you read it"
                        + " (now version 1, you sent 0). Reload it and make your change again.");
        assertThat(refusals(staleCorrection, "saveYouthForumRecommendation"))
                .singleElement()
                .asString()
                .startsWith("input.version CONFLICT");
        assertThat(corrected.path("version").asInt()).isEqualTo(2);
        assertThat(corrected.path("recommendation").asText()).isEqualTo("More buses after 6pm.");
        assertThat(corrected.path("reply").path("outcome").asText())
                .as("correcting the recommendation keeps its answer")
                .isEqualTo("ACCEPTED");
    }

    private static Map<String, Object> toBoard(String forum, String madeOn, String text) {
        Map<String, Object> input = new HashMap<>();
        input.put("forum", forum);
        input.put("madeOn", madeOn);
        input.put("recommendation", text);
        input.put("addressedTo", "BOARD");
        return input;
    }

    private static Map<String, Object> toPartner(String forum, String madeOn, String text, String partner) {
        Map<String, Object> input = toBoard(forum, madeOn, text);
        input.put("addressedTo", "PARTNER");
        input.put("partnerOrganisationId", partner);
        return input;
    }

    private Map<String, Object> toPartner(String forum, String madeOn, String text) {
        return toPartner(forum, madeOn, text, forumshire.health);
    }

    private static Map<String, Object> correction(JsonNode recommendation, int version, String text) {
        Map<String, Object> input = toBoard(
                recommendation.path("forum").asText(),
                recommendation.path("madeOn").asText(),
                text);
        input.put("id", id(recommendation));
        input.put("version", version);
        return input;
    }

    private static Map<String, Object> answer(JsonNode recommendation, int version, String outcome, String reason) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id(recommendation));
        input.put("version", version);
        input.put("reply", "Youth workers start in six schools.");
        input.put("repliedOn", "2026-02-20");
        input.put("outcome", outcome);
        input.put("reason", reason);
        return input;
    }

    private JsonNode record(Map<String, Object> input) {
        return saved(admin.query(SAVE, Map.of("i", input)), "saveYouthForumRecommendation");
    }

    private static List<String> listed(ApiCaller caller, @Nullable String state, String asOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("s", state);
        variables.put("d", asOf);
        return caller.query(LIST, variables)
                .data()
                .path("youthForumRecommendations")
                .path("edges")
                .findValuesAsText("recommendation");
    }

    private static String counts(ApiCaller caller, String asOf) {
        JsonNode counts =
                caller.query(LIST, Map.of("s", "ALL", "d", asOf)).data().path("youthForumRecommendationCounts");
        return counts.path("asOf").asText() + " open " + counts.path("open").asInt() + " overdue "
                + counts.path("overdue").asInt() + " answered "
                + counts.path("answered").asInt();
    }

    /** Each user error as "field.path CODE message". */
    private static List<String> refusals(Reply reply, String field) {
        JsonNode errors = reply.data().path(field).path("userErrors");
        assertThat(errors).as(reply.text()).isNotEmpty();
        List<String> refusals = new ArrayList<>();
        for (JsonNode error : errors) {
            List<String> path = new ArrayList<>();
            error.path("field").forEach(part -> path.add(part.asText()));
            refusals.add(String.join(".", path) + " " + error.path("code").asText() + " "
                    + error.path("message").asText());
        }
        return refusals;
    }

    private static String id(JsonNode recommendation) {
        return recommendation.path("id").asText();
    }

    private static JsonNode saved(Reply reply, String field) {
        JsonNode payload = reply.data().path(field);
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("youthForumRecommendation");
    }
}
