package uk.trustplatform.inspections;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PublishedDocuments;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Inspections by young inspectors in a partnership with Medway's age bands and its five Young
 * Inspectors questions: the lifecycle from draft to responded, the names rule and the other rules
 * that refuse bad input, optimistic locking, who may read and keep them, and the public kite mark.
 */
@MicronautTest(transactional = false)
class InspectionsIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String FIELDS = "id version status serviceName inspectedOn findings kiteMarkAwarded reportedOn"
            + " kiteMarkExpiresOn kiteMarkExpired recordedAt partnerOrganisation { name } inspectors { name ageBand }"
            + " answers { question questionText answer } recommendations { number text response respondedOn }";
    private static final String SAVE = "mutation ($i: SaveInspectionInput!) { saveInspection(input: $i)"
            + " { inspection { " + FIELDS + " } userErrors { field message code } } }";
    private static final String REPORT = "mutation ($i: ReportInspectionInput!) { reportInspection(input: $i)"
            + " { inspection { " + FIELDS + " } userErrors { field message code } } }";
    private static final String RESPOND =
            "mutation ($i: RespondToRecommendationInput!) { respondToRecommendation(input: $i)" + " { inspection { "
                    + FIELDS + " } userErrors { field message code } } }";
    private static final String KITE_MARKS =
            "query ($s: String!) { publicKiteMarks(tenantSlug: $s) { agencyName serviceName awardedOn expiresOn } }";
    private static final String SETTINGS = "mutation ($i: UpdatePartnershipSettingsInput!) {"
            + " updatePartnershipSettings(input: $i) { partnershipSettings { kiteMarkValidMonths version }"
            + " userErrors { field message code } } }";

    @Inject
    EmbeddedServer server;

    private TestTenant medway;
    private ApiCaller admin;
    private String youthService;
    private String fosterCare;

    @BeforeEach
    void medwayWithItsYoungInspectorsQuestions() {
        medway = TestTenants.active("medway");
        admin = as("admin", Role.TENANT_ADMIN, null);
        new PublishedDocuments(admin)
                .publish(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        Map.of(
                                "partnerCategories",
                                List.of(Map.of("code", "statutory", "label", "Statutory partner")),
                                "ageBands",
                                List.of(
                                        Map.of("label", "Children", "fromAge", 0, "toAge", 11),
                                        Map.of("label", "Young people", "fromAge", 12, "toAge", 18)),
                                "inspectionQuestions",
                                List.of(
                                        Map.of("code", "accessible", "label", "Is the service accessible?"),
                                        Map.of("code", "welcoming", "label", "Is the service welcoming?"),
                                        Map.of(
                                                "code",
                                                "young-people-involved",
                                                "label",
                                                "Are young people involved in making the service better?"))));
        PledgeFixture partners = new PledgeFixture(admin);
        youthService = partners.partner("Medway Youth Service", "statutory", true);
        fosterCare = partners.partner("Medway Foster Care", "statutory", false);
    }

    @Test
    void a_partner_lead_records_reports_and_responds_each_step_audited_and_the_public_sees_only_the_kite_mark() {
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, uuid(youthService));

        JsonNode draft = saved(lead.query(SAVE, Map.of("i", visit(youthService))), "saveInspection");
        Map<String, Object> changed = new HashMap<>(visit(youthService));
        changed.putAll(Map.of(
                "id",
                draft.path("id").asText(),
                "version",
                0,
                "recommendations",
                List.of("Put the opening times on the door.", " ", "Ask young people to help plan the sessions.")));
        JsonNode edited = saved(lead.query(SAVE, Map.of("i", changed)), "saveInspection");
        JsonNode reported = saved(
                lead.query(
                        REPORT,
                        Map.of("i", Map.of("id", draft.path("id").asText(), "version", 1, "kiteMarkAwarded", true))),
                "reportInspection");
        JsonNode halfAnswered =
                saved(lead.query(RESPOND, Map.of("i", response(draft, 2, 2, "We will."))), "respondToRecommendation");
        JsonNode answered = saved(
                lead.query(RESPOND, Map.of("i", response(draft, 3, 1, "The times are on the door now."))),
                "respondToRecommendation");
        Reply kiteMarks = new ApiCaller(server).query(KITE_MARKS, Map.of("s", medway.slug()));

        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("partnerOrganisation").path("name").asText()).isEqualTo("Medway Youth Service");
        assertThat(draft.path("inspectors").toString())
                .isEqualTo(
                        "[{\"name\":\"Priya\",\"ageBand\":\"Young people\"},{\"name\":\"Mary-Jane\",\"ageBand\":\"Children\"}]");
        // Sent welcoming first; kept in the tenant's order of questions, with the question's words.
        assertThat(draft.path("answers").findValuesAsText("question")).containsExactly("accessible", "welcoming");
        assertThat(draft.path("answers").path(0).path("questionText").asText()).isEqualTo("Is the service accessible?");
        assertThat(draft.path("recommendations").findValuesAsText("text"))
                .containsExactly("Put the opening times on the door.");
        assertThat(edited.path("version").asInt()).isEqualTo(1);
        assertThat(edited.path("recommendations").findValuesAsText("number")).containsExactly("1", "2");
        assertThat(reported.path("status").asText()).isEqualTo("REPORTED");
        assertThat(reported.path("kiteMarkAwarded").asBoolean()).isTrue();
        assertThat(reported.path("reportedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(halfAnswered.path("status").asText()).isEqualTo("REPORTED");
        assertThat(halfAnswered.path("recommendations").path(1).path("response").asText())
                .isEqualTo("We will.");
        assertThat(halfAnswered.path("recommendations").path(0).path("response").isNull())
                .isTrue();
        assertThat(answered.path("status").asText()).isEqualTo("RESPONDED");
        assertThat(answered.path("version").asInt()).isEqualTo(4);
        assertThat(answered.path("recommendations").path(0).path("respondedOn").asText())
                .isEqualTo(TODAY.toString());
        assertThat(kiteMarks.data().path("publicKiteMarks").toString())
                .isEqualTo(
                        "[{\"agencyName\":\"Medway Youth Service\",\"serviceName\":\"Youth club on Canterbury Street\","
                                + "\"awardedOn\":\"" + TODAY + "\",\"expiresOn\":\"" + TODAY.plusMonths(12) + "\"}]");
        assertThat(kiteMarks.text()).doesNotContain("Priya", "Mary-Jane", "ramp");
        assertThat(TenantData.query(
                        medway.id(),
                        "SELECT action || ' by ' || actor FROM audit_event WHERE action LIKE 'Inspection.%'"
                                + " ORDER BY occurred_at"))
                .containsExactly(
                        "Inspection.recorded by lead-" + medway.slug(),
                        "Inspection.changed by lead-" + medway.slug(),
                        "Inspection.reported by lead-" + medway.slug(),
                        "Inspection.responded by lead-" + medway.slug(),
                        "Inspection.responded by lead-" + medway.slug());
    }

    @Test
    void a_kite_mark_expires_the_partnerships_months_after_its_report_and_an_expired_one_is_no_longer_public() {
        JsonNode settings = admin.query("{ partnershipSettings { kiteMarkValidMonths version } }")
                .data()
                .path("partnershipSettings");
        JsonNode eighteen = admin.query(
                        SETTINGS, Map.of("i", settings(settings.path("version").asInt(), 18)))
                .data()
                .path("updatePartnershipSettings");
        JsonNode current = awarded(youthService);
        JsonNode older = awarded(fosterCare);
        // Awarded on 31 August 2024 for six months: the last of February 2025, the shorter month.
        int moved = TenantData.change(
                medway.id(),
                "UPDATE inspection SET inspected_on = '2024-08-20', reported_on = '2024-08-31',"
                        + " kite_mark_expires_on = '2025-02-28' WHERE partner_organisation_id = '"
                        + uuid(fosterCare) + "'");
        JsonNode six = admin.query(
                        SETTINGS,
                        Map.of(
                                "i",
                                settings(
                                        eighteen.path("partnershipSettings")
                                                .path("version")
                                                .asInt(),
                                        6)))
                .data()
                .path("updatePartnershipSettings");
        JsonNode listed = admin.query("{ inspections { edges { node { partnerOrganisation { name } kiteMarkExpiresOn"
                        + " kiteMarkExpired } } } }")
                .data()
                .path("inspections");
        JsonNode kiteMarks = new ApiCaller(server)
                .query(KITE_MARKS, Map.of("s", medway.slug()))
                .data()
                .path("publicKiteMarks");

        assertThat(settings.path("kiteMarkValidMonths").asInt())
                .as("the default")
                .isEqualTo(12);
        assertThat(eighteen.path("userErrors")).isEmpty();
        LocalDate reportedOn = LocalDate.parse(current.path("reportedOn").asText());
        assertThat(current.path("kiteMarkExpiresOn").asText())
                .as("18 months after the day it was reported, whatever day that is")
                .isEqualTo(reportedOn.plusMonths(18).toString());
        assertThat(current.path("kiteMarkExpired").asBoolean()).isFalse();
        assertThat(older.path("kiteMarkExpired").asBoolean()).isFalse();
        assertThat(moved).isEqualTo(1);
        assertThat(six.path("userErrors")).isEmpty();
        assertThat(listed.findValuesAsText("kiteMarkExpiresOn"))
                .as("fixed when awarded: six months now does not shorten the mark of 18")
                .containsExactlyInAnyOrder(reportedOn.plusMonths(18).toString(), "2025-02-28");
        assertThat(listed.path("edges")
                        .valueStream()
                        .filter(edge -> edge.path("node")
                                .path("kiteMarkExpiresOn")
                                .asText()
                                .equals("2025-02-28"))
                        .map(edge -> edge.path("node").path("kiteMarkExpired").asBoolean())
                        .toList())
                .containsExactly(true);
        assertThat(kiteMarks.findValuesAsText("agencyName"))
                .as("the expired one is not listed")
                .containsExactly("Medway Youth Service");
        assertThat(kiteMarks.path(0).path("expiresOn").asText())
                .isEqualTo(reportedOn.plusMonths(18).toString());
    }

    @Test
    void a_kite_mark_validity_outside_1_to_60_months_is_refused_naming_it_and_nothing_changes() {
        int version = admin.query("{ partnershipSettings { version } }")
                .data()
                .path("partnershipSettings")
                .path("version")
                .asInt();

        JsonNode none =
                admin.query(SETTINGS, Map.of("i", settings(version, 0))).data().path("updatePartnershipSettings");
        JsonNode tooLong =
                admin.query(SETTINGS, Map.of("i", settings(version, 61))).data().path("updatePartnershipSettings");
        JsonNode fiveYears =
                admin.query(SETTINGS, Map.of("i", settings(version, 60))).data().path("updatePartnershipSettings");

        for (JsonNode refused : List.of(none, tooLong)) {
            assertThat(refused.path("partnershipSettings").isNull()).isTrue();
            assertThat(refused.path("userErrors").toString())
                    .isEqualTo("[{\"field\":[\"input\",\"kiteMarkValidMonths\"],\"message\":\"kiteMarkValidMonths"
                            + " must be between 1 and 60 months.\",\"code\":\"NOT_ALLOWED\"}]");
        }
        assertThat(fiveYears
                        .path("partnershipSettings")
                        .path("kiteMarkValidMonths")
                        .asInt())
                .isEqualTo(60);
        assertThat(fiveYears.path("partnershipSettings").path("version").asInt())
                .as("the refused ones changed nothing: the version moved once")
                .isEqualTo(version + 1);
    }

    @Test
    void an_inspection_with_no_organisation_or_age_band_selected_is_refused_naming_each_and_nothing_is_written() {
        Map<String, Object> unselected = new HashMap<>(visit(youthService));
        unselected.remove("partnerOrganisationId");
        unselected.put("inspectors", List.of(Map.of("name", "Priya", "ageBand", "")));

        JsonNode refused = admin.query(SAVE, Map.of("i", unselected)).data().path("saveInspection");

        assertThat(refused.path("inspection").isNull()).isTrue();
        assertThat(refused.path("userErrors")
                        .valueStream()
                        .map(error -> error.path("field").toString() + " "
                                + error.path("code").asText() + " "
                                + error.path("message").asText())
                        .toList())
                .containsExactly(
                        "[\"input\",\"partnerOrganisationId\"] REQUIRED Select which organisation was inspected.",
                        "[\"input\",\"inspectors\",\"0\",\"ageBand\"] REQUIRED Select young inspector 1's age band.");
        assertThat(count()).isZero();
    }

    @Test
    void a_young_inspector_is_named_by_one_first_or_chosen_name_and_one_of_the_tenants_age_bands() {
        assertThat(refusal(withInspector("Priya Shah", "Young people")))
                .isEqualTo("[\"input\",\"inspectors\",\"0\",\"name\"] INVALID_FORMAT Young inspector 1's name must be"
                        + " a first name or chosen name only: one word of letters (a hyphen or apostrophe may join"
                        + " two), up to 30 characters, with no surname, email or number.");
        assertThat(refusal(withInspector("priya@school.example", "Young people")))
                .contains("INVALID_FORMAT");
        assertThat(refusal(withInspector("07700900123", "Young people"))).contains("INVALID_FORMAT");
        assertThat(refusal(withInspector("Abcdefghijklmnopqrstuvwxyzabcde", "Young people")))
                .contains("INVALID_FORMAT");
        assertThat(refusal(withInspector(" ", "Young people")))
                .isEqualTo("[\"input\",\"inspectors\",\"0\",\"name\"] REQUIRED Give young inspector 1's first name"
                        + " or chosen name.");
        assertThat(refusal(withInspector("Priya", "Teenagers")))
                .isEqualTo("[\"input\",\"inspectors\",\"0\",\"ageBand\"] NOT_FOUND 'Teenagers' is not one of the"
                        + " tenant's age bands: Children, Young people.");
        assertThat(count()).isZero();

        JsonNode kept = saved(admin.query(SAVE, Map.of("i", withInspector("D'Andre", "Children"))), "saveInspection");
        assertThat(kept.path("inspectors").findValuesAsText("name")).containsExactly("D'Andre");
    }

    @Test
    void answers_are_only_to_the_tenants_questions_each_once_and_bad_input_writes_nothing() {
        Map<String, Object> unknown = new HashMap<>(visit(youthService));
        unknown.put("answers", List.of(Map.of("question", "value-for-money", "answer", "Yes")));
        Map<String, Object> twice = new HashMap<>(visit(youthService));
        twice.put(
                "answers",
                List.of(
                        Map.of("question", "accessible", "answer", "Yes"),
                        Map.of("question", "accessible", "answer", "No")));
        Map<String, Object> future = new HashMap<>(visit(youthService));
        future.put("inspectedOn", TODAY.plusDays(1).toString());
        Map<String, Object> undated = new HashMap<>(visit(youthService));
        undated.remove("inspectedOn");

        assertThat(refusal(unknown))
                .isEqualTo("[\"input\",\"answers\",\"0\",\"question\"] NOT_FOUND 'value-for-money' is not one of the"
                        + " tenant's inspection questions: accessible, welcoming, young-people-involved.");
        assertThat(refusal(twice))
                .isEqualTo("[\"input\",\"answers\",\"1\",\"question\"] NOT_ALLOWED Question 'accessible' is answered"
                        + " twice: give one answer to each question.");
        assertThat(refusal(future))
                .isEqualTo("[\"input\",\"inspectedOn\"] NOT_ALLOWED An inspection is recorded once it has taken place:"
                        + " today or earlier.");
        assertThat(refusal(undated)).isEqualTo("[\"input\",\"inspectedOn\"] REQUIRED Give the date of the inspection.");
        assertThat(count()).isZero();
    }

    @Test
    void a_tenant_without_inspection_questions_records_findings_and_recommendations_and_refuses_answers() {
        TestTenant kent = TestTenants.active("kent");
        ApiCaller kentAdmin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, kent.slug(), null);
        String agency = kentAdmin
                .mutate(
                        "registerPartnerOrganisation",
                        "RegisterPartnerOrganisationInput",
                        Map.of("name", "Kent Youth Service"),
                        "partnerOrganisation { id }")
                .path("partnerOrganisation")
                .path("id")
                .asText();
        // The platform's age bands are in force: Kent has published none.
        Map<String, Object> answered = new HashMap<>(visit(agency));
        answered.put("inspectors", List.of(Map.of("name", "Sam", "ageBand", "12 to 17")));
        Map<String, Object> input = new HashMap<>(answered);
        input.remove("answers");

        JsonNode kept = saved(kentAdmin.query(SAVE, Map.of("i", input)), "saveInspection");
        JsonNode refused = kentAdmin.query(SAVE, Map.of("i", answered)).data().path("saveInspection");

        assertThat(kept.path("answers")).isEmpty();
        assertThat(kept.path("findings").asText()).startsWith("The ramp");
        assertThat(refused.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The tenant has defined no inspection questions (vocabularies): record findings instead.");
    }

    @Test
    void a_report_is_final_needs_findings_and_a_kite_mark_decision_and_a_withheld_kite_mark_is_not_public() {
        Map<String, Object> bare = new HashMap<>(visit(youthService));
        bare.remove("findings");
        JsonNode draft = saved(admin.query(SAVE, Map.of("i", bare)), "saveInspection");
        String id = draft.path("id").asText();

        JsonNode early = respondRefusal(response(draft, 0, 1, "We will."));
        JsonNode withoutFindings = reportRefusal(Map.of("id", id, "version", 0, "kiteMarkAwarded", false));
        Map<String, Object> found = new HashMap<>(visit(youthService));
        found.putAll(Map.of("id", id, "version", 0));
        saved(admin.query(SAVE, Map.of("i", found)), "saveInspection");
        JsonNode undecided = reportRefusal(Map.of("id", id, "version", 1));
        JsonNode withheld = saved(
                admin.query(REPORT, Map.of("i", Map.of("id", id, "version", 1, "kiteMarkAwarded", false))),
                "reportInspection");
        Map<String, Object> late = new HashMap<>(visit(youthService));
        late.putAll(Map.of("id", id, "version", 2));
        JsonNode afterReport = admin.query(SAVE, Map.of("i", late)).data().path("saveInspection");
        JsonNode noSuchRecommendation = respondRefusal(response(draft, 2, 5, "We will."));
        Map<String, Object> beforeReport = new HashMap<>(response(draft, 2, 1, "We will."));
        beforeReport.put("respondedOn", TODAY.minusDays(1).toString());
        JsonNode backdated = respondRefusal(beforeReport);

        assertThat(early.toString()).contains("NOT_ALLOWED", "still a draft");
        assertThat(withoutFindings.path(0).path("message").asText())
                .isEqualTo("Record the young inspectors' findings before reporting.");
        assertThat(undecided.toString()).contains("kiteMarkAwarded", "REQUIRED");
        assertThat(withheld.path("kiteMarkAwarded").asBoolean()).isFalse();
        assertThat(afterReport.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The inspection was reported on " + TODAY + "; its findings and recommendations are final.");
        assertThat(noSuchRecommendation.path(0).path("message").asText())
                .isEqualTo("The inspection has recommendations 1 to 1; there is no number 5.");
        assertThat(backdated.path(0).path("field").toString()).isEqualTo("[\"input\",\"respondedOn\"]");
        assertThat(new ApiCaller(server)
                        .query(KITE_MARKS, Map.of("s", medway.slug()))
                        .data()
                        .path("publicKiteMarks"))
                .isEmpty();
        assertThat(TenantData.query(medway.id(), "SELECT version FROM inspection"))
                .containsExactly("2");
    }

    @Test
    void an_edit_from_a_stale_version_is_refused_and_overwrites_nothing() {
        JsonNode draft = saved(admin.query(SAVE, Map.of("i", visit(youthService))), "saveInspection");
        Map<String, Object> first = new HashMap<>(visit(youthService));
        first.putAll(Map.of("id", draft.path("id").asText(), "version", 0, "findings", "First worker's findings."));
        Map<String, Object> second = new HashMap<>(visit(youthService));
        second.putAll(Map.of("id", draft.path("id").asText(), "version", 0, "findings", "Second worker's findings."));

        saved(admin.query(SAVE, Map.of("i", first)), "saveInspection");
        JsonNode conflict = admin.query(SAVE, Map.of("i", second)).data().path("saveInspection");
        JsonNode staleReport =
                reportRefusal(Map.of("id", draft.path("id").asText(), "version", 0, "kiteMarkAwarded", true));

        assertThat(conflict.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(conflict.path("userErrors").path(0).path("message").asText()).contains("now version 1, you sent 0");
        assertThat(staleReport.path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(TenantData.query(medway.id(), "SELECT findings || ' ' || status FROM inspection"))
                .containsExactly("First worker's findings. DRAFT");
    }

    @Test
    void a_partner_lead_reads_and_keeps_only_its_own_agencys_inspections_and_the_board_reads_all_but_keeps_none() {
        saved(admin.query(SAVE, Map.of("i", visit(youthService))), "saveInspection");
        saved(admin.query(SAVE, Map.of("i", visit(fosterCare))), "saveInspection");
        ApiCaller fosterLead = as("foster-lead", Role.PARTNER_LEAD, uuid(fosterCare));
        ApiCaller board = as("board", Role.BOARD_MEMBER, null);
        String list = "{ inspections { edges { node { id partnerOrganisation { name } } } } }";

        List<String> boardReads = board.query(list).data().findValuesAsText("name");
        List<String> fosterReads = fosterLead.query(list).data().findValuesAsText("name");
        Reply forOther = fosterLead.query(SAVE, Map.of("i", visit(youthService)));
        Reply boardRecords = board.query(SAVE, Map.of("i", visit(youthService)));

        assertThat(boardReads).containsExactlyInAnyOrder("Medway Youth Service", "Medway Foster Care");
        assertThat(fosterReads).containsExactly("Medway Foster Care");
        assertThat(forOther.data()
                        .path("saveInspection")
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .as(forOther.text())
                .isEqualTo("NOT_FOUND");
        assertThat(boardRecords.errorCode()).as(boardRecords.text()).isEqualTo("FORBIDDEN");
        assertThat(count()).isEqualTo(2);
    }

    /** A visit to the youth club: two inspectors, answers to two questions (out of order), findings, one recommendation. */
    private static Map<String, Object> visit(String partner) {
        return Map.of(
                "partnerOrganisationId",
                partner,
                "serviceName",
                "Youth club on Canterbury Street",
                "inspectedOn",
                TODAY.minusDays(7).toString(),
                "inspectors",
                List.of(
                        Map.of("name", "Priya", "ageBand", "Young people"),
                        Map.of("name", " Mary-Jane ", "ageBand", "Children")),
                "answers",
                List.of(
                        Map.of("question", "welcoming", "answer", "Staff said hello and showed us round."),
                        Map.of("question", "accessible", "answer", "Yes, but the ramp was blocked by bikes.")),
                "findings",
                "The ramp was blocked and the opening times were hard to find.",
                "recommendations",
                List.of("Put the opening times on the door."));
    }

    private Map<String, Object> withInspector(String name, String ageBand) {
        Map<String, Object> input = new HashMap<>(visit(youthService));
        input.put("inspectors", List.of(Map.of("name", name, "ageBand", ageBand)));
        return input;
    }

    private static Map<String, Object> response(JsonNode inspection, int version, int number, String words) {
        return Map.of(
                "id",
                inspection.path("id").asText(),
                "version",
                version,
                "number",
                number,
                "response",
                words,
                "respondedOn",
                TODAY.toString());
    }

    private String refusal(Map<String, Object> input) {
        JsonNode error = admin.query(SAVE, Map.of("i", input))
                .data()
                .path("saveInspection")
                .path("userErrors")
                .path(0);
        return error.path("field") + " " + error.path("code").asText() + " "
                + error.path("message").asText();
    }

    private JsonNode reportRefusal(Map<String, Object> input) {
        return admin.query(REPORT, Map.of("i", input))
                .data()
                .path("reportInspection")
                .path("userErrors");
    }

    private JsonNode respondRefusal(Map<String, Object> input) {
        return admin.query(RESPOND, Map.of("i", input))
                .data()
                .path("respondToRecommendation")
                .path("userErrors");
    }

    private static JsonNode saved(Reply reply, String field) {
        JsonNode payload = reply.data().path(field);
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("inspection");
    }

    /** A reported inspection of {@code partner} that awarded the kite mark. */
    private JsonNode awarded(String partner) {
        JsonNode draft = saved(admin.query(SAVE, Map.of("i", visit(partner))), "saveInspection");
        return saved(
                admin.query(
                        REPORT,
                        Map.of("i", Map.of("id", draft.path("id").asText(), "version", 0, "kiteMarkAwarded", true))),
                "reportInspection");
    }

    private static Map<String, Object> settings(int version, int kiteMarkValidMonths) {
        return Map.of(
                "version",
                version,
                "minimumParticipationChampions",
                1,
                "renewalNoticeDays",
                60,
                "kiteMarkValidMonths",
                kiteMarkValidMonths);
    }

    private int count() {
        return Integer.parseInt(
                TenantData.query(medway.id(), "SELECT count(*) FROM inspection").getFirst());
    }

    private static UUID uuid(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    private ApiCaller as(String subject, Role role, UUID partner) {
        return ApiCaller.member(server, subject, role, medway.slug(), partner);
    }
}
