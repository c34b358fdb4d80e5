package uk.trustplatform.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.notifications.OverdueFinder;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PublishedDocuments;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The participation register of a partnership with Medway's age bands and audience groups: what
 * partners record, the feedback loop, the rules that refuse bad input, and the calendar.
 */
@MicronautTest(transactional = false)
class ParticipationRegisterIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String FIELDS = "id version title purpose decisionInformed decisionStage decisionDueOn"
            + " startsOn endsOn ageBands audienceGroups methods participants ladderRung hearByRightStage"
            + " feedbackDueOn feedbackDueAfterDecision quietPeriods { name firstDay lastDay } stage recordedAt"
            + " partnerOrganisation { name } feedback { youSaid weDid givenOn method }";
    private static final String SAVE =
            "mutation ($i: SaveParticipationActivityInput!) { saveParticipationActivity(input: $i)"
                    + " { participationActivity { " + FIELDS + " } userErrors { field message code } } }";
    private static final String FEEDBACK =
            "mutation ($i: RecordParticipationFeedbackInput!) { recordParticipationFeedback(input: $i)"
                    + " { participationActivity { " + FIELDS + " } userErrors { field message code } } }";

    @Inject
    EmbeddedServer server;

    @Inject
    @Named("overdue-feedback")
    OverdueFinder overdue;

    @Inject
    TenantTransactions transactions;

    private TestTenant medway;
    private ApiCaller admin;
    private String youthService;
    private String fosterCare;

    @BeforeEach
    void medwayWithItsVocabularies() {
        medway = TestTenants.active("medway");
        admin = as("admin", Role.TENANT_ADMIN, null);
        new PublishedDocuments(admin)
                .publish(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        Map.of(
                                "partnerCategories",
                                List.of(
                                        Map.of("code", "statutory", "label", "Statutory partner"),
                                        Map.of("code", "voluntary", "label", "Voluntary partner")),
                                "ageBands",
                                List.of(
                                        Map.of("label", "Children", "fromAge", 0, "toAge", 11),
                                        Map.of("label", "Young people", "fromAge", 12, "toAge", 18)),
                                "audienceGroups",
                                List.of(
                                        Map.of("code", "young-carers", "label", "Young carers"),
                                        Map.of("code", "looked-after", "label", "Children in care")),
                                "participationMethods",
                                List.of(
                                        Map.of("code", "survey", "label", "Survey"),
                                        Map.of("code", "forum", "label", "Youth forum")),
                                "hartsLadderLevels",
                                List.of(
                                        Map.of("rung", 1, "name", "Manipulation"),
                                        Map.of("rung", 8, "name", "Young people initiate, shared decisions"))));
        PledgeFixture partners = new PledgeFixture(admin);
        youthService = partners.partner("Medway Youth Service", "statutory", true);
        fosterCare = partners.partner("Medway Foster Care", "voluntary", false);
    }

    @Test
    void a_partner_lead_records_an_activity_and_closes_its_feedback_loop_each_step_audited() {
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, uuid(youthService));

        JsonNode recorded = saved(lead.query(SAVE, Map.of("i", survey(youthService, TODAY.minusDays(10)))));
        int announcedOverdue = announceOverdue(TODAY);
        JsonNode fedBack = saved(
                lead.query(
                        FEEDBACK,
                        Map.of(
                                "i",
                                Map.of(
                                        "id",
                                        recorded.path("id").asText(),
                                        "version",
                                        0,
                                        "youSaid",
                                        "Meet after school, not in the holidays.",
                                        "weDid",
                                        "The young carers' group now meets at 4pm on Thursdays.",
                                        "givenOn",
                                        TODAY.toString(),
                                        "method",
                                        "Through the young carers' group"))),
                "recordParticipationFeedback");
        int announcedOnceGiven = announceOverdue(TODAY.plusDays(1));

        assertThat(recorded.path("stage").asText()).isEqualTo("FEEDBACK_OVERDUE");
        assertThat(announcedOverdue).isEqualTo(1);
        assertThat(announcedOnceGiven).as("feedback given is not overdue").isZero();
        assertThat(TenantData.query(
                        medway.id(),
                        "SELECT kind || ' ' || (summary->>'dueOn') || ' ' || (partner_organisation_id = '"
                                + uuid(youthService) + "') FROM domain_event WHERE subject_id = '"
                                + uuid(recorded.path("id").asText()) + "'"))
                .containsExactly("participation_activity.feedback_overdue " + TODAY.minusDays(1) + " true");
        assertThat(recorded.path("partnerOrganisation").path("name").asText()).isEqualTo("Medway Youth Service");
        assertThat(recorded.path("ageBands").toString()).isEqualTo("[\"Young people\"]");
        assertThat(recorded.path("audienceGroups").toString()).isEqualTo("[\"young-carers\"]");
        assertThat(recorded.path("methods").toString()).isEqualTo("[\"survey\",\"forum\"]");
        assertThat(recorded.path("participants").asInt()).isEqualTo(34);
        assertThat(recorded.path("ladderRung").asInt()).isEqualTo(8);
        assertThat(recorded.path("hearByRightStage").asText()).isEqualTo("ESTABLISHED");
        assertThat(recorded.path("feedback").isNull()).isTrue();
        assertThat(fedBack.path("stage").asText()).isEqualTo("FEEDBACK_GIVEN");
        assertThat(fedBack.path("version").asInt()).isEqualTo(1);
        assertThat(fedBack.path("feedback").path("weDid").asText()).startsWith("The young carers' group");
        assertThat(fedBack.path("feedback").path("givenOn").asText()).isEqualTo(TODAY.toString());
        assertThat(TenantData.query(
                        medway.id(),
                        "SELECT action || ' by ' || actor FROM audit_event WHERE action LIKE 'ParticipationActivity.%'"
                                + " ORDER BY occurred_at"))
                .containsExactly(
                        "ParticipationActivity.recorded by lead-" + medway.slug(),
                        "ParticipationActivity.feedbackRecorded by lead-" + medway.slug());
    }

    @Test
    void a_partner_reads_and_keeps_only_its_own_register_and_the_board_reads_every_partners() {
        record(survey(youthService, TODAY));
        record(survey(fosterCare, TODAY));
        ApiCaller fosterLead = as("foster-lead", Role.PARTNER_LEAD, uuid(fosterCare));
        String list = "{ participationActivities { edges { node { id partnerOrganisation { name } } } } }";

        List<String> board =
                as("board", Role.BOARD_MEMBER, null).query(list).data().findValuesAsText("name");
        List<String> foster = fosterLead.query(list).data().findValuesAsText("name");
        Reply forOther = fosterLead.query(SAVE, Map.of("i", survey(youthService, TODAY)));

        assertThat(board).containsExactlyInAnyOrder("Medway Youth Service", "Medway Foster Care");
        assertThat(foster).containsExactly("Medway Foster Care");
        assertThat(forOther.data()
                        .path("saveParticipationActivity")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .as(forOther.text())
                .isEqualTo("NOT_FOUND");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void bad_input_names_the_field_and_the_rule_and_nothing_is_written() {
        Map<String, Object> unknownBand = new HashMap<>(survey(youthService, TODAY));
        unknownBand.put("ageBands", List.of("Teenagers"));
        Map<String, Object> backwards = new HashMap<>(survey(youthService, TODAY));
        backwards.put("endsOn", TODAY.minusDays(1).toString());
        Map<String, Object> nobody = new HashMap<>(survey(youthService, TODAY));
        nobody.put("ageBands", List.of());
        nobody.put("audienceGroups", List.of(" "));
        Map<String, Object> rung = new HashMap<>(survey(youthService, TODAY));
        rung.put("ladderRung", 5);

        assertThat(refusal(unknownBand))
                .isEqualTo("[\"input\",\"ageBands\"] NOT_FOUND 'Teenagers' is not one of the tenant's age bands:"
                        + " Children, Young people.");
        assertThat(refusal(backwards))
                .isEqualTo("[\"input\",\"endsOn\"] NOT_ALLOWED The activity ends before it starts.");
        assertThat(refusal(nobody))
                .isEqualTo("[\"input\",\"audienceGroups\"] REQUIRED Say who the activity is aimed at: an age band,"
                        + " an audience group, or both.");
        assertThat(refusal(rung))
                .isEqualTo("[\"input\",\"ladderRung\"] NOT_FOUND Rung 5 is not one of the tenant's ladder of"
                        + " participation: [1, 8].");
        assertThat(count()).isZero();

        JsonNode activity = record(survey(youthService, TODAY));
        JsonNode early = admin.query(
                        FEEDBACK,
                        Map.of(
                                "i",
                                Map.of(
                                        "id",
                                        activity.path("id").asText(),
                                        "version",
                                        0,
                                        "youSaid",
                                        "Later, please.",
                                        "weDid",
                                        "Moved it.",
                                        "givenOn",
                                        TODAY.plusDays(1).toString())))
                .data()
                .path("recordParticipationFeedback");
        assertThat(early.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"givenOn\"]");
        assertThat(TenantData.query(medway.id(), "SELECT count(*) FROM participation_activity WHERE you_said IS NULL"))
                .containsExactly("1");
    }

    /** Dates arrive through the Date scalar, which once read 2026-02-30 as the 28th and took year 99999. */
    @Test
    void an_impossible_date_is_refused_naming_the_field_and_nothing_is_written() {
        Map<String, Object> thirtiethOfFebruary = new HashMap<>(survey(youthService, TODAY));
        thirtiethOfFebruary.put("startsOn", "2026-02-30");
        Map<String, Object> farFuture = new HashMap<>(survey(youthService, TODAY));
        farFuture.put("endsOn", "99999-01-01");
        Map<String, Object> thirtyFirstOfApril = new HashMap<>(survey(youthService, TODAY));
        thirtyFirstOfApril.put("feedbackDueOn", "2026-04-31");

        Reply february = admin.query(SAVE, Map.of("i", thirtiethOfFebruary));
        Reply future = admin.query(SAVE, Map.of("i", farFuture));
        Reply april = admin.query(SAVE, Map.of("i", thirtyFirstOfApril));
        Reply calendar = admin.query(
                "{ participationCalendar(from: \"2026-02-30\", to: \"2026-03-31\") { activities { title } } }");

        assertDateRefused(february, "input.startsOn", "saveParticipationActivity");
        assertDateRefused(future, "input.endsOn", "saveParticipationActivity");
        assertDateRefused(april, "input.feedbackDueOn", "saveParticipationActivity");
        assertDateRefused(calendar, "from", "participationCalendar");
        assertThat(count()).isZero();
    }

    private static void assertDateRefused(Reply reply, String argument, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(reply.firstError().path("message").asText())
                .isEqualTo("Argument '" + argument + "' of field '" + field
                        + "' must be a real date, such as 2026-12-01, in the years 1900 to 2999.");
        assertThat(reply.body().has("data")).isFalse();
    }

    /** A form left without a date reaches the API as no date: refused like any other missing answer. */
    @Test
    void a_missing_start_or_feedback_date_is_a_required_answer_and_nothing_is_written() {
        Map<String, Object> noStart = new HashMap<>(survey(youthService, TODAY));
        noStart.remove("startsOn");
        Map<String, Object> nullStart = new HashMap<>(survey(youthService, TODAY));
        nullStart.put("startsOn", null);

        assertThat(refusal(noStart)).isEqualTo("[\"input\",\"startsOn\"] REQUIRED Give the date the activity starts.");
        assertThat(refusal(nullStart))
                .isEqualTo("[\"input\",\"startsOn\"] REQUIRED Give the date the activity starts.");
        assertThat(count()).isZero();

        JsonNode activity = record(survey(youthService, TODAY));
        Map<String, Object> noDay = new HashMap<>(Map.of(
                "id", activity.path("id").asText(), "version", 0, "youSaid", "Later, please.", "weDid", "Moved it."));
        noDay.put("givenOn", null);
        JsonNode refused = admin.query(FEEDBACK, Map.of("i", noDay)).data().path("recordParticipationFeedback");

        assertThat(refused.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"givenOn\"]");
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("REQUIRED");
        assertThat(refused.path("participationActivity").isNull()).isTrue();
        assertThat(TenantData.query(medway.id(), "SELECT count(*) FROM participation_activity WHERE you_said IS NULL"))
                .containsExactly("1");
    }

    @Test
    void an_edit_from_a_stale_version_is_refused_and_overwrites_nothing() {
        JsonNode activity = record(survey(youthService, TODAY));
        Map<String, Object> first = new HashMap<>(survey(youthService, TODAY));
        first.putAll(Map.of("id", activity.path("id").asText(), "version", 0, "title", "First edit"));
        Map<String, Object> second = new HashMap<>(first);
        second.put("title", "Second edit");

        saved(admin.query(SAVE, Map.of("i", first)));
        JsonNode stale = admin.query(SAVE, Map.of("i", second)).data().path("saveParticipationActivity");

        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(TenantData.query(medway.id(), "SELECT title FROM participation_activity"))
                .containsExactly("First edit");
    }

    @Test
    void the_calendar_shows_when_partners_ask_the_same_children_at_once_without_naming_other_partners() {
        LocalDate march = LocalDate.of(2027, 3, 1);
        record(activity(youthService, "Young carers' survey", march, 9, "young-carers"));
        record(activity(fosterCare, "Carers' focus group", march.plusDays(4), 0, "young-carers"));
        record(activity(fosterCare, "Children in care council", march.plusDays(4), 0, "looked-after"));
        record(activity(fosterCare, "Summer survey", march.plusMonths(3), 0, "young-carers"));
        String calendar = "{ participationCalendar(from: \"2027-03-01\", to: \"2027-03-31\") {"
                + " activities { activityId title partnerOrganisationName startsOn audienceGroups }"
                + " clashes { audienceKind audience from to activities { title startsOn } } } }";

        JsonNode board = read(as("board", Role.BOARD_MEMBER, null), calendar, "participationCalendar");
        JsonNode lead = read(as("lead", Role.PARTNER_LEAD, uuid(youthService)), calendar, "participationCalendar");

        assertThat(board.path("activities").findValuesAsText("title"))
                .containsExactlyInAnyOrder("Young carers' survey", "Carers' focus group", "Children in care council");
        assertThat(board.path("clashes")).hasSize(1);
        JsonNode clash = board.path("clashes").path(0);
        assertThat(clash.path("audienceKind").asText()).isEqualTo("GROUP");
        assertThat(clash.path("audience").asText()).isEqualTo("young-carers");
        assertThat(clash.path("from").asText()).isEqualTo("2027-03-01");
        assertThat(clash.path("to").asText()).isEqualTo("2027-03-10");
        assertThat(clash.path("activities").findValuesAsText("title"))
                .containsExactly("Young carers' survey", "Carers' focus group");

        assertThat(lead.path("activities")).hasSize(3);
        assertThat(lead.path("activities").path(0).path("title").asText()).isEqualTo("Young carers' survey");
        assertThat(lead.path("activities").path(1).path("title").isNull()).isTrue();
        assertThat(lead.path("activities")
                        .path(1)
                        .path("partnerOrganisationName")
                        .isNull())
                .isTrue();
        assertThat(lead.path("activities").path(1).path("activityId").isNull()).isTrue();
        assertThat(lead.toString()).doesNotContain("Foster").doesNotContain("focus group");
        assertThat(lead.path("clashes")
                        .path(0)
                        .path("activities")
                        .path(1)
                        .path("startsOn")
                        .asText())
                .as("the lead still learns another partner asks the same group those days")
                .isEqualTo("2027-03-05");

        Reply tooLong = admin.query("{ participationCalendar(from: \"2027-01-01\", to: \"2028-06-01\") { from } }");
        assertThat(tooLong.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void an_activity_says_which_stage_of_its_decision_it_informs_and_is_flagged_when_they_would_hear_back_after_it() {
        LocalDate start = LocalDate.of(2027, 3, 1);
        Map<String, Object> early = new HashMap<>(survey(youthService, start));
        early.put("decisionStage", "UNDERSTAND");
        early.put("decisionDueOn", start.plusDays(5).toString());

        JsonNode recorded = record(early);
        JsonNode changed = saved(admin.query(
                SAVE,
                Map.of(
                        "i",
                        change(
                                recorded,
                                early,
                                Map.of(
                                        "decisionStage",
                                        "PLAN",
                                        "decisionDueOn",
                                        start.plusDays(30).toString())))));
        JsonNode without = record(survey(youthService, start));

        assertThat(recorded.path("decisionStage").asText()).isEqualTo("UNDERSTAND");
        assertThat(recorded.path("decisionDueOn").asText()).isEqualTo("2027-03-06");
        assertThat(recorded.path("feedbackDueAfterDecision").asBoolean())
                .as("feedback due 10 March, the decision 6 March")
                .isTrue();
        assertThat(changed.path("decisionStage").asText()).isEqualTo("PLAN");
        assertThat(changed.path("decisionDueOn").asText()).isEqualTo("2027-03-31");
        assertThat(changed.path("feedbackDueAfterDecision").asBoolean()).isFalse();
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(without.path("decisionStage").isNull()).isTrue();
        assertThat(without.path("decisionDueOn").isNull()).isTrue();
        assertThat(without.path("feedbackDueAfterDecision").asBoolean()).isFalse();
        assertThat(TenantData.query(
                        medway.id(),
                        "SELECT decision_stage || ' ' || decision_due_on FROM participation_activity"
                                + " WHERE decision_stage IS NOT NULL"))
                .containsExactly("PLAN 2027-03-31");
        assertThat(
                        TenantData.query(
                                medway.id(),
                                "SELECT after->>'decisionStage' FROM audit_event WHERE action = 'ParticipationActivity.changed'"))
                .containsExactly("PLAN");
    }

    @Test
    void a_decision_due_before_the_activity_starts_is_refused_naming_the_field_and_nothing_is_written() {
        LocalDate start = LocalDate.of(2027, 3, 1);
        Map<String, Object> tooLate = new HashMap<>(survey(youthService, start));
        tooLate.put("decisionDueOn", start.minusDays(1).toString());

        assertThat(refusal(tooLate))
                .isEqualTo("[\"input\",\"decisionDueOn\"] NOT_ALLOWED The decision it informs must be due on or after"
                        + " the day the activity starts.");
        assertThat(count()).isZero();

        Map<String, Object> onTheDay = new HashMap<>(survey(youthService, start));
        onTheDay.put("decisionDueOn", start.toString());
        JsonNode activity = record(onTheDay);

        assertThat(refusal(change(
                        activity, onTheDay, Map.of("startsOn", start.plusDays(1).toString()))))
                .as("moving the start past the decision is refused too")
                .startsWith("[\"input\",\"decisionDueOn\"] NOT_ALLOWED");
        assertThat(TenantData.query(medway.id(), "SELECT starts_on || ' ' || version FROM participation_activity"))
                .containsExactly("2027-03-01 0");
    }

    @Test
    void an_activity_in_a_quiet_period_is_flagged_and_the_calendar_shows_the_quiet_periods_of_its_months() {
        JsonNode quiet = admin.query(
                        "mutation ($i: SetQuietPeriodsInput!) { setQuietPeriods(input: $i) { userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "version",
                                        0,
                                        "quietPeriods",
                                        List.of(
                                                quietPeriod("GCSE and A level exams", "2027-05-10", "2027-06-25"),
                                                quietPeriod("May half term", "2027-05-31", "2027-06-04"),
                                                quietPeriod("Summer holidays", "2027-07-22", "2027-09-01")))))
                .data()
                .path("setQuietPeriods");
        assertThat(quiet.path("userErrors")).as(quiet.toString()).isEmpty();
        JsonNode inside =
                record(activity(youthService, "Exam-time survey", LocalDate.of(2027, 5, 28), 4, "young-carers"));
        JsonNode before = record(activity(fosterCare, "Easter survey", LocalDate.of(2027, 4, 5), 4, "young-carers"));
        JsonNode lastDay = record(activity(fosterCare, "Results day", LocalDate.of(2027, 6, 25), 0, "looked-after"));
        String calendar = "{ participationCalendar(from: \"2027-04-01\", to: \"2027-06-30\") {"
                + " quietPeriods { name firstDay lastDay } activities { title startsOn quietPeriods { name } } } }";

        JsonNode lead = read(as("lead", Role.PARTNER_LEAD, uuid(youthService)), calendar, "participationCalendar");
        JsonNode register = read(
                as("lead", Role.PARTNER_LEAD, uuid(youthService)),
                "{ participationActivities { edges { node { title quietPeriods { name } } } } }",
                "participationActivities");

        assertThat(inside.path("quietPeriods").toString())
                .isEqualTo(
                        "[{\"name\":\"GCSE and A level exams\",\"firstDay\":\"2027-05-10\",\"lastDay\":\"2027-06-25\"},"
                                + "{\"name\":\"May half term\",\"firstDay\":\"2027-05-31\",\"lastDay\":\"2027-06-04\"}]");
        assertThat(before.path("quietPeriods")).isEmpty();
        assertThat(lastDay.path("quietPeriods").findValuesAsText("name"))
                .as("the period's last day is in it")
                .containsExactly("GCSE and A level exams");
        assertThat(lead.path("quietPeriods").findValuesAsText("name"))
                .as("the summer holidays fall after these months")
                .containsExactly("GCSE and A level exams", "May half term");
        assertThat(lead.path("activities").findValuesAsText("startsOn"))
                .containsExactly("2027-04-05", "2027-05-28", "2027-06-25");
        assertThat(lead.path("activities").path(0).path("quietPeriods")).isEmpty();
        assertThat(lead.path("activities").path(1).path("quietPeriods").findValuesAsText("name"))
                .containsExactly("GCSE and A level exams", "May half term");
        assertThat(lead.path("activities").path(2).path("title").isNull())
                .as("another partner's activity, flagged without its title")
                .isTrue();
        assertThat(lead.path("activities").path(2).path("quietPeriods").findValuesAsText("name"))
                .containsExactly("GCSE and A level exams");
        assertThat(register.path("edges").findValuesAsText("title")).containsExactly("Exam-time survey");
        assertThat(register.path("edges").findValues("quietPeriods").getFirst().findValuesAsText("name"))
                .containsExactly("GCSE and A level exams", "May half term");
    }

    /** The input that changes an activity as recorded (from {@code recordedWith}) in {@code changes}. */
    private static Map<String, Object> change(
            JsonNode recorded, Map<String, Object> recordedWith, Map<String, Object> changes) {
        Map<String, Object> input = new HashMap<>(recordedWith);
        input.remove("partnerOrganisationId");
        input.put("id", recorded.path("id").asText());
        input.put("version", recorded.path("version").asInt());
        input.putAll(changes);
        return input;
    }

    private static Map<String, Object> quietPeriod(String name, String firstDay, String lastDay) {
        return Map.of("name", name, "firstDay", firstDay, "lastDay", lastDay);
    }

    @Test
    void the_board_is_told_how_many_took_part_how_far_up_the_ladder_and_whether_they_heard_back() {
        LocalDate april = LocalDate.of(2026, 4, 1);
        JsonNode asked = record(survey(youthService, april));
        saved(
                admin.query(
                        FEEDBACK,
                        Map.of(
                                "i",
                                Map.of(
                                        "id",
                                        asked.path("id").asText(),
                                        "version",
                                        0,
                                        "youSaid",
                                        "Later meetings",
                                        "weDid",
                                        "Moved them",
                                        "givenOn",
                                        april.plusDays(20).toString()))),
                "recordParticipationFeedback");
        record(survey(fosterCare, april.plusMonths(1)));
        record(activity(fosterCare, "Care council", april.plusMonths(2), 0, "looked-after"));
        record(activity(fosterCare, "Next year", april.plusYears(1), 0, "looked-after"));
        String summary = "{ participationSummary(from: \"2026-04-01\", to: \"2027-03-31\") { activities participants"
                + " withoutParticipantCount informingDecisions ended feedbackGiven feedbackOverdue"
                + " byLadderRung { rung activities } } }";

        JsonNode board = read(as("board", Role.BOARD_MEMBER, null), summary, "participationSummary");
        JsonNode lead = read(as("lead", Role.PARTNER_LEAD, uuid(youthService)), summary, "participationSummary");

        // Three activities started in the year: two surveys of 34 (one fed back), one care council not counted.
        assertThat(board.path("activities").asInt()).isEqualTo(3);
        assertThat(board.path("participants").asInt()).isEqualTo(68);
        assertThat(board.path("withoutParticipantCount").asInt()).isEqualTo(1);
        assertThat(board.path("informingDecisions").asInt()).isEqualTo(2);
        assertThat(board.path("ended").asInt()).isEqualTo(3);
        assertThat(board.path("feedbackGiven").asInt()).isEqualTo(1);
        assertThat(board.path("feedbackOverdue").asInt()).isEqualTo(1);
        assertThat(board.path("byLadderRung").toString())
                .isEqualTo("[{\"rung\":8,\"activities\":2},{\"rung\":null,\"activities\":1}]");
        assertThat(lead.path("activities").asInt()).isEqualTo(1);
        assertThat(lead.path("feedbackGiven").asInt()).isEqualTo(1);
        assertThat(admin.query("{ participationSummary(from: \"2020-01-01\", to: \"2026-01-02\") { activities } }")
                        .errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    private int announceOverdue(LocalDate today) {
        return transactions.inTenant(medway.id(), false, () -> overdue.announce(medway.id(), today));
    }

    private Map<String, Object> survey(String partner, LocalDate start) {
        Map<String, Object> input = new HashMap<>(activity(partner, "Young carers' survey", start, 5, "young-carers"));
        input.putAll(Map.of(
                "decisionInformed",
                "How the young carers' service is commissioned next year",
                "ageBands",
                List.of("Young people"),
                "methods",
                List.of("survey", "forum", "survey"),
                "participants",
                34,
                "ladderRung",
                8,
                "hearByRightStage",
                "ESTABLISHED",
                "feedbackDueOn",
                start.plusDays(9).toString()));
        return input;
    }

    private static Map<String, Object> activity(String partner, String title, LocalDate start, int days, String group) {
        return Map.of(
                "partnerOrganisationId",
                partner,
                "title",
                title,
                "purpose",
                "To hear what they need from the service.",
                "startsOn",
                start.toString(),
                "endsOn",
                start.plusDays(days).toString(),
                "audienceGroups",
                List.of(group));
    }

    private String refusal(Map<String, Object> input) {
        JsonNode payload = admin.query(SAVE, Map.of("i", input)).data().path("saveParticipationActivity");
        JsonNode error = payload.path("userErrors").path(0);
        return error.path("field") + " " + error.path("code").asText() + " "
                + error.path("message").asText();
    }

    /** Records an activity as the tenant admin; the activity as saved. */
    private JsonNode record(Map<String, Object> input) {
        return saved(admin.query(SAVE, Map.of("i", input)));
    }

    /** What a caller reads of one query field. */
    private static JsonNode read(ApiCaller caller, String query, String field) {
        return caller.query(query).data().path(field);
    }

    private static JsonNode saved(Reply reply) {
        return saved(reply, "saveParticipationActivity");
    }

    private static JsonNode saved(Reply reply, String field) {
        JsonNode payload = reply.data().path(field);
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("participationActivity");
    }

    private int count() {
        return Integer.parseInt(TenantData.query(medway.id(), "SELECT count(*) FROM participation_activity")
                .getFirst());
    }

    private static UUID uuid(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    private ApiCaller as(String subject, Role role, UUID partner) {
        return ApiCaller.member(server, subject, role, medway.slug(), partner);
    }
}
