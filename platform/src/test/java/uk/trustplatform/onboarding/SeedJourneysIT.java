package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Each of the five seed partnerships, onboarded from {@code tenants/}, can do its ordinary work
 * from its first day with what its own document gives it (its admin, a partner lead, its board), and publishes nothing in another
 * council's words: the starter kits it names arrive as drafts with its own name in them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedJourneysIT implements TestPropertyProvider {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** The councils of the five seeds, and the people their documents name. */
    private static final Map<String, List<String>> OWN_WORDS = Map.of(
            "cambridgeshire", List.of("Cambridgeshire"),
            "cumbria", List.of("Cumbria"),
            "kent", List.of("Kent"),
            "luton", List.of("Luton", "Harriet Martin"),
            "medway", List.of("Medway"));
    /** A UK telephone number as the seeds print them: "01582 - 548153". */
    private static final Pattern PHONE = Pattern.compile("\\b0\\d{3,4}\\s?-?\\s?\\d{6}\\b");

    private static final String TERMS = """
            query ($s: String!) {
              tenant(slug: $s) { name kind }
              publishedConfiguration(tenantSlug: $s) {
                actionPlanTemplates { id title }
                charter { id title }
                pledge { id title statement }
                termsInForce {
                  governanceBodyTypes { code label }
                  ageBands { label }
                  audienceGroups { code }
                  participationMethods { code }
                  hartsLadderLevels { rung name }
                  platformDefaults
                }
              }
            }""";
    private static final String DRAFTS = """
            {
              standardsFrameworks { edges { node { id status basedOn name description
                standards { title description criteria { text } } } } }
              actionPlanTemplates { edges { node { id status basedOn title framework } } }
              charters { edges { node { id status basedOn title values { name belief commitment } } } }
              pledges { edges { node { id status basedOn title statement commitments { text } } } }
            }""";

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.platformProperties();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cambridgeshire", "cumbria", "kent", "luton", "medway"})
    void a_seed_partnership_does_its_ordinary_work_in_its_own_words(String slug) throws IOException {
        seeds = new SeedPartnerships(server);
        seeds.open(slug);
        String written = Files.readString(Path.of("../tenants", slug, "tenant.yaml"));
        JsonNode definition = YAML.readTree(written);
        ApiCaller admin = seeds.admin(slug);
        ApiCaller anyone = new ApiCaller(server);

        JsonNode drafts = admin.query(DRAFTS).data();
        List<String> kits = StreamSupport.stream(
                        definition.path("configuration").path("starterKits").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
        for (String kit : kits) {
            assertThat(documents(drafts, "starter-kit:" + kit))
                    .as("the %s kit is copied into %s, as drafts only", kit, slug)
                    .isNotEmpty()
                    .allSatisfy(document ->
                            assertThat(document.path("status").asText()).isEqualTo("DRAFT"));
        }
        String name = definition.path("name").asText();
        if (kits.contains("nine-standard-safeguarding-pledge")) {
            assertThat(documents(drafts, "starter-kit:nine-standard-safeguarding-pledge")
                            .toString())
                    .as("the kit's copy names the partnership that copied it")
                    .contains("active participation in " + name)
                    .doesNotContain("{partnership}");
        }

        String published = anyone.query(TERMS, Map.of("s", slug)).text();
        // A copy's basedOn names the kit it came from (starter-kit:cambridgeshire-charter): its credit, not its text.
        String draftText = drafts.toString().replaceAll("\"basedOn\":\"[^\"]*\"", "");
        List<String> pages = new ArrayList<>(List.of(published, draftText));
        List<String> addresses = new ArrayList<>(List.of(
                "", "/strategy", "/charter", "/standards", "/guidance", "/pledge-register", "/you-said-we-did"));
        definition
                .path("configuration")
                .path("guidance")
                .forEach(guidance ->
                        addresses.add("/guidance/" + guidance.path("key").asText()));
        for (String page : addresses) {
            Reply shown = anyone.get("/" + slug + page, Map.of());
            assertThat(shown.status()).as("/" + slug + page).isEqualTo(200);
            pages.add(shown.text());
        }
        for (String text : pages) {
            OWN_WORDS.forEach((other, words) -> {
                if (!other.equals(slug)) {
                    words.forEach(word ->
                            assertThat(text).as("%s names %s", slug, word).doesNotContainIgnoringCase(word));
                }
            });
            Matcher phone = PHONE.matcher(text);
            while (phone.find()) {
                assertThat(written)
                        .as("%s prints %s, which its own document does not", slug, phone.group())
                        .contains(phone.group());
            }
        }

        JsonNode configuration = anyone.query(TERMS, Map.of("s", slug)).data().path("publishedConfiguration");
        JsonNode terms = configuration.path("termsInForce");
        assertThat(terms.path("platformDefaults").toString())
                .as("%s names its own governance bodies", slug)
                .doesNotContain("governanceBodyTypes");
        assertThat(terms.path("hartsLadderLevels"))
                .as("Hart's ladder, rungs 1 to 8")
                .hasSize(8);

        // The ordinary work in a copy of the seed: a partnership that writes no template publishes
        // the kit's first, and the seed itself must go on publishing only what its definition says.
        String copy = seeds.openCopy(slug);
        ApiCaller copyAdmin = seeds.admin(copy);
        JsonNode copied = anyone.query(TERMS, Map.of("s", copy)).data().path("publishedConfiguration");
        UUID agency = seeds.agency(copy, "Seed journey agency");
        String agencyId = GlobalId.encode("PartnerOrganisation", agency);
        SeedPartnerships.Person person = seeds.person("seed-lead", copy, agency, Role.PARTNER_LEAD);
        ApiCaller lead =
                new ApiCaller(server).withToken(TestKeycloak.passwordToken(person.username(), person.password()));

        JsonNode activity = lead.mutate(
                "saveParticipationActivity",
                "SaveParticipationActivityInput",
                activityFor(agencyId, terms),
                "participationActivity { ladderRung }");
        assertThat(activity.path("participationActivity").path("ladderRung").asInt())
                .isEqualTo(5);
        copyAdmin.mutate(
                "saveGovernanceBody",
                "SaveGovernanceBodyInput",
                Map.of(
                        "name",
                        "Seed journey group",
                        "type",
                        terms.path("governanceBodyTypes").get(0).path("code").asText()),
                "governanceBody { type }");

        String template = copied.path("actionPlanTemplates").path(0).path("id").asText(null);
        if (template == null) {
            // The partnership writes no template of its own: its admin makes the kit's its own first.
            seeds.publishStarterKit(copyAdmin, "hear-by-right");
            template = anyone.query(TERMS, Map.of("s", copy))
                    .data()
                    .path("publishedConfiguration")
                    .path("actionPlanTemplates")
                    .path(0)
                    .path("id")
                    .asText();
        }
        lead.mutate(
                "startActionPlan",
                "StartActionPlanInput",
                Map.of("partnerOrganisationId", agencyId, "templateId", template),
                "actionPlan { id }");
        SeedPartnerships.Person boardMember = seeds.person("seed-board", copy, null, Role.BOARD_MEMBER);
        ApiCaller board = new ApiCaller(server)
                .withToken(TestKeycloak.passwordToken(boardMember.username(), boardMember.password()));
        assertThat(board.query("{ actionPlans(first: 50) { edges { node { partnerOrganisation { id } } } } }")
                        .data()
                        .findValuesAsText("id"))
                .as("the board sees the agency's plan")
                .contains(agencyId);

        if (definition.path("configuration").has("pledge")) {
            JsonNode invited = copyAdmin
                    .mutate(
                            "invitePartnerToPledge",
                            "InvitePartnerToPledgeInput",
                            Map.of("partnerOrganisationId", agencyId),
                            "pledgeRegistration { id version }")
                    .path("pledgeRegistration");
            Map<String, Object> signature = new HashMap<>();
            signature.put("id", invited.path("id").asText());
            signature.put("version", invited.path("version").asInt());
            signature.put("signatory", "Sam Okafor");
            signature.put("postHeld", "Chair");
            signature.put("onBehalfOf", "Seed journey agency");
            signature.put("signedOn", TestCalendar.today().toString());
            lead.mutate("signPledge", "SignPledgeInput", signature, "pledgeRegistration { status }");
        } else {
            assertThat(copied.path("pledge").isNull())
                    .as("%s writes no pledge, so publishes none", slug)
                    .isTrue();
        }

        if (definition.path("configuration").has("charter")) {
            lead.mutate(
                    "adoptCharter",
                    "AdoptCharterInput",
                    Map.of(
                            "charterId",
                            copied.path("charter").path("id").asText(),
                            "partnerOrganisationId",
                            agencyId,
                            "personalise",
                            false),
                    "charterAdoption { personalised }");
        } else {
            assertThat(copied.path("charter").isNull())
                    .as("%s writes no charter, so publishes none", slug)
                    .isTrue();
        }
    }

    @Test
    void what_a_council_would_notice_first_is_as_its_document_says() {
        seeds = new SeedPartnerships(server);
        List.of("cambridgeshire", "cumbria", "kent", "medway").forEach(seeds::open);
        ApiCaller anyone = new ApiCaller(server);
        String facts = """
                query ($s: String!) {
                  tenant(slug: $s) { name kind }
                  publishedConfiguration(tenantSlug: $s) {
                    strategies { reviewDate reviewDue participationStructures { name meetingFrequency } }
                    vocabularies { audienceGroups { code } participationMethods { code } hartsLadderLevels { rung name } }
                  }
                }""";
        JsonNode cambridgeshire =
                anyone.query(facts, Map.of("s", "cambridgeshire")).data();
        assertThat(cambridgeshire.path("tenant").path("name").asText())
                .isEqualTo("Cambridgeshire Children and Young People's Strategic Partnership");
        assertThat(cambridgeshire.path("tenant").path("kind").asText()).isEqualTo("STRATEGIC_PARTNERSHIP");
        JsonNode strategy =
                cambridgeshire.path("publishedConfiguration").path("strategies").path(0);
        assertThat(strategy.path("reviewDue").asText()).isEqualTo("autumn 2011");
        assertThat(strategy.path("participationStructures").findValuesAsText("meetingFrequency"))
                .as("the Task Group's annual review is not a meeting frequency")
                .doesNotContain("on an annual basis");

        JsonNode cumbria = anyone.query(facts, Map.of("s", "cumbria")).data().path("publishedConfiguration");
        assertThat(cumbria.path("vocabularies").path("hartsLadderLevels").findValuesAsText("name"))
                .as("Cumbria's own ladder, all eight rungs")
                .hasSize(8)
                .contains("Tokenism", "Consulted and informed");

        JsonNode kent = anyone.query(facts, Map.of("s", "kent")).data();
        assertThat(kent.path("tenant").path("name").asText()).isEqualTo("Kent County Council");
        assertThat(kent.path("publishedConfiguration")
                        .path("vocabularies")
                        .path("audienceGroups")
                        .findValuesAsText("code"))
                .contains("care-leavers", "unaccompanied-asylum-seeking-children");
        assertThat(kent.path("publishedConfiguration")
                        .path("vocabularies")
                        .path("participationMethods")
                        .findValuesAsText("code"))
                .contains("group-discussions", "questionnaires", "individual-conversations", "art-based-projects");

        JsonNode medway = anyone.query(facts, Map.of("s", "medway")).data().path("publishedConfiguration");
        assertThat(medway.path("vocabularies").path("participationMethods").findValuesAsText("code"))
                .as("Medway's methods, not Hear by Right's categories")
                .contains("surveys", "mystery-shopping")
                .doesNotContain("planning-and-organising", "doing-and-delivering");
    }

    /** An activity for the first of each of the partnership's terms in force, on rung 5. */
    private static Map<String, Object> activityFor(String agencyId, JsonNode terms) {
        Map<String, Object> activity = new HashMap<>();
        activity.put("partnerOrganisationId", agencyId);
        activity.put("title", "What would make the youth centre better?");
        activity.put("purpose", "To hear what young people want from the youth centre.");
        activity.put("startsOn", TestCalendar.today().toString());
        activity.put("endsOn", TestCalendar.today().toString());
        activity.put(
                "ageBands", List.of(terms.path("ageBands").get(0).path("label").asText()));
        activity.put(
                "audienceGroups",
                List.of(terms.path("audienceGroups").get(0).path("code").asText()));
        activity.put(
                "methods",
                List.of(terms.path("participationMethods").get(0).path("code").asText()));
        activity.put("ladderRung", 5);
        return activity;
    }

    /** The documents of every kind copied from the given source. */
    private static List<JsonNode> documents(JsonNode drafts, String basedOn) {
        List<JsonNode> found = new ArrayList<>();
        drafts.forEach(connection -> connection.path("edges").forEach(edge -> {
            if (edge.path("node").path("basedOn").asText().equals(basedOn)) {
                found.add(edge.path("node"));
            }
        }));
        return found;
    }
}
