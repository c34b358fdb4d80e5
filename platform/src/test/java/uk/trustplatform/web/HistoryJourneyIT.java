package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.MemberJourneys.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.WebSite;

/**
 * The audit trail in Chromium with JavaScript off, through Keycloak's own sign-in page, on two
 * seed partnerships with plans (Cambridgeshire, Medway) and one with a pledge (Luton): changes a partner lead makes through the API appear
 * on the partnership's history and on the plan's own, each field before and after, as the API's
 * auditTrail gives them; the filter by person and by day, and its refusal of a date that is not
 * one; the pages of a long history; a partner lead reads its own agency's plan and pledge history
 * and nothing else; a board member of one partnership reaches none of another's, by page or API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryJourneyIT implements TestPropertyProvider {

    private static final String TRAIL = """
            query ($objectId: ID, $by: String) {
              auditTrail(first: 100, objectId: $objectId, by: $by) {
                edges { node { by action changes { field before after } } }
              }
            }""";

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
    void twoSeedPartnerships() {
        seeds = new SeedPartnerships(server);
        seeds.open("cambridgeshire");
        seeds.open("medway");
        seeds.open("luton");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "HistoryJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    /** An agency of the partnership with its partner lead and the lead's own API calls. */
    private record Agency(String id, Person lead, ApiCaller api) {}

    private Agency agency(String tenant, String name) {
        UUID id = seeds.agency(tenant, name);
        Person lead = seeds.person("lead", tenant, id, Role.PARTNER_LEAD);
        return new Agency(GlobalId.encode("PartnerOrganisation", id), lead, MemberJourneys.api(server, lead));
    }

    @Test
    void the_board_reads_the_partnerships_history_and_a_plans_own_filters_it_and_pages_through_it() {
        Agency health = agency("cambridgeshire", "Cambridgeshire Youth Health");
        String plan = startedPlan(health, "cambridgeshire");
        String action = action(health, plan, "4", "4.1", "Young people's Audit Team audits progress");
        ok(
                health.api(),
                "saveAction",
                "SaveActionInput",
                Map.of(
                        "id",
                        action,
                        "version",
                        0,
                        "sectionNumber",
                        "4",
                        "outcomeNumber",
                        "4.1",
                        "description",
                        "Young people's Audit Team audits progress every year",
                        "lead",
                        "AW/CB"),
                "action { id }");
        for (int i = 1; i <= 20; i++) {
            action(health, plan, "2", "2.1", "Service plan " + i + " reflects young people's views");
        }
        Person board = seeds.person("board", "cambridgeshire", null, Role.BOARD_MEMBER);
        ApiCaller boardApi = MemberJourneys.api(server, board);
        List<JsonNode> planTrail = trail(boardApi, plan, null);
        String leadName = planTrail.getFirst().path("by").asText();
        assertThat(planTrail)
                .as("the plan started, 21 actions added and one changed")
                .hasSize(23);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cambridgeshire", board.username(), board.password());
            page.click(".govuk-service-navigation__link:has-text('History')");
            assertThat(page.locator("h1").innerText()).isEqualTo("History");
            assertThat(page.locator("main h2").first().innerText()).isEqualTo("Action added");
            assertThat(page.locator("main").innerText()).contains(leadName + " on ");
            WebSite.assertAccessible(page, "the partnership's history");
            WebSite.screenshot(page, "board-history");

            page.navigate(site.url("/cambridgeshire/plans/" + plan));
            page.click("#history-link");
            assertThat(page.locator(".govuk-caption-l").innerText())
                    .startsWith("Action plan 2009–2010, Cambridgeshire Youth Health");
            assertThat(headings(page))
                    .as("the plan's first page, newest first, as the API gives it")
                    .containsExactlyElementsOf(planTrail.stream()
                            .limit(20)
                            .map(entry -> entry.path("action").asText())
                            .toList());
            WebSite.assertAccessible(page, "a plan's history");

            page.click("a:has-text('Older changes')");
            assertThat(headings(page)).containsExactly("Action changed", "Action added", "Action plan started");
            String changed = page.locator("table", new Page.LocatorOptions().setHasText("every year"))
                    .innerText();
            assertThat(changed)
                    .contains(
                            "Description\tYoung people's Audit Team audits progress\tYoung people's Audit Team audits progress every year",
                            "Lead\tNone\tAW/CB");
            JsonNode apiChange = planTrail.get(20);
            assertThat(apiChange.path("action").asText()).isEqualTo("Action changed");
            apiChange
                    .path("changes")
                    .forEach(field ->
                            assertThat(changed).contains(field.path("field").asText()));
            WebSite.assertAccessible(page, "a plan's history, its older changes");
            WebSite.screenshot(page, "board-plan-history-older");
            page.click("a:has-text('Newest changes')");
            assertThat(headings(page)).hasSize(20);

            page.fill("#by", "nobody of that name");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Show changes')"));
            assertThat(page.locator("#no-changes").innerText()).isEqualTo("No changes match what you asked for.");
            assertThat(page.locator("input[name=object]").inputValue())
                    .as("still the plan's history")
                    .isEqualTo(plan);
            WebSite.assertAccessible(page, "a plan's history with no change matching the filter");

            page.fill("#by", leadName.substring(0, 4).toLowerCase());
            LocalDate today = TestCalendar.today();
            fillDate(page, "from", today);
            fillDate(page, "to", today);
            WebSite.loadedBy(page, () -> page.click("button:has-text('Show changes')"));
            assertThat(page.url()).contains("by=", "from-day=", "object=");
            assertThat(headings(page)).hasSize(20);
            assertThat(page.locator("a:has-text('Older changes')").count()).isEqualTo(1);

            fillDate(page, "from", today.plusDays(1));
            page.fill("#to-day", "");
            page.fill("#to-month", "");
            page.fill("#to-year", "");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Show changes')"));
            assertThat(page.locator("#no-changes").innerText()).isEqualTo("No changes match what you asked for.");

            page.fill("#from-day", "31");
            page.fill("#from-month", "2");
            Response notADate = WebSite.loadedBy(page, () -> page.click("button:has-text('Show changes')"));
            assertThat(notADate.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: History of Action plan 2009–2010");
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("The first day must be a real date");
            assertThat(page.locator("#from-error").innerText()).contains("The first day must be a real date");
            assertThat(page.locator("#from-day").inputValue()).isEqualTo("31");
            WebSite.assertAccessible(page, "a history filter with a date that is not one");
            WebSite.screenshot(page, "board-history-bad-date");

            fillDate(page, "from", today);
            fillDate(page, "to", today.minusDays(1));
            Response backwards = WebSite.loadedBy(page, () -> page.click("button:has-text('Show changes')"));
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(page.locator("#to-error").innerText())
                    .contains("The last day must be the same as or after the first day");
            WebSite.assertAccessible(page, "a history filter ending before it starts");
        }
    }

    @Test
    void partner_leads_read_their_own_plans_and_pledges_history_and_no_one_elses() {
        Agency youth = agency("medway", "Medway Youth Service");
        String plan = startedPlan(youth, "medway");
        action(youth, plan, "3", "3", "Keep one calendar of consultations across the partnership");
        Agency offending = agency("luton", "Luton Youth Offending Service");
        MemberJourneys.registeredPledge(
                server,
                seeds.admin("luton"),
                offending.id(),
                offending.lead(),
                TestCalendar.today().minusDays(3));
        Agency police = agency("medway", "Medway Police Youth Team");
        String theirPlan = startedPlan(police, "medway");

        List<JsonNode> ownTrail = trail(youth.api(), null, null);
        assertThat(ownTrail)
                .extracting(entry -> entry.path("action").asText())
                .as("the agency's own entries only: not the other agency's plan")
                .startsWith("Action added", "Action plan started")
                .containsOnlyOnce("Action plan started")
                .contains("Partner organisation registered");
        assertThat(trail(youth.api(), theirPlan, null)).isEmpty();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", youth.lead().username(), youth.lead().password());
            assertThat(page.locator(".govuk-service-navigation__list").innerText())
                    .doesNotContain("History");
            page.navigate(site.url("/medway/action-plan/" + plan));
            page.click("#history-link");
            assertThat(headings(page)).containsExactly("Action added", "Action plan started");
            assertThat(page.locator("main").innerText())
                    .contains("Keep one calendar of consultations across the partnership");
            WebSite.assertAccessible(page, "a partner lead's plan history");
            page.click(".govuk-back-link");
            assertThat(page.url()).endsWith("/medway/action-plan/" + plan);

            for (String path : List.of("/medway/history", "/medway/history?object=" + theirPlan)) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
                assertThat(page.locator("h1").innerText()).as(path).isEqualTo("Page not found");
            }
            WebSite.assertAccessible(page, "another agency's history, not found");
        }
        assertThat(trail(offending.api(), null, null))
                .extracting(entry -> entry.path("action").asText())
                .startsWith(
                        "Pledge registration registered", "Pledge registration signed", "Pledge registration invited");

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page, "luton", offending.lead().username(), offending.lead().password());
            page.navigate(site.url("/luton/pledge"));
            page.click("#history-link");
            assertThat(page.locator(".govuk-caption-l").innerText())
                    .startsWith("The pledge of Luton Youth Offending Service");
            assertThat(headings(page))
                    .containsExactly(
                            "Pledge registration registered",
                            "Pledge registration signed",
                            "Pledge registration invited");
            assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Signatory"))
                            .first()
                            .innerText())
                    .contains("Signatory\tNone\tJo Lead", "Post held\tNone\tDirector");
            WebSite.assertAccessible(page, "a partner lead's pledge history");
            WebSite.screenshot(page, "partner-pledge-history");
            page.click(".govuk-back-link");
            assertThat(page.url()).endsWith("/luton/pledge");
        }
    }

    @Test
    void a_board_member_of_one_partnership_reaches_none_of_anothers_history() {
        Agency early = agency("cambridgeshire", "Cambridgeshire Early Help");
        String theirPlan = startedPlan(early, "cambridgeshire");
        Agency medway = agency("medway", "Medway Early Help");
        String ownPlan = startedPlan(medway, "medway");
        Person board = seeds.person("board", "medway", null, Role.BOARD_MEMBER);
        ApiCaller boardApi = MemberJourneys.api(server, board);

        assertThat(trail(boardApi, theirPlan, null)).isEmpty();
        assertThat(trail(boardApi, ownPlan, null))
                .extracting(entry -> entry.path("action").asText())
                .containsExactly("Action plan started");
        assertThat(trail(boardApi, null, null).toString()).doesNotContain("Cambridgeshire");

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", board.username(), board.password());
            page.navigate(site.url("/medway/history"));
            assertThat(page.locator("main").innerText())
                    .contains("Action plan started")
                    .doesNotContain("Cambridgeshire Early Help");
            WebSite.assertAccessible(page, "Medway's history");
            for (String path : List.of(
                    "/cambridgeshire/history",
                    "/cambridgeshire/history?object=" + theirPlan,
                    "/medway/history?object=" + theirPlan,
                    "/medway/history?object=not-an-id",
                    "/medway/history?after=garbage")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
                assertThat(page.locator("h1").innerText()).as(path).isEqualTo("Page not found");
            }
            WebSite.assertAccessible(page, "another partnership's history, not found");
        }
    }

    private static List<String> headings(Page page) {
        return page.locator(".trust-history-change h2").allInnerTexts();
    }

    private static void fillDate(Page page, String name, LocalDate day) {
        page.fill("#" + name + "-day", String.valueOf(day.getDayOfMonth()));
        page.fill("#" + name + "-month", String.valueOf(day.getMonthValue()));
        page.fill("#" + name + "-year", String.valueOf(day.getYear()));
    }

    private static List<JsonNode> trail(ApiCaller caller, String objectId, String by) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("objectId", objectId);
        variables.put("by", by);
        JsonNode edges =
                caller.query(TRAIL, variables).data().path("auditTrail").path("edges");
        List<JsonNode> entries = new ArrayList<>();
        edges.forEach(edge -> entries.add(edge.path("node")));
        return entries;
    }

    /** The agency's plan for the partnership's one published template, started by its lead; its id. */
    private static String startedPlan(Agency agency, String tenant) {
        String template = agency.api()
                .query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates { id } } }",
                        Map.of("s", tenant))
                .data()
                .path("publishedConfiguration")
                .path("actionPlanTemplates")
                .path(0)
                .path("id")
                .asText();
        return ok(
                        agency.api(),
                        "startActionPlan",
                        "StartActionPlanInput",
                        Map.of("partnerOrganisationId", agency.id(), "templateId", template),
                        "actionPlan { id }")
                .path("actionPlan")
                .path("id")
                .asText();
    }

    private static String action(Agency agency, String plan, String section, String outcome, String description) {
        return ok(
                        agency.api(),
                        "saveAction",
                        "SaveActionInput",
                        Map.of(
                                "actionPlanId",
                                plan,
                                "sectionNumber",
                                section,
                                "outcomeNumber",
                                outcome,
                                "description",
                                description),
                        "action { id }")
                .path("action")
                .path("id")
                .asText();
    }
}
