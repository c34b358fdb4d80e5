package uk.trustplatform.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.actionplans.PlanFixture;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A partner's self-assessment against one of the tenant's frameworks: rated on its scale with
 * evidence and what young people say, submitted, returned with a comment or agreed by the board,
 * carried into the next year, its gaps turned into actions, and compared across partners.
 */
@MicronautTest(transactional = false)
class SelfAssessmentIT {

    private static final String ASSESSMENT = "selfAssessment { id status version year framework scale scaleName"
            + " levels { code label } reviewComment carriedForwardFrom { id } ratings { id standard criterion title"
            + " level levelLabel evidence whatYoungPeopleSay version } }";
    private static final String ERRORS = " userErrors { field message code }";

    @Inject
    EmbeddedServer server;

    private TestTenant tenant;
    private ApiCaller admin;
    private ApiCaller board;
    private ApiCaller lead;
    private PledgeFixture partners;
    private PlanFixture plans;
    private String council;

    @BeforeEach
    void aPartnershipWithHearByRightAndLutonsStandards() {
        tenant = TestTenants.active("selfassess");
        admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        board = ApiCaller.member(server, "board", Role.BOARD_MEMBER, tenant.slug(), null);
        plans = new PlanFixture(admin);
        plans.hearByRight();
        partners = new PledgeFixture(admin);
        partners.publishPledge();
        council = partners.partner("Luton Borough Council", "statutory-lscb-member", true);
        lead = ApiCaller.member(
                server,
                "lead",
                Role.PARTNER_LEAD,
                tenant.slug(),
                GlobalId.decode(council).orElseThrow().uuid());
    }

