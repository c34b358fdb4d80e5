package uk.trustplatform.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PublishedDocuments;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Feedback codes over the API: a partner lead issues one for an activity whose participants have
 * heard back; anyone with it reads that activity's "you said, we did" and nothing else, and
 * answers; every code that does not stand (made up, expired, withdrawn, another partnership's) is
 * refused alike; refusals are limited per client address; the answers reach the activity and the
 * participation summary, and nothing about who answered is kept. Each test that is refused codes
 * connects from a loopback address of its own, so its refusals limit no other test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackCodesIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String READ = "query ($s: String!, $c: String!) { heardBack(tenantSlug: $s, code: $c)"
            + " { title youSaid weDid toldOn } }";
    private static final String ISSUE = "mutation ($i: IssueFeedbackCodeInput!) { issueFeedbackCode(input: $i)"
            + " { code feedbackCode { issuedOn expiresOn withdrawnOn status version } userErrors { field message code } } }";
    private static final String WITHDRAW = "mutation ($i: WithdrawFeedbackCodeInput!) { withdrawFeedbackCode(input: $i)"
            + " { code feedbackCode { status withdrawnOn version } userErrors { field message code } } }";
    private static final String ANSWER = "mutation ($i: AnswerHeardBackInput!) { answerHeardBack(input: $i)"
            + " { answered userErrors { field message code } } }";
    private static final String HEARD = "query ($id: ID!) { node(id: $id) { ... on ParticipationActivity { title"
            + " feedbackCode { status expiresOn version } heardBack { count { yes notYet no answers }"
            + " words { heard words answeredOn } } } } }";
    private static final String SUMMARY = "query ($f: Date!, $t: Date!) { participationSummary(from: $f, to: $t)"
            + " { activities heardBack { yes notYet no answers } } }";
    private static final String SAVE =
            "mutation ($i: SaveParticipationActivityInput!) { saveParticipationActivity(input: $i)"
                    + " { participationActivity { id version } userErrors { field message } } }";
    private static final String FEEDBACK =
            "mutation ($i: RecordParticipationFeedbackInput!) { recordParticipationFeedback(input: $i)"
                    + " { participationActivity { id } userErrors { field message } } }";

    @Inject
    EmbeddedServer server;

    private TestTenant medway;
    private TestTenant kent;
    private ApiCaller anyone;
    private ApiCaller medwayAdmin;
    private ApiCaller youthLead;
    private ApiCaller carersLead;
    private String youthService;
    private String youngCarers;
    private String kentCode;

    @BeforeAll
    void partnershipsWithActivitiesWhoseParticipantsHeardBack() {
        anyone = new ApiCaller(server);
        medway = TestTenants.active("medway");
        kent = TestTenants.active("kent");
        medwayAdmin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, medway.slug(), null);
        youthService = partner(medway, medwayAdmin, "Medway Youth Service");
        youngCarers = new PledgeFixture(medwayAdmin).partner("Medway Young Carers Project", "statutory", true);
        youthLead = lead(medway, youthService);
        carersLead = lead(medway, youngCarers);
        ApiCaller kentAdmin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, kent.slug(), null);
        String kentPartner = partner(kent, kentAdmin, "Kent Early Help");
        kentCode = issued(kentAdmin, told(kentAdmin, kentPartner, "Kent bus passes", TODAY.minusDays(20)));
    }

    @Test
    void a_code_shows_its_own_activity_and_nothing_of_any_other() {
        String clubs = told(youthLead, youthService, "Youth club opening times", TODAY.minusDays(60));
        told(youthLead, youthService, "Parents' evening survey", TODAY.minusDays(30));
        Reply issue = youthLead.query(ISSUE, Map.of("i", Map.of("subjectId", clubs)));
        JsonNode payload = issue.data().path("issueFeedbackCode");
        String code = payload.path("code").asText();

        assertThat(payload.path("userErrors")).as(issue.text()).isEmpty();
        assertThat(code).matches("[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}");
        assertThat(payload.path("feedbackCode").path("status").asText()).isEqualTo("LIVE");
        assertThat(payload.path("feedbackCode").path("issuedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(payload.path("feedbackCode").path("expiresOn").asText())
                .isEqualTo(TODAY.plusDays(90).toString());
        Reply read = anyone.query(READ, Map.of("s", medway.slug(), "c", code));
        JsonNode heard = read.data().path("heardBack");
        assertThat(heard.path("title").asText()).as(read.text()).isEqualTo("Youth club opening times");
        assertThat(heard.path("youSaid").asText()).isEqualTo("Said about Youth club opening times.");
        assertThat(heard.path("weDid").asText()).isEqualTo("Did about Youth club opening times.");
        assertThat(heard.path("toldOn").asText()).isEqualTo(TODAY.minusDays(58).toString());
        assertThat(read.text()).doesNotContain("Parents' evening", "Kent", "Medway Youth Service", "Jo Kavanagh");
        Reply typedLoosely = anyone.query(
                READ,
                Map.of("s", medway.slug(), "c", " " + code.replace("-", " ").toLowerCase() + " "));
        assertThat(typedLoosely.data()).as("any case, spaces for hyphens").isEqualTo(read.data());
        Reply atKent = anyone.fromAddress("127.0.0.9").query(READ, Map.of("s", kent.slug(), "c", code));
        assertThat(atKent.data().path("heardBack").isNull())
                .as("a code is looked up only in the partnership whose page it is entered at: " + atKent.text())
                .isTrue();
    }

    @Test
    void made_up_expired_withdrawn_and_other_partnerships_codes_are_refused_alike() {
        ApiCaller guesser = anyone.fromAddress("127.0.0.2");
        String expiring = issued(youthLead, told(youthLead, youthService, "Expired survey", TODAY.minusDays(200)));
        String expiringActivity = activityOf(expiring);
        ownerUpdate(
                medway.id(),
                "UPDATE feedback_code SET issued_on = CURRENT_DATE - 91, expires_on = CURRENT_DATE - 1"
                        + " WHERE subject_id = '" + expiringActivity + "'");
        String withdrawnActivity = told(youthLead, youthService, "Withdrawn survey", TODAY.minusDays(10));
        String withdrawn = issued(youthLead, withdrawnActivity);
        Reply withdrawal = youthLead.query(WITHDRAW, Map.of("i", Map.of("subjectId", withdrawnActivity, "version", 0)));
        assertThat(withdrawal
                        .data()
                        .path("withdrawFeedbackCode")
                        .path("feedbackCode")
                        .path("status")
                        .asText())
                .as(withdrawal.text())
                .isEqualTo("WITHDRAWN");
        Map<String, String> refused = Map.of(
                "made up", "K7QM-4XHT-9PWC",
                "expired", expiring,
                "withdrawn", withdrawn,
                "another partnership's", kentCode);

        long answersBefore = answersIn(medway);
        List<String> replies = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        Map<String, Long> millis = new HashMap<>();
        refused.forEach((what, code) -> {
            long started = System.nanoTime();
            Reply reply = guesser.query(READ, Map.of("s", medway.slug(), "c", code));
            millis.put(what, (System.nanoTime() - started) / 1_000_000);
            assertThat(reply.status()).as(what).isEqualTo(200);
            replies.add(reply.text());
            answers.add(guesser.query(ANSWER, Map.of("i", answer(code, "YES", null)))
                    .text());
        });

        assertThat(replies).as("one and the same reply").containsOnly("{\"data\":{\"heardBack\":null}}");
        assertThat(answers)
                .containsOnly("{\"data\":{\"answerHeardBack\":{\"answered\":false,\"userErrors\":[{\"field\":"
                        + "[\"input\",\"code\"],\"message\":\"This code is not recognised. Check it is the one you"
                        + " were given; codes stop working after a while.\",\"code\":\"NOT_FOUND\"}]}}}");
        System.out.printf("Refusal times (ms): %s%n", millis);
        assertThat(TenantData.rows(medway.id(), "feedback_answer"))
                .as("no refused code's answer is kept")
                .isEqualTo(answersBefore);
    }

    @Test
    void refusals_are_limited_per_client_address_and_forgotten_after_the_window() throws SQLException {
        String code = issued(youthLead, told(youthLead, youthService, "Rate limited survey", TODAY.minusDays(12)));
        ApiCaller guesser = anyone.fromAddress("127.0.0.3");
        for (int i = 0; i < 15; i++) {
            guesser.query(READ, Map.of("s", medway.slug(), "c", "not a code " + i));
        }
        Reply unshaped = guesser.query(READ, Map.of("s", medway.slug(), "c", code));
        assertThat(unshaped.data().path("heardBack").path("title").asText())
                .as("text that cannot be a code is refused but not counted: " + unshaped.text())
                .isEqualTo("Rate limited survey");
        for (int i = 0; i < 10; i++) {
            Reply guess = guesser.query(
                    READ, Map.of("s", medway.slug(), "c", "ZZZZ-ZZZZ-ZZ" + CodeTexts.ALPHABET.charAt(i) + "A"));
            assertThat(guess.data().path("heardBack").isNull()).as(guess.text()).isTrue();
        }

        Reply limited = guesser.query(READ, Map.of("s", medway.slug(), "c", code));
        Reply limitedAnswer = guesser.query(ANSWER, Map.of("i", answer(code, "YES", null)));
        Reply elsewhere = anyone.fromAddress("127.0.0.4").query(READ, Map.of("s", medway.slug(), "c", code));

        assertThat(limited.errorCode()).as(limited.text()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.data().path("heardBack").isNull()).isTrue();
        assertThat(limited.firstError().path("message").asText())
                .isEqualTo("Too many codes that were not recognised have come from your connection. Wait 15 minutes,"
                        + " then try again.");
        assertThat(limited.text()).doesNotContain("Rate limited survey");
        assertThat(limitedAnswer.errorCode()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(elsewhere.data().path("heardBack").path("title").asText())
                .as("another address is not limited")
                .isEqualTo("Rate limited survey");
        String hash = HexFormat.of().formatHex(CodeTexts.sha256("127.0.0.3"));
        assertThat(refusals(hash, "SELECT count(*) FROM feedback_code_refusal"))
                .as("the address kept only as its hash")
                .isEqualTo(10);
        assertThat(
                        refusals(
                                hash,
                                "SELECT count(*) FROM feedback_code_refusal WHERE position('127.0.0.3'::bytea in address_hash) > 0"))
                .isZero();

        refusals(hash, "UPDATE feedback_code_refusal SET refused_at = refused_at - interval '16 minutes'");
        anyone.fromAddress("127.0.0.5").query(READ, Map.of("s", medway.slug(), "c", "ZZZZ-ZZZZ-ZZZZ"));
        assertThat(refusals(hash, "SELECT count(*) FROM feedback_code_refusal"))
                .as("refusals older than the window are deleted at the next refusal")
                .isZero();
        assertThat(guesser.query(READ, Map.of("s", medway.slug(), "c", code))
                        .data()
                        .path("heardBack")
                        .path("title")
                        .asText())
                .isEqualTo("Rate limited survey");
    }

    @Test
    void answers_reach_the_activity_and_the_summary_and_say_nothing_of_who_answered() {
        LocalDate longAgo = TODAY.minusDays(300);
        String drop = told(carersLead, youngCarers, "Drop-in times", longAgo);
        String respite = told(carersLead, youngCarers, "Respite breaks", longAgo.plusDays(1));
        String dropCode = issued(carersLead, drop);
        String respiteCode = issued(carersLead, respite);
        List<Reply> replies = List.of(
                anyone.query(ANSWER, Map.of("i", answer(dropCode, "YES", "The drop-in is on Fridays now."))),
                anyone.query(ANSWER, Map.of("i", answer(dropCode, "YES", "  "))),
                anyone.query(ANSWER, Map.of("i", answer(dropCode, "NO", null))),
                anyone.query(ANSWER, Map.of("i", answer(respiteCode.toLowerCase(), "YES", null))),
                anyone.query(ANSWER, Map.of("i", answer(respiteCode, "NOT_YET", "Not heard yet."))));
        replies.forEach(reply -> assertThat(
                        reply.data().path("answerHeardBack").path("answered").asBoolean())
                .as(reply.text())
                .isTrue());

        JsonNode heard =
                carersLead.query(HEARD, Map.of("id", drop)).data().path("node").path("heardBack");
        assertThat(heard.path("count").toString()).isEqualTo("{\"yes\":2,\"notYet\":0,\"no\":1,\"answers\":3}");
        assertThat(heard.path("words").toString())
                .as("only the answers with words")
                .isEqualTo("[{\"heard\":\"YES\",\"words\":\"The drop-in is on Fridays now.\",\"answeredOn\":\"" + TODAY
                        + "\"}]");
        Map<String, Object> period = Map.of(
                "f", longAgo.minusDays(1).toString(), "t", longAgo.plusDays(1).toString());
        JsonNode ofLead = carersLead.query(SUMMARY, period).data().path("participationSummary");
        JsonNode ofBoard = ApiCaller.member(server, "board", Role.BOARD_MEMBER, medway.slug(), null)
                .query(SUMMARY, period)
                .data()
                .path("participationSummary");
        // Drop-in: yes 2, no 1; respite: yes 1, not yet 1.
        assertThat(ofLead.toString())
                .isEqualTo("{\"activities\":2,\"heardBack\":{\"yes\":3,\"notYet\":1,\"no\":1,\"answers\":5}}");
        assertThat(ofBoard).isEqualTo(ofLead);
        assertThat(youthLead
                        .query(SUMMARY, period)
                        .data()
                        .path("participationSummary")
                        .toString())
                .as("another partner's lead counts only its own")
                .isEqualTo("{\"activities\":0,\"heardBack\":{\"yes\":0,\"notYet\":0,\"no\":0,\"answers\":0}}");
        assertThat(TenantData.query(
                        medway.id(),
                        "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns"
                                + " WHERE table_schema = 'trust' AND table_name = 'feedback_answer'"))
                .as("no person, no address, no time of day, no device")
                .containsExactly("tenant_id,id,subject_kind,subject_id,heard,words,answered_on");
        assertThat(String.join("\n", TenantData.audit(medway.id())))
                .as("the code's text is kept nowhere, not even in the audit trail")
                .doesNotContain(dropCode, dropCode.replace("-", ""), respiteCode);
        assertThat(TenantData.query(
                        medway.id(),
                        "SELECT encode(code_hash, 'hex') FROM feedback_code WHERE subject_id = '" + activityOf(drop)
                                + "'"))
                .containsExactly(HexFormat.of().formatHex(CodeTexts.sha256(dropCode.replace("-", ""))));
    }

    @Test
    void only_the_activitys_keeper_issues_its_code_once_feedback_is_given_and_a_stale_version_is_refused() {
        String pending = saved(youthLead.query(SAVE, Map.of("i", activity(youthService, "Still listening", TODAY))));
        String given = told(youthLead, youthService, "Reissued survey", TODAY.minusDays(5));
        Reply board = ApiCaller.member(server, "board", Role.BOARD_MEMBER, medway.slug(), null)
                .query(ISSUE, Map.of("i", Map.of("subjectId", given)));
        Reply otherLead = carersLead.query(ISSUE, Map.of("i", Map.of("subjectId", given)));
        Reply early = youthLead.query(ISSUE, Map.of("i", Map.of("subjectId", pending)));
        Reply madeUpId = youthLead.query(
                ISSUE, Map.of("i", Map.of("subjectId", GlobalId.encode("ParticipationActivity", UUID.randomUUID()))));
        String first = issued(youthLead, given);
        Reply withoutVersion = youthLead.query(ISSUE, Map.of("i", Map.of("subjectId", given)));
        Reply stale = youthLead.query(ISSUE, Map.of("i", Map.of("subjectId", given, "version", 7)));
        Reply reissue = youthLead.query(ISSUE, Map.of("i", Map.of("subjectId", given, "version", 0)));
        Reply staleWithdrawal = youthLead.query(WITHDRAW, Map.of("i", Map.of("subjectId", given, "version", 0)));
        String second = reissue.data().path("issueFeedbackCode").path("code").asText();

        assertThat(board.errorCode()).as(board.text()).isEqualTo("FORBIDDEN");
        assertThat(userError(otherLead, "issueFeedbackCode")).isEqualTo("NOT_FOUND subjectId No activity has this id.");
        assertThat(userError(early, "issueFeedbackCode"))
                .isEqualTo("NOT_ALLOWED subjectId Record what the participants said and what was done first: the"
                        + " code shows them that.");
        assertThat(userError(madeUpId, "issueFeedbackCode")).startsWith("NOT_FOUND subjectId");
        assertThat(userError(withoutVersion, "issueFeedbackCode")).startsWith("CONFLICT version");
        assertThat(userError(stale, "issueFeedbackCode"))
                .isEqualTo("CONFLICT version Someone else changed the feedback code since you read it (now version 0,"
                        + " you sent 7). Reload it and make your change again.");
        assertThat(reissue.data()
                        .path("issueFeedbackCode")
                        .path("feedbackCode")
                        .path("version")
                        .asInt())
                .as(reissue.text())
                .isEqualTo(1);
        assertThat(userError(staleWithdrawal, "withdrawFeedbackCode")).startsWith("CONFLICT version");
        assertThat(second).isNotEqualTo(first);
        ApiCaller reader = anyone.fromAddress("127.0.0.6");
        assertThat(reader.query(READ, Map.of("s", medway.slug(), "c", first))
                        .data()
                        .path("heardBack")
                        .isNull())
                .as("the replaced code matches nothing")
                .isTrue();
        assertThat(reader.query(READ, Map.of("s", medway.slug(), "c", second))
                        .data()
                        .path("heardBack")
                        .path("title")
                        .asText())
                .isEqualTo("Reissued survey");
        assertThat(youthLead
                        .query(HEARD, Map.of("id", given))
                        .data()
                        .path("node")
                        .path("feedbackCode")
                        .toString())
                .isEqualTo("{\"status\":\"LIVE\",\"expiresOn\":\"" + TODAY.plusDays(90) + "\",\"version\":1}");
    }

    @Test
    void an_answer_without_its_question_or_with_too_many_words_is_refused_naming_the_field_and_nothing_is_kept() {
        String code = issued(youthLead, told(youthLead, youthService, "Words survey", TODAY.minusDays(7)));
        long before = answersIn(medway);
        Map<String, Object> unanswered = new HashMap<>(answer(code, null, null));
        Reply missing = anyone.query(ANSWER, Map.of("i", unanswered));
        Reply tooLong = anyone.query(ANSWER, Map.of("i", answer(code, "NO", "x".repeat(1001))));
        Reply notAnAnswer = anyone.query(ANSWER, Map.of("i", answer(code, "MAYBE", null)));

        assertThat(userError(missing, "answerHeardBack"))
                .isEqualTo("REQUIRED heard Say whether you heard what happened because of what you said.");
        assertThat(userError(tooLong, "answerHeardBack"))
                .isEqualTo("TOO_LONG words The words is longer than 1000 characters.");
        assertThat(notAnAnswer.status()).isEqualTo(400);
        assertThat(answersIn(medway)).isEqualTo(before);
    }

    private static long answersIn(TestTenant tenant) {
        return TenantData.rows(tenant.id(), "feedback_answer");
    }

    private static String userError(Reply reply, String field) {
        JsonNode error = reply.data().path(field).path("userErrors").path(0);
        return error.path("code").asText() + " " + error.path("field").path(1).asText() + " "
                + error.path("message").asText();
    }

    private Map<String, Object> answer(String code, String heard, String words) {
        Map<String, Object> input = new HashMap<>();
        input.put("tenantSlug", medway.slug());
        input.put("code", code);
        input.put("heard", heard);
        input.put("words", words);
        return input;
    }

    /** Issues the activity's first code as the caller; the code's text. */
    private static String issued(ApiCaller keeper, String activity) {
        Reply reply = keeper.query(ISSUE, Map.of("i", Map.of("subjectId", activity)));
        JsonNode payload = reply.data().path("issueFeedbackCode");
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("code").asText();
    }

    /** The row id of the activity a code of this test was issued for, found through its hash. */
    private String activityOf(String codeOrId) {
        if (GlobalId.decode(codeOrId).isPresent()) {
            return GlobalId.decode(codeOrId).orElseThrow().uuid().toString();
        }
        return TenantData.query(
                        medway.id(),
                        "SELECT subject_id FROM feedback_code WHERE code_hash = decode('"
                                + HexFormat.of().formatHex(CodeTexts.sha256(codeOrId.replace("-", ""))) + "', 'hex')")
                .getFirst();
    }

    private String partner(TestTenant tenant, ApiCaller admin, String name) {
        new PublishedDocuments(admin)
                .publish(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        Map.of(
                                "partnerCategories",
                                List.of(Map.of("code", "statutory", "label", "Statutory partner")),
                                "ageBands",
                                List.of(Map.of("label", "Young people", "fromAge", 12, "toAge", 18))));
        return new PledgeFixture(admin).partner(name, "statutory", true);
    }

    private ApiCaller lead(TestTenant tenant, String partner) {
        return new ApiCaller(server)
                .withToken(TestIdentityProvider.token("lead-" + UUID.randomUUID())
                        .roles(Role.PARTNER_LEAD)
                        .organisations(tenant.slug())
                        .partnerOrganisation(
                                GlobalId.decode(partner).orElseThrow().uuid())
                        .claim("name", "Jo Kavanagh")
                        .sign());
    }

    private static Map<String, Object> activity(String partner, String title, LocalDate start) {
        return Map.of(
                "partnerOrganisationId",
                partner,
                "title",
                title,
                "purpose",
                "To hear what young people need.",
                "startsOn",
                start.toString(),
                "endsOn",
                start.plusDays(2).toString(),
                "ageBands",
                List.of("Young people"));
    }

    /** An activity recorded by the keeper with its feedback given two days after it started; its global id. */
    private static String told(ApiCaller keeper, String partner, String title, LocalDate start) {
        String id = saved(keeper.query(SAVE, Map.of("i", activity(partner, title, start))));
        Reply feedback = keeper.query(
                FEEDBACK,
                Map.of(
                        "i",
                        Map.of(
                                "id",
                                id,
                                "version",
                                0,
                                "youSaid",
                                "Said about " + title + ".",
                                "weDid",
                                "Did about " + title + ".",
                                "givenOn",
                                start.plusDays(2).toString())));
        assertThat(feedback.data().path("recordParticipationFeedback").path("userErrors"))
                .as(feedback.text())
                .isEmpty();
        return id;
    }

    private static String saved(Reply reply) {
        JsonNode payload = reply.data().path("saveParticipationActivity");
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("participationActivity").path("id").asText();
    }

    private static void ownerUpdate(UUID tenant, String sql) {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenant.toString());
                bind.execute();
            }
            owner.createStatement().executeUpdate(sql);
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement on the refusals of one address (by its hash); a count for a query, rows changed otherwise. */
    private static int refusals(String addressHash, String sql) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.client', ?, true)")) {
                bind.setString(1, addressHash);
                bind.execute();
            }
            int result;
            if (sql.startsWith("SELECT")) {
                var rows = owner.createStatement().executeQuery(sql);
                rows.next();
                result = rows.getInt(1);
            } else {
                result = owner.createStatement().executeUpdate(sql);
            }
            owner.commit();
            return result;
        }
    }
}
