package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.WebSite;

/**
 * The partnership's admin keeping its configuration documents in Chromium with JavaScript off,
 * through Keycloak's own sign-in page, on copies of seed partnerships (each journey publishes, which
 * the seed itself must not): Medway's admin finds the pledge draft copied from the nine-standard
 * kit, edits a commitment (an empty one refused, a row added and removed), publishes it, sees it on
 * the public pledge register and starts its next edition; Kent's and Cumbria's admins publish the
 * Hear by Right framework their onboarding copied; a strategy's next edition is refused publishing
 * until a partner has endorsed it; a starter kit copied in as drafts; a save on a draft someone
 * else changed shows who did; a board member reads but changes nothing; an admin of another
 * partnership finds no such page. The API confirms every state; axe checks every page and error
 * state.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentAdminJourneyIT implements TestPropertyProvider {

    private static final String DRAFTS_AND_ORIGINS = """
            {
              standardsFrameworks { edges { node { id key status basedOn } } }
              strategies { edges { node { id key status basedOn } } }
              pledges { edges { node { id key status basedOn } } }
              charters { edges { node { id key status basedOn } } }
            }""";

    private static final String EDITION = """
            query ($id: ID!) { node(id: $id) { ... on ConfigurationDocument { status version edition
              editions { id edition status } }
              ... on Pledge { title commitments { standard text } } } }""";

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void seeds() {
        seeds = new SeedPartnerships(server);
        seeds.open("cambridgeshire");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "DocumentAdminJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @Test
    void medways_admin_edits_the_kit_pledge_publishes_it_for_the_public_register_and_starts_its_next_edition() {
        String medway = seeds.openCopy("medway");
        ApiCaller api = seeds.admin(medway);
        String pledge = copied(api, "pledges", "nine-standard-safeguarding-pledge");
        String framework = copied(api, "standardsFrameworks", "nine-standard-safeguarding-pledge");
        Person admin = seeds.person("admin", medway, null, Role.TENANT_ADMIN);

        try (BrowserContext browser = site.browser()) {
            Page page = signedIn(browser, medway, admin);
            WebSite.open(page, site.url("/" + medway + "/admin/documents"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Configuration documents");
            String pledgeRow =
                    page.locator("h2:has-text('Pledge') + table tbody tr").innerText();
            assertThat(pledgeRow).contains("Edition 1", "Draft", "Copied from the starter kit");
            assertThat(page.locator("#starter-kits").isVisible()).isTrue();
            WebSite.assertAccessible(page, "the configuration documents");
            WebSite.screenshot(page, "admin-documents");

            page.click("h2:has-text('Pledge') + table tbody tr a >> nth=0");
            assertThat(page.locator("h1").innerText()).endsWith(", edition 1");
            assertThat(page.locator("main").innerText()).contains("Commitments", "Signature block");
            WebSite.assertAccessible(page, "the pledge draft");
            WebSite.screenshot(page, "admin-document-pledge-draft");

            page.click("text=Edit the draft");
            assertThat(page.locator("h1").innerText()).startsWith("Edit ");
            String firstCommitment = page.locator("#pledge-commitments-0-text").inputValue();
            assertThat(firstCommitment).isNotBlank();
            WebSite.assertAccessible(page, "editing the pledge draft");

            page.fill("#pledge-commitments-0-text", "");
            Response empty = submit(page, "Save the draft");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Commitment 1, what the partner commits to must not be empty");
            assertThat(page.locator("#pledge-commitments-0-text-error").innerText())
                    .contains("must not be empty");
            WebSite.assertAccessible(page, "a commitment left empty");
            WebSite.screenshot(page, "admin-document-pledge-refused");
            assertThat(edition(api, pledge)
                            .path("commitments")
                            .path(0)
                            .path("text")
                            .asText())
                    .isEqualTo(firstCommitment);

            int rows = page.locator("textarea[id^='pledge-commitments-'][id$='-text']")
                    .count();
            WebSite.loadedBy(page, () -> page.click("button:has-text('Add another commitment')"));
            assertThat(page.locator("#pledge-commitments-" + rows + "-text").inputValue())
                    .isEmpty();
            assertThat(page.locator("#pledge-commitments-0-text").inputValue())
                    .as("what was typed stays")
                    .isEmpty();
            WebSite.assertAccessible(page, "the pledge with a commitment added");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Remove Commitment " + (rows + 1) + "')"));
            assertThat(page.locator("#pledge-commitments-" + rows + "-text").count())
                    .isZero();

            String edited = "We will make sure every child is listened to and their views are acted upon.";
            page.fill("#pledge-commitments-0-text", edited);
            submit(page, "Save the draft");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The draft is saved");
            assertThat(page.locator("main").innerText()).contains(edited);
            assertThat(edition(api, pledge)
                            .path("commitments")
                            .path(0)
                            .path("text")
                            .asText())
                    .isEqualTo(edited);
            assertThat(edition(api, pledge).path("commitments").size()).isEqualTo(rows);

            // The pledge commits to the kit's framework: it is published first.
            WebSite.open(page, site.url("/" + medway + "/admin/documents/" + framework));
            submit(page, "Publish this edition");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The edition is published");
            assertThat(edition(api, framework).path("status").asText()).isEqualTo("PUBLISHED");

            WebSite.open(page, site.url("/" + medway + "/admin/documents/" + pledge));
            submit(page, "Publish this edition");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The edition is published");
            assertThat(page.locator("main").innerText()).contains("Published", "Start the next edition");
            WebSite.assertAccessible(page, "the published pledge");
            assertThat(edition(api, pledge).path("status").asText()).isEqualTo("PUBLISHED");

            page.click("text=Read it as the public does");
            assertThat(page.locator("h1").innerText()).isEqualTo("Pledge register");
            assertThat(page.locator("main").innerText()).contains(edited);

            WebSite.open(page, site.url("/" + medway + "/admin/documents/" + pledge));
            page.click("#history-link");
            assertThat(page.locator("h1").innerText()).isEqualTo("History");
            assertThat(page.locator("main").innerText())
                    .as("the edit and the publishing, each with what changed")
                    .contains(edited);
            WebSite.assertAccessible(page, "the pledge's history");

            WebSite.open(page, site.url("/" + medway + "/admin/documents/" + pledge));
            submit(page, "Start the next edition");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The next edition is started as a draft");
            assertThat(page.locator("h1").innerText()).endsWith(", edition 2");
            assertThat(page.locator("main").innerText()).contains("The next edition after edition 1");
            WebSite.assertAccessible(page, "the pledge's next edition");
            WebSite.screenshot(page, "admin-document-next-edition");
        }
        JsonNode editions = edition(api, pledge).path("editions");
        assertThat(editions.size()).isEqualTo(2);
        assertThat(editions.path(0).path("status").asText()).isEqualTo("DRAFT");
        assertThat(editions.path(1).path("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void kents_and_cumbrias_admins_publish_the_hear_by_right_framework_their_onboarding_copied() {
        for (String seed : List.of("kent", "cumbria")) {
            String tenant = seeds.openCopy(seed);
            ApiCaller api = seeds.admin(tenant);
            String framework = copied(api, "standardsFrameworks", "hear-by-right");
            Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
            try (BrowserContext browser = site.browser()) {
                Page page = signedIn(browser, tenant, admin);
                WebSite.open(page, site.url("/" + tenant + "/admin/documents"));
                page.click("h2:has-text('Standards frameworks') + table a:has-text('Hear by Right') >> nth=0");
                assertThat(page.locator("main").innerText()).contains("Draft", "Copied from the starter kit");
                WebSite.assertAccessible(page, seed + "'s Hear by Right draft");

                // A criterion added to the first standard: a list inside a list, without JavaScript.
                page.click("text=Edit the draft");
                String criteria = "[id^='standardsFramework-standards-0-criteria-'][id$='-text']";
                int before = page.locator(criteria).count();
                WebSite.loadedBy(page, () -> page.click("button:has-text('Add another criterion') >> nth=0"));
                assertThat(page.locator(criteria).count()).isEqualTo(before + 1);
                String added = "Young people check with the board that they know the impact of what they said.";
                page.fill("#standardsFramework-standards-0-criteria-" + before + "-number", "1.9");
                page.fill("#standardsFramework-standards-0-criteria-" + before + "-text", added);
                WebSite.assertAccessible(page, seed + "'s framework with a criterion added");
                submit(page, "Save the draft");
                assertThat(page.locator(".govuk-notification-banner").innerText())
                        .contains("The draft is saved");
                JsonNode firstStandard = api.query(
                                "query ($id: ID!) { node(id: $id) { ... on StandardsFramework"
                                        + " { standards { criteria { number text } } } } }",
                                Map.of("id", framework))
                        .data()
                        .path("node")
                        .path("standards")
                        .path(0)
                        .path("criteria");
                assertThat(firstStandard.size()).isEqualTo(before + 1);
                assertThat(firstStandard.path(before).path("number").asText()).isEqualTo("1.9");
                assertThat(firstStandard.path(before).path("text").asText()).isEqualTo(added);

                submit(page, "Publish this edition");
                assertThat(page.locator(".govuk-notification-banner").innerText())
                        .contains("The edition is published");
                WebSite.assertAccessible(page, seed + "'s published Hear by Right");
                page.click("text=Read it as the public does");
                assertThat(page.locator("main").innerText()).contains("Hear by Right");
            }
            assertThat(edition(api, framework).path("status").asText()).isEqualTo("PUBLISHED");
        }
    }

    @Test
    void a_strategys_next_edition_is_refused_publishing_until_a_partner_endorses_it() {
        for (String seed : List.of("medway", "cumbria")) {
            String tenant = seeds.openCopy(seed);
            ApiCaller api = seeds.admin(tenant);
            String published = firstStrategy(api);
            String agency = GlobalId.encode("PartnerOrganisation", seeds.agency(tenant, "Youth Service"));
            String agencyName = api.query(
                            "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
                            Map.of("id", agency))
                    .data()
                    .path("node")
                    .path("name")
                    .asText();
            Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
            try (BrowserContext browser = site.browser()) {
                Page page = signedIn(browser, tenant, admin);
                WebSite.open(page, site.url("/" + tenant + "/admin/documents/" + published));
                assertThat(page.locator("main").innerText()).contains("Endorsements", "Published");
                WebSite.assertAccessible(page, seed + "'s published strategy");
                submit(page, "Start the next edition");
                String draft = page.url().replaceAll(".*/admin/documents/([^?]+).*", "$1");
                assertThat(page.locator(".govuk-warning-text").innerText())
                        .contains("published only once a partner has endorsed it");
                WebSite.assertAccessible(page, seed + "'s strategy draft, not endorsed");

                Response refused = submit(page, "Publish this edition");
                assertThat(refused.status()).isEqualTo(400);
                assertThat(page.locator("#actions-error").innerText()).containsIgnoringCase("endorse");
                WebSite.assertAccessible(page, seed + "'s strategy refused publishing");
                WebSite.screenshot(page, "admin-strategy-not-endorsed");
                assertThat(edition(api, draft).path("status").asText()).isEqualTo("DRAFT");

                page.selectOption("#partnerOrganisationId", agency);
                submit(page, "Record the endorsement");
                assertThat(page.locator(".govuk-notification-banner").innerText())
                        .contains("The endorsement is recorded");
                assertThat(page.locator("table:has-text('Partners that endorsed') tbody")
                                .innerText())
                        .contains(agencyName);
                WebSite.assertAccessible(page, seed + "'s endorsed strategy");
                assertThat(edition(api, draft).path("status").asText()).isEqualTo("ENDORSED");

                submit(page, "Publish this edition");
                assertThat(page.locator(".govuk-notification-banner").innerText())
                        .contains("The edition is published");
            }
            assertThat(edition(api, draft(api, published)).path("status").asText())
                    .isEqualTo("PUBLISHED");
            assertThat(edition(api, published).path("status").asText()).isEqualTo("SUPERSEDED");
        }
    }

    @Test
    void a_starter_kit_is_copied_into_the_partnership_as_drafts() {
        String luton = seeds.openCopy("luton");
        ApiCaller api = seeds.admin(luton);
        assertThat(origins(api)).doesNotContain("starter-kit:hear-by-right");
        Person admin = seeds.person("admin", luton, null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = signedIn(browser, luton, admin);
            WebSite.open(page, site.url("/" + luton + "/admin/documents"));
            page.locator(".govuk-summary-card:has(h3:text-is('Hear by Right'))")
                    .locator("button:has-text('Copy into the partnership')")
                    .click();
            page.waitForLoadState();
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The starter kit is copied into the partnership as drafts");
            assertThat(page.locator("h2:has-text('Standards frameworks') + table")
                            .innerText())
                    .contains("Hear by Right", "Draft");
            WebSite.assertAccessible(page, "a starter kit copied");
            WebSite.screenshot(page, "admin-starter-kit-copied");
        }
        assertThat(origins(api)).contains("starter-kit:hear-by-right");
    }

    @Test
    void a_save_on_a_draft_someone_else_changed_shows_who_did_and_keeps_what_was_typed() {
        String kent = seeds.openCopy("kent");
        ApiCaller api = seeds.admin(kent);
        String pledge = copied(api, "pledges", "nine-standard-safeguarding-pledge");
        Person admin = seeds.person("admin", kent, null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = signedIn(browser, kent, admin);
            WebSite.open(page, site.url("/" + kent + "/admin/documents/" + pledge + "/edit"));
            JsonNode now = edition(api, pledge);
            api.mutate(
                    "savePledge",
                    "SavePledgeInput",
                    Map.of(
                            "id",
                            pledge,
                            "version",
                            now.path("version").asInt(),
                            "pledge",
                            pledgeContent(api, pledge, "Kent's pledge, as the business manager changed it")),
                    "pledge { id }");
            page.fill("#pledge-title", "Kent's pledge, as typed here");
            Response conflict = submit(page, "Save the draft");
            assertThat(conflict.status()).isEqualTo(400);
            assertThat(page.locator("#conflict").innerText())
                    .contains("Kent's pledge, as the business manager changed it", "Kent's pledge, as typed here");
            assertThat(page.locator("#pledge-title").inputValue()).isEqualTo("Kent's pledge, as typed here");
            WebSite.assertAccessible(page, "a draft someone else changed");
            WebSite.screenshot(page, "admin-document-conflict");
            submit(page, "Save the draft");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The draft is saved");
        }
        assertThat(edition(api, pledge).path("title").asText()).isEqualTo("Kent's pledge, as typed here");
    }

    @Test
    void a_board_member_reads_the_documents_but_changes_nothing_and_another_partnerships_admin_finds_none() {
        ApiCaller api = seeds.admin("cambridgeshire");
        String strategy = firstStrategy(api);
        String before = edition(api, strategy).toString();
        Person board = seeds.person("board", "cambridgeshire", null, Role.BOARD_MEMBER);
        try (BrowserContext browser = site.browser()) {
            Page page = signedIn(browser, "cambridgeshire", board);
            WebSite.open(page, site.url("/cambridgeshire/admin/documents"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Configuration documents");
            assertThat(page.locator("button:has-text('Copy into the partnership')")
                            .count())
                    .isZero();
            WebSite.assertAccessible(page, "the documents as the board reads them");
            WebSite.open(page, site.url("/cambridgeshire/admin/documents/" + strategy));
            assertThat(page.locator("main").innerText()).contains("This edition in full");
            assertThat(page.locator("button:has-text('Start the next edition')").count())
                    .isZero();
            WebSite.assertAccessible(page, "a strategy as the board reads it");
            String token = page.locator("input[name=_csrf]").first().inputValue();
            for (String change : List.of("/revise", "/publish", "/edit")) {
                int status = page.request()
                        .post(
                                site.url("/cambridgeshire/admin/documents/" + strategy + change),
                                RequestOptions.create()
                                        .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                        .setData("_csrf=" + token + "&version=0"))
                        .status();
                assertThat(status).as("a board member's POST %s", change).isEqualTo(404);
            }
            assertThat(WebSite.open(page, site.url("/cambridgeshire/admin/documents/" + strategy + "/edit"))
                            .status())
                    .isEqualTo(404);
        }
        assertThat(edition(api, strategy).toString()).isEqualTo(before);

        String luton = seeds.openCopy("luton");
        Person lutonAdmin = seeds.person("admin", luton, null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = signedIn(browser, luton, lutonAdmin);
            assertThat(WebSite.open(page, site.url("/cambridgeshire/admin/documents"))
                            .status())
                    .isEqualTo(404);
            assertThat(WebSite.open(page, site.url("/" + luton + "/admin/documents/" + strategy))
                            .status())
                    .as("another partnership's document, under one's own address")
                    .isEqualTo(404);
            WebSite.assertAccessible(page, "another partnership's document");
        }
        Person lead = seeds.person(
                "lead",
                "cambridgeshire",
                seeds.agency("cambridgeshire", "Cambridgeshire Youth Service"),
                Role.PARTNER_LEAD);
        try (BrowserContext browser = site.browser()) {
            Page page = signedIn(browser, "cambridgeshire", lead);
            assertThat(WebSite.open(page, site.url("/cambridgeshire/admin/documents"))
                            .status())
                    .as("a partner lead")
                    .isEqualTo(404);
        }
    }

    private Page signedIn(BrowserContext browser, String tenant, Person person) {
        Page page = browser.newPage();
        site.signIn(page, tenant, person.username(), person.password());
        return page;
    }

    private static String firstStrategy(ApiCaller api) {
        return api.query(DRAFTS_AND_ORIGINS)
                .data()
                .path("strategies")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asText();
    }

    /** Submits with the form's visible button: a form's first, hidden one (the one Enter presses) has the same words. */
    static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button.govuk-button:text-is('" + button + "')"));
    }

    /** The draft onboarding copied from a kit into the partnership, of the connection named. */
    private static String copied(ApiCaller api, String connection, String kit) {
        for (JsonNode edge :
                api.query(DRAFTS_AND_ORIGINS).data().path(connection).path("edges")) {
            if (edge.path("node").path("basedOn").asText().equals("starter-kit:" + kit)) {
                return edge.path("node").path("id").asText();
            }
        }
        throw new IllegalStateException("No " + connection + " copied from " + kit);
    }

    private static List<String> origins(ApiCaller api) {
        List<String> origins = new ArrayList<>();
        api.query(DRAFTS_AND_ORIGINS)
                .data()
                .forEach(connection -> connection
                        .path("edges")
                        .forEach(edge ->
                                origins.add(edge.path("node").path("basedOn").asText())));
        return origins;
    }

    private static JsonNode edition(ApiCaller api, String id) {
        return api.query(EDITION, Map.of("id", id)).data().path("node");
    }

    /** The newest edition of the document an edition belongs to. */
    private static String draft(ApiCaller api, String edition) {
        return edition(api, edition).path("editions").path(0).path("id").asText();
    }

    private static Map<String, Object> pledgeContent(ApiCaller api, String id, String title) {
        JsonNode pledge = api.query(
                        "query ($id: ID!) { node(id: $id) { ... on Pledge { framework statement"
                                + " commitments { standard text } signatureFields renewalMonths } } }",
                        Map.of("id", id))
                .data()
                .path("node");
        List<Map<String, String>> commitments = new ArrayList<>();
        pledge.path("commitments")
                .forEach(c -> commitments.add(Map.of(
                        "standard",
                        c.path("standard").asText(),
                        "text",
                        c.path("text").asText())));
        List<String> signature = new ArrayList<>();
        pledge.path("signatureFields").forEach(field -> signature.add(field.asText()));
        return Map.of(
                "title",
                title,
                "framework",
                pledge.path("framework").asText(),
                "statement",
                pledge.path("statement").asText(),
                "commitments",
                commitments,
                "signatureFields",
                signature,
                "renewalMonths",
                pledge.path("renewalMonths").asInt());
    }
}