    @Test
    void a_partner_rates_each_standard_submits_is_returned_with_a_comment_and_agreed_on_resubmission() {
        JsonNode started =
                start(lead, council, 2025, "hear-by-right", null, null).path("selfAssessment");
        String id = started.path("id").asText();
        JsonNode unrated = submit(lead, id, 0);
        JsonNode offScale = rate(lead, id, "1", null, 0, "GREEN", null, null);
        JsonNode noSuchStandard = rate(lead, id, "9", null, 0, "EMERGING", null, null);
        JsonNode first = rate(
                lead,
                id,
                "1",
                null,
                0,
                "EMERGING",
                "Values statement agreed by the management team",
                "The youth forum said staff do not always explain decisions");
        JsonNode stale = rate(lead, id, "1", null, 0, "ADVANCED", null, null);
        rate(lead, id, "2", null, 0, "ESTABLISHED", "Participation strategy 2025", null);
        JsonNode submitted = submit(lead, id, 0);
        JsonNode staleSubmit = submit(lead, id, 0);
        Reply leadReviews = lead.query(REVIEW, Map.of("input", review(id, 1, "RETURN", "Not mine to review")));
        JsonNode whileSubmitted = rate(lead, id, "2", null, 1, "ADVANCED", null, null);
        JsonNode returnedWithoutComment = reviewed(board, id, 1, "RETURN", "  ");
        JsonNode returned = reviewed(board, id, 1, "RETURN", "Say what young people told you about strategy.");
        JsonNode changed =
                rate(lead, id, "2", null, 1, "ADVANCED", "Participation strategy 2025", "Young people co-wrote it");
        JsonNode resubmitted = submit(lead, id, 2);
        JsonNode agreed = reviewed(board, id, 3, "AGREE", null);

        assertThat(started.path("status").asText()).isEqualTo("DRAFT");
        assertThat(started.path("scale").asText()).isEqualTo("HEAR_BY_RIGHT");
        assertThat(started.path("scaleName").asText()).isEqualTo("Hear by Right");
        assertThat(started.path("levels").findValuesAsText("code"))
                .containsExactly("EMERGING", "ESTABLISHED", "ADVANCED");
        assertThat(started.path("levels").findValuesAsText("label"))
                .containsExactly("Emerging", "Established", "Advanced");
        assertThat(started.path("ratings").findValuesAsText("criterion")).containsExactly("1", "2");
        assertThat(started.path("ratings").findValuesAsText("title")).containsExactly("Shared values", "Strategy");
        assertThat(unrated.path("userErrors").path(0).path("message").asText())
                .isEqualTo("2 standards are not rated yet; rate every standard before submitting.");
        assertThat(offScale.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"level\"]");
        assertThat(offScale.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The level must be one of EMERGING, ESTABLISHED or ADVANCED (the Hear by Right scale).");
        assertThat(noSuchStandard.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"standard\"]");
        assertThat(noSuchStandard.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The standard must be one of the hear-by-right framework's standards: 1, 2.");
        assertThat(first.path("selfAssessmentRating").path("whatYoungPeopleSay").asText())
                .isEqualTo("The youth forum said staff do not always explain decisions");
        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(submitted.path("selfAssessment").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(staleSubmit.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(leadReviews.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(whileSubmitted.path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_ALLOWED");
        assertThat(returnedWithoutComment
                        .path("userErrors")
                        .path(0)
                        .path("field")
                        .toString())
                .isEqualTo("[\"input\",\"comment\"]");
        assertThat(returnedWithoutComment
                        .path("userErrors")
                        .path(0)
                        .path("code")
                        .asText())
                .isEqualTo("REQUIRED");
        assertThat(returned.path("selfAssessment").path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("selfAssessment").path("reviewComment").asText())
                .isEqualTo("Say what young people told you about strategy.");
        assertThat(changed.path("selfAssessmentRating").path("level").asText()).isEqualTo("ADVANCED");
        assertThat(resubmitted.path("selfAssessment").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(agreed.path("selfAssessment").path("status").asText()).isEqualTo("AGREED");
        assertThat(agreed.path("selfAssessment").path("ratings").findValuesAsText("level"))
                .containsExactly("EMERGING", "ADVANCED");
        assertThat(TenantData.audit(tenant.id()))
                .filteredOn(entry -> entry.startsWith("SelfAssessment."))
                .extracting(entry -> entry.substring(0, entry.indexOf(' ')))
                .containsExactly(
                        "SelfAssessment.started",
                        "SelfAssessment.standardRated",
                        "SelfAssessment.standardRated",
                        "SelfAssessment.submitted",
                        "SelfAssessment.returned",
                        "SelfAssessment.standardRated",
                        "SelfAssessment.submitted",
                        "SelfAssessment.agreed");
    }

    @Test
    void next_year_starts_from_the_last_criterion_by_criterion_keeping_levels_only_on_the_same_scale() {
        JsonNode first =
                start(admin, council, 2024, "luton-standards", "RAG", null).path("selfAssessment");
        String id = first.path("id").asText();
        JsonNode noCriterion = rate(admin, id, "1", null, 0, "GREEN", null, null);
        rate(admin, id, "1", "1.1", 0, "GREEN", "Lead appointed in 2019", "Young people met the lead");
        rate(admin, id, "8", null, 0, "AMBER", "Procedure drafted", null);
        String charity = partners.partner("Luton Youth Charity", "pvi-community", false);
        String charitys = start(admin, charity, 2024, "luton-standards", "RAG", null)
                .path("selfAssessment")
                .path("id")
                .asText();

        JsonNode next = start(lead, council, 2025, "luton-standards", "RAG", id).path("selfAssessment");
        JsonNode again = start(lead, council, 2025, "luton-standards", "RAG", null);
        JsonNode onAnotherScale = start(lead, council, 2026, "luton-standards", "HEAR_BY_RIGHT", id)
                .path("selfAssessment");
        JsonNode fromAnotherPartner = start(admin, council, 2027, "luton-standards", "RAG", charitys);
        JsonNode noSuchFramework = start(admin, council, 2027, "no-such-framework", null, null);

        assertThat(first.path("ratings").findValuesAsText("criterion")).containsExactly("1.1", "1.2", "8");
        assertThat(first.path("ratings").findValuesAsText("standard")).containsExactly("1", "1", "8");
        assertThat(noCriterion.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"criterion\"]");
        assertThat(noCriterion.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The criterion must be one of standard 1's criteria: 1.1, 1.2.");
        assertThat(next.path("carriedForwardFrom").path("id").asText()).isEqualTo(id);
        assertThat(next.path("ratings")
                        .valueStream()
                        .map(rating -> rating.path("level").textValue()))
                .containsExactly("GREEN", null, "AMBER");
        assertThat(next.path("ratings").path(0).path("evidence").asText()).isEqualTo("Lead appointed in 2019");
        assertThat(next.path("ratings").path(0).path("whatYoungPeopleSay").asText())
                .isEqualTo("Young people met the lead");
        assertThat(next.path("ratings").path(1).path("level").isNull()).isTrue();
        assertThat(again.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"year\"]");
        assertThat(onAnotherScale.path("ratings").path(0).path("level").isNull())
                .isTrue();
        assertThat(onAnotherScale.path("ratings").path(0).path("evidence").asText())
                .isEqualTo("Lead appointed in 2019");
        assertThat(fromAnotherPartner.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"carryForwardFromId\"]");
        assertThat(noSuchFramework.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"framework\"]");
        assertThat(TenantData.rows(tenant.id(), "self_assessment")).isEqualTo(4);
    }

    @Test
    void a_gap_becomes_an_action_of_the_partners_plan_that_knows_the_standard_it_answers() {
        String plan = PlanFixture.start(lead, council, plans.template(2025, 2026, "2.1"), null);
        String id = start(lead, council, 2025, "hear-by-right", null, null)
                .path("selfAssessment")
                .path("id")
                .asText();
        rate(lead, id, "2", null, 0, "EMERGING", "No strategy yet", "We were not asked");
        String charity = partners.partner("Luton Youth Charity", "pvi-community", false);
        String charitysPlan = PlanFixture.start(admin, charity, plans.template(2027, 2028, "2.2"), null);
        ApiCaller charityLead = ApiCaller.member(
                server,
                "charity-lead",
                Role.PARTNER_LEAD,
                tenant.slug(),
                GlobalId.decode(charity).orElseThrow().uuid());

        JsonNode unratedGap = gap(lead, id, "1", plan);
        JsonNode anotherPartnersPlan = gap(admin, id, "2", charitysPlan);
        JsonNode notTheirs = gap(charityLead, id, "2", charitysPlan);
        JsonNode added = gap(lead, id, "2", plan);
        String plain = PlanFixture.action(
                        lead,
                        plan,
                        Map.of("sectionNumber", "1", "outcomeNumber", "1.1", "description", "Publish our values"))
                .path("id")
                .asText();
        JsonNode actions = lead.query(
                        "query ($id: ID!) { node(id: $id) { ... on ActionPlan { sections { outcomes { actions {"
                                + " id description answersSelfAssessment { standard criterion level"
                                + " selfAssessment { id year } } } } } } } }",
                        Map.of("id", plan))
                .data()
                .path("node")
                .path("sections");
        JsonNode action = added.path("action");
        JsonNode answered = lead.query(
                        "query ($id: ID!) { node(id: $id) { ... on SelfAssessment { ratings { standard actions { id } } } } }",
                        Map.of("id", id))
                .data()
                .path("node")
                .path("ratings");
        Reply removed = lead.query(
                "mutation ($input: RemoveActionInput!) { removeAction(input: $input) { removedId" + ERRORS + " } }",
                Map.of("input", Map.of("id", action.path("id").asText(), "version", 0)));

        assertThat(unratedGap.path("userErrors").path(0).path("message").asText())
                .isEqualTo("Rate standard 1 before adding an action for it.");
        assertThat(anotherPartnersPlan.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"actionPlanId\"]");
        assertThat(notTheirs.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"selfAssessmentId\"]");
        assertThat(added.path("userErrors")).isEmpty();
        assertThat(action.path("standard").asText()).isEqualTo("2");
        assertThat(action.path("answersSelfAssessment").path("standard").asText())
                .isEqualTo("2");
        assertThat(action.path("answersSelfAssessment").path("level").asText()).isEqualTo("EMERGING");
        assertThat(action.path("answersSelfAssessment")
                        .path("selfAssessment")
                        .path("id")
                        .asText())
                .isEqualTo(id);
        assertThat(answered.path(0).path("actions")).isEmpty();
        assertThat(answered.path(1).path("actions").findValuesAsText("id"))
                .containsExactly(action.path("id").asText());
        assertThat(actions.findValues("actions").stream()
                        .flatMap(list -> list.valueStream())
                        .filter(found -> found.path("id").asText().equals(plain))
                        .map(found -> found.path("answersSelfAssessment").isNull()))
                .containsExactly(true);
        assertThat(actions.findValues("answersSelfAssessment").stream()
                        .filter(JsonNode::isObject)
                        .map(found -> found.path("selfAssessment").path("year").asInt()))
                .containsExactly(2025);
        assertThat(removed.data().path("removeAction").path("userErrors"))
                .as(removed.text())
                .isEmpty();
        assertThat(TenantData.rows(tenant.id(), "self_assessment_gap_action")).isZero();
        assertThat(TenantData.audit(tenant.id())).anyMatch(entry -> entry.startsWith("SelfAssessment.actionAdded"));
    }

    @Test
    void a_partnership_rates_on_its_own_scale_and_an_assessment_keeps_its_levels_when_the_scale_changes() {
        List<String> builtIn = lead.query("{ ratingScales { code } }").data().findValuesAsText("code");
        String draft = revisedVocabularies();
        JsonNode refused = saveVocabularies(
                draft,
                0,
                List.of(Map.of(
                        "code",
                        "Youth Voice",
                        "name",
                        "Youth voice",
                        "levels",
                        List.of(Map.of("code", "not-yet", "label", "Not yet")))));
        JsonNode twice = saveVocabularies(
                draft,
                0,
                List.of(scale(List.of(
                        Map.of("code", "not-yet", "label", "Not yet"), Map.of("code", "not-yet", "label", "Again")))));
        assertThat(saveVocabularies(draft, 0, List.of(scale(YOUTH_VOICE))).path("userErrors"))
                .isEmpty();
        publish(draft, 1);
        JsonNode scales = lead.query("{ ratingScales { code name levels { code label } } }")
                .data()
                .path("ratingScales");

        JsonNode started =
                start(lead, council, 2025, "hear-by-right", "youth-voice", null).path("selfAssessment");
        String id = started.path("id").asText();
        JsonNode noSuchScale = start(lead, council, 2026, "hear-by-right", "no-such-scale", null);
        JsonNode offScale = rate(lead, id, "1", null, 0, "EMERGING", null, null);
        JsonNode embedded = rate(lead, id, "1", null, 0, "embedded", "Young people chair the forum", null);

        // The next edition drops "embedded" and renames "not-yet": the assessment already started keeps its own levels.
        String next = revisedVocabularies();
        saveVocabularies(
                next,
                0,
                List.of(scale(List.of(
                        Map.of("code", "not-yet", "label", "Not started"),
                        Map.of("code", "getting-started", "label", "Getting started")))));
        publish(next, 1);
        JsonNode stillEmbedded = rate(lead, id, "2", null, 0, "embedded", null, null);
        JsonNode kept = lead.query(
                        "query ($id: ID!) { node(id: $id) { ... on SelfAssessment { scaleName levels { code label }"
                                + " ratings { level levelLabel } } } }",
                        Map.of("id", id))
                .data()
                .path("node");
        String charity = partners.partner("Luton Youth Charity", "pvi-community", false);
        JsonNode charitys = start(admin, charity, 2025, "hear-by-right", "youth-voice", null)
                .path("selfAssessment");
        String charityId = charitys.path("id").asText();
        JsonNode droppedLevel = rate(admin, charityId, "1", null, 0, "embedded", null, null);
        rate(admin, charityId, "1", null, 0, "getting-started", null, null);
        rate(admin, charityId, "2", null, 0, "not-yet", null, null);
        assertThat(submit(lead, id, 0).path("userErrors")).isEmpty();
        assertThat(submit(admin, charityId, 0).path("userErrors")).isEmpty();
        JsonNode overview = overview(board, "youth-voice").data().path("selfAssessmentOverview");

        assertThat(builtIn).containsExactly("HEAR_BY_RIGHT", "RAG");
        assertThat(refused.path("userErrors").findValues("field").stream().map(JsonNode::toString))
                .containsExactlyInAnyOrder(
                        "[\"input\",\"vocabularies\",\"ratingScales\",\"0\",\"code\"]",
                        "[\"input\",\"vocabularies\",\"ratingScales\",\"0\",\"levels\"]");
        assertThat(refused.path("userErrors").findValuesAsText("message"))
                .contains(
                        "vocabularies.ratingScales.0.levels: give at least two levels, from the first to the furthest.");
        assertThat(twice.path("userErrors").findValuesAsText("message"))
                .containsExactly("vocabularies.ratingScales.0.levels.1.code: not-yet is used twice.");
        assertThat(scales.valueStream().map(scale -> scale.path("code").asText()))
                .containsExactly("HEAR_BY_RIGHT", "RAG", "youth-voice");
        assertThat(scales.path(2).path("levels").findValuesAsText("label"))
                .containsExactly("Not yet", "Getting started", "Embedded");
        assertThat(started.path("scale").asText()).isEqualTo("youth-voice");
        assertThat(started.path("scaleName").asText()).isEqualTo("Youth voice");
        assertThat(noSuchScale.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"scale\"]");
        assertThat(noSuchScale.path("userErrors").path(0).path("message").asText())
                .isEqualTo(
                        "The scale must be one of the partnership's rating scales: HEAR_BY_RIGHT, RAG, youth-voice.");
        assertThat(offScale.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"level\"]");
        assertThat(offScale.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The level must be one of not-yet, getting-started or embedded (the Youth voice scale).");
        assertThat(embedded.path("selfAssessmentRating").path("levelLabel").asText())
                .isEqualTo("Embedded");
        assertThat(stillEmbedded.path("userErrors")).isEmpty();
        assertThat(kept.path("levels").findValuesAsText("label"))
                .containsExactly("Not yet", "Getting started", "Embedded");
        assertThat(kept.path("ratings").findValuesAsText("levelLabel")).containsExactly("Embedded", "Embedded");
        assertThat(charitys.path("levels").findValuesAsText("code")).containsExactly("not-yet", "getting-started");
        assertThat(droppedLevel.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The level must be one of not-yet or getting-started (the Youth voice scale).");
        // Counted by hand: the council rated both standards embedded (a level the scale has since dropped,
        // still counted); the charity standard 1 getting-started and standard 2 not-yet.
        assertThat(overview.path("assessed").asInt()).isEqualTo(2);
        assertThat(overview.path("scaleName").asText()).isEqualTo("Youth voice");
        assertThat(overview.path("levels").findValuesAsText("label"))
                .containsExactly("Not started", "Getting started", "Embedded");
        assertThat(overview.path("standards").findValues("counts").stream()
                        .map(counts -> counts.findValuesAsText("partners")))
                .containsExactly(List.of("0", "1", "1"), List.of("1", "0", "1"));
        assertThat(TenantData.audit(tenant.id())).anyMatch(entry -> entry.startsWith("Vocabularies.published"));
    }

    private static final List<Map<String, Object>> YOUTH_VOICE = List.of(
            Map.of("code", "not-yet", "label", "Not yet"),
            Map.of("code", "getting-started", "label", "Getting started"),
            Map.of("code", "embedded", "label", "Embedded"));

    private static Map<String, Object> scale(List<Map<String, Object>> levels) {
        return Map.of("code", "youth-voice", "name", "Youth voice", "levels", levels);
    }

    /** A new draft edition of the vocabularies in force; its id. */
    private String revisedVocabularies() {
        String inForce = admin.query("{ vocabularies { id } }")
                .data()
                .path("vocabularies")
                .path("id")
                .asText();
        return admin.query(
                        "mutation ($input: ReviseDocumentInput!) { reviseDocument(input: $input) { document { id } } }",
                        Map.of("input", Map.of("id", inForce)))
                .data()
                .path("reviseDocument")
                .path("document")
                .path("id")
                .asText();
    }

    /** Saves the draft with the fixture's partner categories and these scales. */
    private JsonNode saveVocabularies(String draft, long version, List<Map<String, Object>> scales) {
        Map<String, Object> content = Map.of(
                "partnerCategories",
                List.of(
                        Map.of("code", "statutory-lscb-member", "label", "Statutory members"),
                        Map.of("code", "pvi-community", "label", "Private, voluntary and community")),
                "ratingScales",
                scales);
        return admin.query(
                        "mutation ($input: SaveVocabulariesInput!) { saveVocabularies(input: $input) {"
                                + " vocabularies { id }" + ERRORS + " } }",
                        Map.of("input", Map.of("id", draft, "version", version, "vocabularies", content)))
                .data()
                .path("saveVocabularies");
    }

    private void publish(String draft, long version) {
        JsonNode published = admin.query(
                        "mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) {" + ERRORS + " } }",
                        Map.of("input", Map.of("id", draft, "version", version)))
                .data()
                .path("publishDocument");
        assertThat(published.path("userErrors")).as(published.toString()).isEmpty();
    }

    @Test
    void the_board_sees_each_standards_partners_at_each_level_and_who_has_not_assessed() {
        String beta = partners.partner("Beta Health Trust", "statutory-lscb-member", true);
        String gamma = partners.partner("Gamma Youth Club", "pvi-community", false);
        String delta = partners.partner("Delta Police", "statutory-lscb-member", true);
        String echo = partners.partner("Echo Academy", "statutory-lscb-member", true);
        admin.mutate(
                "registerPartnerOrganisation",
                "RegisterPartnerOrganisationInput",
                Map.of("name", "Delta Police Youth Team", "parentId", delta),
                "partnerOrganisation { id }");
        String alpha = assessed(council, "HEAR_BY_RIGHT", "EMERGING", "ESTABLISHED");
        reviewed(board, alpha, 1, "AGREE", "Thorough.");
        assessed(beta, "HEAR_BY_RIGHT", "EMERGING", "ADVANCED");
        String draft = start(admin, gamma, 2025, "hear-by-right", null, null)
                .path("selfAssessment")
                .path("id")
                .asText();
        rate(admin, draft, "1", null, 0, "ADVANCED", null, null);
        assessed(echo, "RAG", "RED", "GREEN");
        start(admin, delta, 2024, "hear-by-right", null, null);

        JsonNode hearByRight = overview(board, "HEAR_BY_RIGHT").data().path("selfAssessmentOverview");
        JsonNode rag = overview(admin, "RAG").data().path("selfAssessmentOverview");
        Reply scaleSentAsNull = overview(board, null);
        Reply asLead = overview(lead, "HEAR_BY_RIGHT");
        JsonNode boardList = board.query(
                        "{ selfAssessments(year: 2025) { edges { node { partnerOrganisation { name } } } } }")
                .data();
        JsonNode leadList = lead.query(
                        "{ selfAssessments(year: 2025) { edges { node { partnerOrganisation { name } } } } }")
                .data();

        // Counted by hand: Alpha (agreed) EMERGING, ESTABLISHED; Beta (submitted) EMERGING, ADVANCED;
        // Gamma's draft and Echo's RAG assessment do not count on the Hear by Right scale.
        assertThat(hearByRight.path("assessed").asInt()).isEqualTo(2);
        assertThat(hearByRight.path("standards").toString())
                .isEqualTo("[{\"standard\":\"1\",\"criterion\":\"1\",\"title\":\"Shared values\",\"counts\":["
                        + "{\"level\":\"EMERGING\",\"partners\":2},{\"level\":\"ESTABLISHED\",\"partners\":0},"
                        + "{\"level\":\"ADVANCED\",\"partners\":0}]},"
                        + "{\"standard\":\"2\",\"criterion\":\"2\",\"title\":\"Strategy\",\"counts\":["
                        + "{\"level\":\"EMERGING\",\"partners\":0},{\"level\":\"ESTABLISHED\",\"partners\":1},"
                        + "{\"level\":\"ADVANCED\",\"partners\":1}]}]");
        // Not yet assessed for 2025: Gamma (a draft only) and Delta (2024 only); its team is not a top-level partner.
        assertThat(hearByRight.path("all").findValuesAsText("name"))
                .containsExactly("Delta Police", "Gamma Youth Club");
        assertThat(hearByRight.path("statutory").findValuesAsText("name")).containsExactly("Delta Police");
        assertThat(scaleSentAsNull.data().path("selfAssessmentOverview"))
                .as("a scale sent as null is the schema's default, Hear by Right: " + scaleSentAsNull.text())
                .isEqualTo(hearByRight);
        assertThat(rag.path("assessed").asInt()).isEqualTo(1);
        assertThat(rag.path("standards").findValues("counts").stream()
                        .map(counts -> counts.findValuesAsText("partners")))
                .containsExactly(List.of("1", "0", "0"), List.of("0", "0", "1"));
        assertThat(asLead.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(boardList.findValuesAsText("name"))
                .containsExactlyInAnyOrder(
                        "Luton Borough Council", "Beta Health Trust", "Gamma Youth Club", "Echo Academy");
        assertThat(leadList.findValuesAsText("name")).containsExactly("Luton Borough Council");
    }

    /** A 2025 assessment against Hear by Right's two standards, rated and submitted by the admin; its id. */
    private String assessed(String partner, String scale, String first, String second) {
        String id = start(admin, partner, 2025, "hear-by-right", scale, null)
                .path("selfAssessment")
                .path("id")
                .asText();
        rate(admin, id, "1", null, 0, first, null, null);
        rate(admin, id, "2", null, 0, second, null, null);
        assertThat(submit(admin, id, 0).path("userErrors")).isEmpty();
        return id;
    }

    private static Reply overview(ApiCaller caller, @Nullable String scale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("scale", scale);
        return caller.query(
                "query ($scale: String) { selfAssessmentOverview(year: 2025, framework: \"hear-by-right\","
                        + " scale: $scale) { assessed scaleName levels { code label }"
                        + " standards { standard criterion title counts { level partners } }"
                        + " all: notYetAssessed { name } statutory: notYetAssessed(statutoryOnly: true) { name } } }",
                variables);
    }

    private static JsonNode start(
            ApiCaller caller, String partner, int year, String framework, String scale, String carryForwardFrom) {
        Map<String, Object> input =
                new HashMap<>(Map.of("partnerOrganisationId", partner, "year", year, "framework", framework));
        if (scale != null) {
            input.put("scale", scale);
        }
        if (carryForwardFrom != null) {
            input.put("carryForwardFromId", carryForwardFrom);
        }
        return caller.query(
                        "mutation ($input: StartSelfAssessmentInput!) { startSelfAssessment(input: $input) { "
                                + ASSESSMENT + ERRORS + " } }",
                        Map.of("input", input))
                .data()
                .path("startSelfAssessment");
    }

    private static JsonNode rate(
            ApiCaller caller,
            String assessment,
            String standard,
            String criterion,
            long version,
            String level,
            String evidence,
            String say) {
        Map<String, Object> input = new HashMap<>(
                Map.of("selfAssessmentId", assessment, "standard", standard, "version", version, "level", level));
        if (criterion != null) {
            input.put("criterion", criterion);
        }
        if (evidence != null) {
            input.put("evidence", evidence);
        }
        if (say != null) {
            input.put("whatYoungPeopleSay", say);
        }
        return caller.query(
                        "mutation ($input: RateSelfAssessmentStandardInput!) { rateSelfAssessmentStandard(input: $input)"
                                + " { selfAssessmentRating { level levelLabel whatYoungPeopleSay version }" + ERRORS
                                + " } }",
                        Map.of("input", input))
                .data()
                .path("rateSelfAssessmentStandard");
    }

    private static JsonNode submit(ApiCaller caller, String assessment, long version) {
        return caller.query(
                        "mutation ($input: SelfAssessmentTransitionInput!) { submitSelfAssessment(input: $input) { "
                                + ASSESSMENT + ERRORS + " } }",
                        Map.of("input", Map.of("id", assessment, "version", version)))
                .data()
                .path("submitSelfAssessment");
    }

    private static final String REVIEW =
            "mutation ($input: ReviewSelfAssessmentInput!) { reviewSelfAssessment(input: $input) { " + ASSESSMENT
                    + ERRORS + " } }";

    private static JsonNode reviewed(
            ApiCaller caller, String assessment, long version, String decision, String comment) {
        return caller.query(REVIEW, Map.of("input", review(assessment, version, decision, comment)))
                .data()
                .path("reviewSelfAssessment");
    }

    private static Map<String, Object> review(String assessment, long version, String decision, String comment) {
        Map<String, Object> input = new HashMap<>(Map.of("id", assessment, "version", version, "decision", decision));
        if (comment != null) {
            input.put("comment", comment);
        }
        return input;
    }

    private static JsonNode gap(ApiCaller caller, String assessment, String standard, String plan) {
        return caller.query(
                        "mutation ($input: AddActionForSelfAssessmentGapInput!) { addActionForSelfAssessmentGap(input: $input)"
                                + " { action { id standard answersSelfAssessment { standard level selfAssessment { id } } }"
                                + ERRORS + " } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "selfAssessmentId",
                                        assessment,
                                        "standard",
                                        standard,
                                        "actionPlanId",
                                        plan,
                                        "sectionNumber",
                                        "2",
                                        "outcomeNumber",
                                        "2.1",
                                        "description",
                                        "Ask young people to help write the strategy")))
                .data()
                .path("addActionForSelfAssessmentGap");
    }
}
