package uk.trustplatform.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/** A tenant's configuration documents through their lifecycle: create, change, publish, revise. */
@MicronautTest(transactional = false)
class ConfigurationDocumentsIT {

    private static final String DOC = "id key edition status version basedOn publishedAt";
    private static final String SAVE_FRAMEWORK = """
            mutation ($input: SaveStandardsFrameworkInput!) { saveStandardsFramework(input: $input) {
              standardsFramework { %s name standards { number title criteria { number text } } editions { edition status } }
              userErrors { field message code } } }""".formatted(DOC);
    private static final String SAVE_TEMPLATE = """
            mutation ($input: SaveActionPlanTemplateInput!) { saveActionPlanTemplate(input: $input) {
              actionPlanTemplate { %s title framework sections { number standard outcomes { number } } }
              userErrors { field message code } } }""".formatted(DOC);
    private static final String SAVE_STRATEGY = """
            mutation ($input: SaveStrategyInput!) { saveStrategy(input: $input) {
              strategy { %s title outcomeFramework { levels outcomes { ref level levelName parent } } endorsements { endorsedBy } }
              userErrors { field message code } } }""".formatted(DOC);
    private static final String SAVE_GUIDANCE = """
            mutation ($input: SaveGuidanceInput!) { saveGuidance(input: $input) {
              guidance { %s title audience source reviewDate reviewDue introduction
                sections { heading body { subheading paragraph items } } }
              userErrors { field message code } } }""".formatted(DOC);
    private static final String PUBLISHED_GUIDANCE = """
            query ($s: String!, $key: String) { publishedConfiguration(tenantSlug: $s) {
              all: guidance { key title edition } one: guidance(key: $key) { key title edition } } }""";
    private static final String PUBLISH = """
            mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) {
              document { %s } userErrors { field message code } } }""".formatted(DOC);
    private static final String REVISE = """
            mutation ($input: ReviseDocumentInput!) { reviseDocument(input: $input) {
              document { %s } userErrors { field message code } } }""".formatted(DOC);

    @Inject
    EmbeddedServer server;

    private TestTenant tenant;
    private ApiCaller admin;

    @BeforeEach
    void aTenant() {
        tenant = TestTenants.active("cambs");
        admin = as(Role.TENANT_ADMIN, null);
    }

    @Test
    void a_framework_is_created_changed_published_and_revised_into_a_new_edition() {
        JsonNode draft = saveFramework(null, null, "Hear by Right", List.of("Shared values", "Strategy"));
        assertThat(draft.path("edition").asInt()).isEqualTo(1);
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");

        JsonNode changed = saveFramework(
                draft.path("id").asText(),
                0,
                "Hear by Right (2009)",
                List.of("Shared values", "Strategy", "Structures"));
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(changed.path("standards")).hasSize(3);

        JsonNode published = publish(changed.path("id").asText(), 1).path("document");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("publishedAt").asText()).isNotEmpty();

        JsonNode refused = admin.query(
                        SAVE_FRAMEWORK,
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        changed.path("id").asText(),
                                        "version",
                                        published.path("version").asInt(),
                                        "standardsFramework",
                                        framework("Edited", List.of("One")))))
                .data()
                .path("saveStandardsFramework");
        assertThat(refused.path("standardsFramework").isNull()).isTrue();
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(refused.path("userErrors").path(0).path("message").asText())
                .contains("is PUBLISHED and cannot change; revise it");

        JsonNode second = admin.query(
                        REVISE, Map.of("input", Map.of("id", changed.path("id").asText())))
                .data()
                .path("reviseDocument")
                .path("document");
        assertThat(second.path("edition").asInt()).isEqualTo(2);
        assertThat(second.path("basedOn").asText())
                .isEqualTo("edition:" + uuid(changed.path("id").asText()));
        JsonNode secondPublished = publish(second.path("id").asText(), 0).path("document");
        assertThat(secondPublished.path("status").asText()).isEqualTo("PUBLISHED");

        JsonNode history = admin.query(
                        "{ standardsFrameworks { edges { node { edition editions { edition status } } } } }")
                .data()
                .path("standardsFrameworks")
                .path("edges")
                .path(0)
                .path("node");
        assertThat(history.path("edition").asInt()).isEqualTo(2);
        assertThat(history.path("editions").toString())
                .isEqualTo("[{\"edition\":2,\"status\":\"PUBLISHED\"},{\"edition\":1,\"status\":\"SUPERSEDED\"}]");
    }

    @Test
    void publishing_twice_and_a_stale_version_are_refused() {
        JsonNode draft = saveFramework(null, null, "Luton standards", List.of("Strategic Lead"));
        publish(draft.path("id").asText(), 0);

        JsonNode twice = publish(draft.path("id").asText(), 1);
        JsonNode stale = admin.query(
                        SAVE_FRAMEWORK,
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        saveFramework(null, null, "Other", List.of("One"))
                                                .path("id")
                                                .asText(),
                                        "version",
                                        7,
                                        "standardsFramework",
                                        framework("Other", List.of("Two")))))
                .data()
                .path("saveStandardsFramework");

        assertThat(twice.path("userErrors").path(0).path("message").asText()).contains("is already PUBLISHED");
        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(stale.path("userErrors").path(0).path("message").asText()).contains("now version 0, you sent 7");
    }

    @Test
    void a_template_naming_an_unknown_standard_or_framework_is_refused_and_nothing_is_stored() throws SQLException {
        saveFramework(null, null, "Hear by Right", List.of("Shared values"));

        JsonNode unknownStandard = saveTemplate("hear-by-right", "9");
        JsonNode unknownFramework = saveTemplate("no-such-framework", "1");

        assertThat(unknownStandard.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"actionPlanTemplate\",\"sections\",\"0\",\"standard\"]");
        assertThat(unknownStandard.path("userErrors").path(0).path("message").asText())
                .isEqualTo("actionPlanTemplate.sections.0.standard: framework 'hear-by-right' has no standard 9.");
        assertThat(unknownFramework.path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(documents(DocumentKind.ACTION_PLAN_TEMPLATE)).isZero();
        assertThat(saveTemplate("hear-by-right", "1")
                        .path("actionPlanTemplate")
                        .path("sections")
                        .path(0)
                        .path("standard")
                        .asText())
                .isEqualTo("1");
    }

    @Test
    void an_outcome_tree_with_a_cycle_or_a_parent_at_the_wrong_level_is_refused() throws SQLException {
        Map<String, Object> cyclic = strategy(
                "Participation strategy",
                List.of(
                        outcome("priority", 1, null),
                        outcome("outcome-a", 2, "outcome-b"),
                        outcome("outcome-b", 2, "outcome-a")));

        JsonNode refused = admin.query(SAVE_STRATEGY, Map.of("input", Map.of("strategy", cyclic)))
                .data()
                .path("saveStrategy");

        assertThat(refused.path("strategy").isNull()).isTrue();
        assertThat(refused.path("userErrors").findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message).contains("the outcomes form a cycle"))
                .anySatisfy(message -> assertThat(message).contains("outcome-b is not one level above"));
        assertThat(documents(DocumentKind.STRATEGY)).isZero();
    }

    @Test
    void empty_required_text_is_named_by_its_path() {
        JsonNode refused = admin.query(
                        SAVE_STRATEGY,
                        Map.of("input", Map.of("strategy", strategy("   ", List.of(outcome("p", 1, null))))))
                .data()
                .path("saveStrategy");

        assertThat(refused.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"strategy\",\"title\"]");
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void a_strategy_is_endorsed_by_a_partner_before_it_is_published_and_supersedes_its_period() {
        String agency = registerPartner("Cambridgeshire Youth Service");
        JsonNode first = admin.query(
                        SAVE_STRATEGY,
                        Map.of(
                                "input",
                                Map.of(
                                        "strategy",
                                        strategy(
                                                "Active involvement strategy",
                                                List.of(outcome("p", 1, null), outcome("o", 2, "p"))))))
                .data()
                .path("saveStrategy")
                .path("strategy");
        assertThat(first.path("outcomeFramework")
                        .path("outcomes")
                        .path(1)
                        .path("levelName")
                        .asText())
                .isEqualTo("Strategic outcome");

        JsonNode unendorsed = publish(first.path("id").asText(), 0);
        assertThat(unendorsed.path("userErrors").path(0).path("message").asText())
                .contains("once partners have endorsed it");

        ApiCaller lead = as(Role.PARTNER_LEAD, uuid(agency));
        JsonNode endorsed = lead.query(
                        "mutation ($input: EndorseStrategyInput!) { endorseStrategy(input: $input)"
                                + " { strategy { status version endorsements { endorsedBy partnerOrganisation { id } } } userErrors { message } } }",
                        Map.of("input", Map.of("id", first.path("id").asText())))
                .data()
                .path("endorseStrategy")
                .path("strategy");
        assertThat(endorsed.path("status").asText()).isEqualTo("ENDORSED");
        assertThat(endorsed.path("endorsements")
                        .path(0)
                        .path("partnerOrganisation")
                        .path("id")
                        .asText())
                .isEqualTo(agency);

        JsonNode published = publish(
                        first.path("id").asText(), endorsed.path("version").asInt())
                .path("document");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void a_partner_adopts_the_charter_or_personalises_a_copy_that_links_to_it() {
        String agency = registerPartner("Cambridgeshire Constabulary");
        String other = registerPartner("Cambridgeshire Libraries");
        JsonNode copied = admin.query("mutation { copyStarterKit(input: {code: \"cambridgeshire-charter\"})"
                        + " { documents { id version ... on Charter { values { name } } } userErrors { message } } }")
                .data()
                .path("copyStarterKit");
        assertThat(copied.path("documents").path(0).path("values")).hasSize(5);
        String charter = copied.path("documents").path(0).path("id").asText();
        publish(charter, 0);

        String adopt = "mutation ($input: AdoptCharterInput!) { adoptCharter(input: $input)"
                + " { charterAdoption { personalised charter { id basedOn status partnerOrganisation { id } } } userErrors { message } } }";
        JsonNode asIs = as(Role.PARTNER_LEAD, uuid(agency))
                .query(
                        adopt,
                        Map.of(
                                "input",
                                Map.of("charterId", charter, "partnerOrganisationId", agency, "personalise", false)))
                .data()
                .path("adoptCharter")
                .path("charterAdoption");
        ApiCaller otherLead = as(Role.PARTNER_LEAD, uuid(other));
        JsonNode own = otherLead
                .query(
                        adopt,
                        Map.of(
                                "input",
                                Map.of("charterId", charter, "partnerOrganisationId", other, "personalise", true)))
                .data()
                .path("adoptCharter")
                .path("charterAdoption");

        assertThat(asIs.path("charter").path("id").asText()).isEqualTo(charter);
        assertThat(own.path("personalised").asBoolean()).isTrue();
        assertThat(own.path("charter").path("basedOn").asText()).isEqualTo("charter:" + uuid(charter));
        assertThat(own.path("charter").path("partnerOrganisation").path("id").asText())
                .isEqualTo(other);
        JsonNode personalised = otherLead
                .query(
                        "mutation ($input: SaveCharterInput!) { saveCharter(input: $input) { charter { status values { name } } userErrors { message } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        own.path("charter").path("id").asText(),
                                        "version",
                                        0,
                                        "charter",
                                        Map.of(
                                                "title",
                                                "Our charter",
                                                "values",
                                                List.of(Map.of(
                                                        "name",
                                                        "Listening",
                                                        "belief",
                                                        "We believe in listening.",
                                                        "commitment",
                                                        "We will listen."))))))
                .data()
                .path("saveCharter")
                .path("charter");
        assertThat(personalised.path("values")).hasSize(1);
        Reply adoptions = admin.query("{ charterAdoptions { personalised partnerOrganisation { id } } }");
        assertThat(adoptions.data().path("charterAdoptions"))
                .as(adoptions.text())
                .hasSize(2);
        assertThat(otherLead
                        .query("{ charterAdoptions { partnerOrganisation { id } } }")
                        .data()
                        .path("charterAdoptions")
                        .toString())
                .contains(other)
                .doesNotContain(agency);
    }

    @Test
    void a_starter_kit_is_copied_as_drafts_and_copying_it_again_is_refused_whole() throws SQLException {
        JsonNode copied = admin.query(
                        "mutation { copyStarterKit(input: {code: \"hear-by-right\"})"
                                + " { documents { key status basedOn ... on ActionPlanTemplate { periodStart sections { standard } } } userErrors { message } } }")
                .data()
                .path("copyStarterKit");
        JsonNode again = admin.query(
                        "mutation { copyStarterKit(input: {code: \"hear-by-right\"}) { documents { key } userErrors { message } } }")
                .data()
                .path("copyStarterKit");

        assertThat(copied.path("documents").findValuesAsText("key"))
                .containsExactly(
                        "hear-by-right",
                        "action-plan-template-" + TestCalendar.today().getYear() + "-"
                                + (TestCalendar.today().getYear() + 1));
        assertThat(copied.path("documents").findValuesAsText("status")).containsOnly("DRAFT");
        assertThat(copied.path("documents").findValuesAsText("basedOn")).containsOnly("starter-kit:hear-by-right");
        assertThat(again.path("documents")).isEmpty();
        assertThat(again.path("userErrors")).hasSize(2);
        assertThat(documents(DocumentKind.STANDARDS_FRAMEWORK)).isEqualTo(1);
    }

    @Test
    void anyone_reads_what_a_tenant_has_published_and_nothing_else() {
        JsonNode draft = saveFramework(null, null, "Draft framework", List.of("One"));
        JsonNode published = saveFramework(null, null, "Published framework", List.of("One"));
        publish(published.path("id").asText(), 0);

        JsonNode seen = new ApiCaller(server)
                .query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { tenant { slug } standardsFrameworks { name status } charter { title } } }",
                        Map.of("s", tenant.slug()))
                .data()
                .path("publishedConfiguration");

        assertThat(seen.path("tenant").path("slug").asText()).isEqualTo(tenant.slug());
        assertThat(seen.path("standardsFrameworks").findValuesAsText("name")).containsExactly("Published framework");
        assertThat(seen.toString()).doesNotContain(draft.path("name").asText());
        assertThat(seen.path("charter").isNull()).isTrue();
    }

    @Test
    void the_editions_of_another_tenants_published_document_are_its_published_ones_not_the_readers_own() {
        String published = saveFramework(null, null, "Hear by Right", List.of("Shared values"))
                .path("id")
                .asText();
        publish(published, 0);
        TestTenant neighbour = TestTenants.active("peterborough");
        ApiCaller neighbourAdmin =
                ApiCaller.member(server, Role.TENANT_ADMIN.name(), Role.TENANT_ADMIN, neighbour.slug(), null);
        Reply theirs = neighbourAdmin.query(
                SAVE_FRAMEWORK,
                Map.of("input", Map.of("standardsFramework", framework("Hear by Right", List.of("Their values")))));
        assertThat(theirs.data().path("saveStandardsFramework").path("userErrors"))
                .as(theirs.text())
                .isEmpty();

        for (ApiCaller reader : List.of(neighbourAdmin, new ApiCaller(server))) {
            JsonNode frameworks = reader.query(
                            "query ($s: String!) { publishedConfiguration(tenantSlug: $s) {"
                                    + " standardsFrameworks { id editions { id status } } } }",
                            Map.of("s", tenant.slug()))
                    .data()
                    .path("publishedConfiguration")
                    .path("standardsFrameworks");

            assertThat(frameworks.path(0).path("editions").toString())
                    .as(
                            "the editions %s reads of %s's framework",
                            reader == neighbourAdmin ? "a neighbour" : "anyone", tenant.slug())
                    .isEqualTo("[{\"id\":\"" + published + "\",\"status\":\"PUBLISHED\"}]");
        }
    }

    @Test
    void members_other_than_admins_and_board_see_published_editions_only() {
        String agency = registerPartner("Cambridgeshire Fire");
        saveFramework(null, null, "Unpublished", List.of("One"));

        JsonNode asLead = as(Role.PARTNER_LEAD, uuid(agency))
                .query("{ standardsFrameworks { edges { node { name } } } }")
                .data();
        JsonNode asBoard = as(Role.BOARD_MEMBER, null)
                .query("{ standardsFrameworks { edges { node { name } } } }")
                .data();

        assertThat(asLead.path("standardsFrameworks").path("edges")).isEmpty();
        assertThat(asBoard.toString()).contains("Unpublished");
    }

    @Test
    void every_change_is_audited_with_before_and_after() throws SQLException {
        JsonNode draft = saveFramework(null, null, "Audited before", List.of("One"));
        saveFramework(draft.path("id").asText(), 0, "Audited after", List.of("One"));

        try (Connection owner = bound();
                ResultSet rows = owner.createStatement()
                        .executeQuery(
                                "SELECT action, before ->> 'name', after ->> 'name' FROM audit_event WHERE entity_type = 'StandardsFramework' ORDER BY occurred_at")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("StandardsFramework.created");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("StandardsFramework.changed");
            assertThat(rows.getString(2)).isEqualTo("Audited before");
            assertThat(rows.getString(3)).isEqualTo("Audited after");
        }
    }

    @Test
    void a_tenant_keeps_several_guidance_documents_by_key_and_anyone_reads_those_in_force_by_title() {
        JsonNode code = saveGuidance(null, null, guidance("online-code-of-conduct", "Online Code of Conduct"));
        JsonNode safeguarding = saveGuidance(null, null, guidance("safeguarding", "Safeguarding"));
        JsonNode draftOnly = saveGuidance(null, null, guidance("champion-role", "Champion role description"));
        JsonNode renamed = saveGuidance(
                code.path("id").asText(), 0, guidance("online-code-of-conduct", "Online Communication Code"));
        JsonNode stale =
                guidancePayload(code.path("id").asText(), 0, guidance("online-code-of-conduct", "Overwritten"));
        publish(renamed.path("id").asText(), 1);
        publish(safeguarding.path("id").asText(), 0);

        ApiCaller anyone = new ApiCaller(server);
        JsonNode published = anyone.query(PUBLISHED_GUIDANCE, Map.of("s", tenant.slug(), "key", "safeguarding"))
                .data()
                .path("publishedConfiguration");
        JsonNode unknown = anyone.query(PUBLISHED_GUIDANCE, Map.of("s", tenant.slug(), "key", "champion-role"))
                .data()
                .path("publishedConfiguration");
        String agency = registerPartner("Cambridgeshire Youth Offending Service");
        String asLead = as(Role.PARTNER_LEAD, uuid(agency))
                .query("{ guidance { edges { node { key status } } } }")
                .text();
        String asBoard = as(Role.BOARD_MEMBER, null)
                .query("{ guidance { edges { node { key status } } } }")
                .text();

        assertThat(renamed.path("title").asText()).isEqualTo("Online Communication Code");
        assertThat(renamed.path("key").asText()).isEqualTo("online-code-of-conduct");
        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(published.path("all").findValuesAsText("title"))
                .as("by title, drafts left out")
                .containsExactly("Online Communication Code", "Safeguarding");
        assertThat(published.path("one").findValuesAsText("key")).containsExactly("safeguarding");
        assertThat(unknown.path("one")).as("a draft has no published edition").isEmpty();
        assertThat(asLead).contains("online-code-of-conduct", "safeguarding").doesNotContain("champion-role");
        assertThat(asBoard).contains("champion-role", "DRAFT");
        assertThat(draftOnly.path("sections").path(0).path("body").toString())
                .isEqualTo("[{\"subheading\":\"Lone working\",\"paragraph\":null,\"items\":[]},"
                        + "{\"subheading\":null,\"paragraph\":null,\"items\":[\"Tell your manager where you are.\"]}]");

        JsonNode second = admin.query(
                        REVISE,
                        Map.of("input", Map.of("id", safeguarding.path("id").asText())))
                .data()
                .path("reviseDocument")
                .path("document");
        JsonNode whileDrafting = anyone.query(PUBLISHED_GUIDANCE, Map.of("s", tenant.slug(), "key", "safeguarding"))
                .data()
                .path("publishedConfiguration");
        publish(second.path("id").asText(), 0);
        JsonNode afterwards = anyone.query(PUBLISHED_GUIDANCE, Map.of("s", tenant.slug(), "key", "safeguarding"))
                .data()
                .path("publishedConfiguration");

        assertThat(second.path("edition").asInt()).isEqualTo(2);
        assertThat(whileDrafting.path("one").path(0).path("edition").asInt()).isEqualTo(1);
        assertThat(afterwards.path("one").path(0).path("edition").asInt()).isEqualTo(2);
        assertThat(afterwards.path("all")).hasSize(2);
    }

    @Test
    void only_the_tenant_admin_writes_guidance() throws SQLException {
        String agency = registerPartner("Cambridgeshire Constabulary");
        for (ApiCaller caller : List.of(as(Role.BOARD_MEMBER, null), as(Role.PARTNER_LEAD, uuid(agency)))) {
            Reply refused = caller.query(
                    SAVE_GUIDANCE, Map.of("input", Map.of("guidance", guidance("lone-working", "Lone working"))));

            assertThat(refused.errorCode()).as(refused.text()).isEqualTo("FORBIDDEN");
        }
        assertThat(documents(DocumentKind.GUIDANCE)).isZero();
    }

    @Test
    void guidance_that_breaks_a_rule_is_refused_naming_each_field_and_its_rule_and_nothing_is_stored()
            throws SQLException {
        Map<String, Object> empty = new HashMap<>(Map.of(
                "key", "Online Code", "title", "  ", "source", "", "reviewDue", "next year", "sections", List.of()));
        Map<String, Object> badBlocks = new HashMap<>(guidance("lone-working", "Lone working"));
        badBlocks.put("reviewDate", "2012-01-01");
        badBlocks.put("reviewDue", "January 2012");
        badBlocks.put(
                "sections",
                List.of(
                        Map.of("heading", "", "body", List.of()),
                        Map.of(
                                "heading",
                                "Lone working",
                                "body",
                                List.of(
                                        Map.of("paragraph", "Tell your manager.", "items", List.of("Or a colleague.")),
                                        Map.of()))));

        JsonNode first = guidancePayload(null, null, empty);
        JsonNode second = guidancePayload(null, null, badBlocks);

        assertThat(first.path("guidance").isNull()).isTrue();
        assertThat(problems(first))
                .containsExactlyInAnyOrder(
                        "guidance.key INVALID_FORMAT",
                        "guidance.title REQUIRED",
                        "guidance.source REQUIRED",
                        "guidance.reviewDue INVALID_FORMAT",
                        "guidance.sections REQUIRED");
        assertThat(problems(second))
                .containsExactlyInAnyOrder(
                        "guidance.reviewDue NOT_ALLOWED",
                        "guidance.sections.0.heading REQUIRED",
                        "guidance.sections.0.body REQUIRED",
                        "guidance.sections.1.body.0 NOT_ALLOWED",
                        "guidance.sections.1.body.1 REQUIRED");
        assertThat(second.path("userErrors").findValuesAsText("message"))
                .contains(
                        "guidance.sections.1.body.0: give one of subheading, paragraph or items, not several.",
                        "guidance.reviewDue: give reviewDate or reviewDue, not both.");
        assertThat(first.path("userErrors").findValuesAsText("message"))
                .contains("guidance.key: use at most 60 lower-case letters, digits and single hyphens, starting with"
                        + " a letter, e.g. online-code-of-conduct.");
        assertThat(documents(DocumentKind.GUIDANCE)).isZero();
    }

    @Test
    void a_review_date_that_is_not_a_day_is_refused_naming_it_and_nothing_is_stored() throws SQLException {
        Map<String, Object> content = new HashMap<>(guidance("lone-working", "Lone working"));
        content.put("reviewDate", "2026-02-30");

        Reply refused = admin.query(SAVE_GUIDANCE, Map.of("input", Map.of("guidance", content)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.firstError().path("message").asText())
                .startsWith("Argument 'input.guidance.reviewDate' of field 'saveGuidance'");
        assertThat(documents(DocumentKind.GUIDANCE)).isZero();
    }

    @Test
    void a_guidance_documents_key_is_its_own_and_fixed_once_created() throws SQLException {
        JsonNode draft = saveGuidance(null, null, guidance("lone-working", "Lone working"));

        JsonNode moved = guidancePayload(draft.path("id").asText(), 0, guidance("working-alone", "Lone working"));
        JsonNode twice = guidancePayload(null, null, guidance("lone-working", "Another lone working"));

        assertThat(problems(moved)).containsExactly("guidance.key NOT_ALLOWED");
        assertThat(moved.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The key is fixed once created (it is lone-working); create a new document for another.");
        assertThat(twice.path("userErrors").path(0).path("message").asText())
                .isEqualTo("There is already a Guidance 'lone-working'; change or revise it instead.");
        assertThat(documents(DocumentKind.GUIDANCE)).isEqualTo(1);
    }

    /** A guidance document saved by the admin, as the payload answers it. */
    private JsonNode saveGuidance(String id, Integer version, Map<String, Object> content) {
        JsonNode payload = guidancePayload(id, version, content);
        assertThat(payload.path("guidance").has("id")).as(payload.toString()).isTrue();
        return payload.path("guidance");
    }

    private JsonNode guidancePayload(String id, Integer version, Map<String, Object> content) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        input.put("guidance", content);
        return admin.query(SAVE_GUIDANCE, Map.of("input", input)).data().path("saveGuidance");
    }

    /** Guidance for staff with one section: a subheading and a list under it. */
    private static Map<String, Object> guidance(String key, String title) {
        return Map.of(
                "key",
                key,
                "title",
                title,
                "audience",
                "Staff",
                "source",
                "Appendix 1 of the strategy",
                "sections",
                List.of(Map.of(
                        "heading",
                        "Staff are aware of safe working practices",
                        "body",
                        List.of(
                                Map.of("subheading", "Lone working"),
                                Map.of("items", List.of("Tell your manager where you are."))))));
    }

    /** Each user error as its field below the input and its code: "guidance.title REQUIRED". */
    private static List<String> problems(JsonNode payload) {
        List<String> problems = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            List<String> field = new ArrayList<>();
            error.path("field").forEach(part -> field.add(part.asText()));
            problems.add(String.join(".", field.subList(1, field.size())) + " "
                    + error.path("code").asText());
        }
        return problems;
    }

    private JsonNode saveFramework(String id, Integer version, String name, List<String> titles) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        input.put("standardsFramework", framework(name, titles));
        Reply reply = admin.query(SAVE_FRAMEWORK, Map.of("input", input));
        JsonNode framework = reply.data().path("saveStandardsFramework").path("standardsFramework");
        assertThat(framework.has("id")).as(reply.text()).isTrue();
        return framework;
    }

    private Map<String, Object> framework(String name, List<String> titles) {
        // The key follows the name's first word, so a framework renamed within a test keeps its key.
        String first = name.split(" ")[0].toLowerCase();
        String key = name.toLowerCase().startsWith("hear by right") ? "hear-by-right" : "fw-" + first;
        List<Map<String, Object>> standards = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            standards.add(Map.of(
                    "number",
                    String.valueOf(i + 1),
                    "title",
                    titles.get(i),
                    "criteria",
                    List.of(Map.of("number", (i + 1) + ".1", "text", "A criterion"))));
        }
        return Map.of("key", key, "name", name, "standards", standards);
    }

    private JsonNode saveTemplate(String framework, String standard) {
        return admin.query(
                        SAVE_TEMPLATE,
                        Map.of(
                                "input",
                                Map.of(
                                        "actionPlanTemplate",
                                        Map.of(
                                                "title",
                                                "Action plan 2009-2010",
                                                "periodStart",
                                                2009,
                                                "periodEnd",
                                                2010,
                                                "framework",
                                                framework,
                                                "columns",
                                                List.of(Map.of("key", "outcome", "label", "Outcomes", "type", "TEXT")),
                                                "sections",
                                                List.of(Map.of(
                                                        "number",
                                                        "1",
                                                        "title",
                                                        "Shared Values",
                                                        "standard",
                                                        standard,
                                                        "outcomes",
                                                        List.of(Map.of(
                                                                "number",
                                                                "1.2",
                                                                "text",
                                                                "Recruiting managers have sufficient skills"))))))))
                .data()
                .path("saveActionPlanTemplate");
    }

    private static Map<String, Object> strategy(String title, List<Map<String, Object>> outcomes) {
        return Map.of(
                "title",
                title,
                "periodStart",
                2009,
                "periodEnd",
                2012,
                "aims",
                List.of("To involve children and young people"),
                "outcomeFramework",
                Map.of("levels", List.of("Strategic priority", "Strategic outcome"), "outcomes", outcomes));
    }

    private static Map<String, Object> outcome(String ref, int level, String parent) {
        Map<String, Object> outcome = new HashMap<>(Map.of("ref", ref, "level", level, "text", "Outcome " + ref));
        outcome.put("parent", parent);
        return outcome;
    }

    private JsonNode publish(String id, int version) {
        return admin.query(PUBLISH, Map.of("input", Map.of("id", id, "version", version)))
                .data()
                .path("publishDocument");
    }

    private String registerPartner(String name) {
        return admin.query(
                        "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i) { partnerOrganisation { id } } }",
                        Map.of("i", Map.of("name", name)))
                .data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();
    }

    private ApiCaller as(Role role, UUID partner) {
        return ApiCaller.member(server, role.name(), role, tenant.slug(), partner);
    }

    private static UUID uuid(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    private long documents(DocumentKind kind) throws SQLException {
        try (Connection owner = bound();
                PreparedStatement query =
                        owner.prepareStatement("SELECT count(*) FROM configuration_document WHERE kind = ?")) {
            query.setString(1, kind.name());
            ResultSet rows = query.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection bound() throws SQLException {
        Connection owner = TestDatabase.ownerConnection();
        owner.setAutoCommit(false);
        try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant.id().toString());
            bind.execute();
        }
        return owner;
    }
}
