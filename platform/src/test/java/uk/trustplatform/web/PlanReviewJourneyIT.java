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
 * The board's review of the partners' plans in Chromium with JavaScript off, through Keycloak's
 * own sign-in page, on two seed partnerships with templates of their own (Cambridgeshire's Hear By
 * Right 2009–2010, Medway's Objective / Lead / Completion Timescale): a partner lead's plan made
 * and sent through the API is found in the list, read in full, returned (without a reason,
 * refused), sent again, approved and audited with a kite mark, the API confirming each state; a
 * decision on a version someone else replaced; a partner lead finds no board page; a board member
 * of one partnership cannot reach another's plan.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanReviewJourneyIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private ApiCaller cambridgeshireAdmin;
    private ApiCaller medwayAdmin;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsWithTemplatesOfTheirOwn() {
        seeds = new SeedPartnerships(server);
        seeds.open("cambridgeshire");
        seeds.open("medway");
        cambridgeshireAdmin = seeds.admin("cambridgeshire");
        medwayAdmin = seeds.admin("medway");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "PlanReviewJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    /** A new agency of the partnership, its name and its partner lead. */
    private record Agency(UUID id, String name, Person lead) {

        String globalId() {
            return GlobalId.encode("PartnerOrganisation", id);
        }
    }

    private Agency agency(String tenant, ApiCaller admin, String name) {
        UUID id = seeds.agency(tenant, name);
        String named = admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
                        Map.of("id", GlobalId.encode("PartnerOrganisation", id)))
                .data()
                .path("node")
                .path("name")
                .asText();
        return new Agency(id, named, seeds.person("lead", tenant, id, Role.PARTNER_LEAD));
    }

    @Test
    void the_board_finds_a_sent_plan_reads_it_returns_it_with_a_reason_approves_it_and_records_its_audit() {
        Agency health = agency("cambridgeshire", cambridgeshireAdmin, "Cambridgeshire Youth Health");
        ApiCaller lead = MemberJourneys.api(server, health.lead());
        String plan = planOf(lead, health, "cambridgeshire");
        String action = action(
                lead,
                plan,
                "4",
                "4.1",
                Map.of(
                        "description", "Young people's Audit Team involved in annual audit of progress",
                        "lead", "AW/CB",
                        "timescale", "Annually",
                        "risks", "Audit Team members leave before the audit"));
        ok(
                lead,
                "addProgressUpdate",
                "AddProgressUpdateInput",
                Map.of(
                        "actionId",
                        action,
                        "date",
                        TestCalendar.today().toString(),
                        "note",
                        "Audit Team recruited from the youth forum",
                        "evidenceLinks",
                        List.of("https://intranet.cambridgeshire.example/audit-team")),
                "action { id }");
        decide(lead, "submitActionPlan", plan, 0, null);
        Person board = seeds.person("board", "cambridgeshire", null, Role.BOARD_MEMBER);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cambridgeshire", board.username(), board.password());
            page.click(".govuk-service-navigation__link:has-text('Plans')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Partners' action plans");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(health.name()))
                            .innerText())
                    .contains("2009–2010", "Submitted", "1 action, 0 complete");
            assertThat(page.locator("tbody tr").first().innerText())
                    .as("plans sent to the board come first")
                    .contains("Submitted");
            WebSite.assertAccessible(page, "the partners' plans");
            WebSite.screenshot(page, "board-plans");

            page.selectOption("#status", "SUBMITTED");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Show plans')"));
            assertThat(page.url()).contains("status=SUBMITTED");
            assertThat(page.locator("tbody").innerText())
                    .contains(health.name())
                    .doesNotContain("Approved");
            WebSite.assertAccessible(page, "the plans filtered by status");

            page.click("a:has-text('" + health.name() + "')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Action plan 2009–2010");
            assertThat(page.locator("#outcome-4\\.1 + table thead").innerText())
                    .as("Cambridgeshire's own columns")
                    .contains(
                            "Supporting actions",
                            "Lead responsibilities",
                            "Time scales / resources",
                            "Risks identified",
                            "Progress");
            assertThat(page.locator("#outcome-4\\.1 + table tbody").innerText())
                    .contains(
                            "Young people's Audit Team involved",
                            "AW/CB",
                            "Annually",
                            "Audit Team members leave before the audit",
                            "Audit Team recruited from the youth forum");
            assertThat(page.locator("#outcome-4\\.1 + table a:has-text('Evidence')")
                            .getAttribute("href"))
                    .isEqualTo("https://intranet.cambridgeshire.example/audit-team");
            WebSite.assertAccessible(page, "a plan sent to the board, in full");
            WebSite.screenshot(page, "board-plan");

            page.click("text=Return the plan to the partner");
            assertThat(page.locator("h1").innerText()).isEqualTo("Return the plan to the partner");
            WebSite.assertAccessible(page, "returning a plan");
            Response withoutReason = submit(page, "Return the plan");
            assertThat(withoutReason.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Return the plan to the partner");
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("Say why the plan is returned.");
            assertThat(page.locator("#reason-error").innerText()).contains("Say why the plan is returned.");
            WebSite.assertAccessible(page, "a return without a reason");
            WebSite.screenshot(page, "board-plan-return-without-reason");
            assertThat(statusOf(plan).path("status").asText()).isEqualTo("SUBMITTED");

            page.fill("#reason", "Say when the Audit Team reports to the board.");
            submit(page, "Return the plan");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The plan is returned to the partner");
            assertThat(page.locator("#plan-status").innerText()).contains("Returned");
            assertThat(page.locator("#returned-reason").innerText())
                    .isEqualTo("Say when the Audit Team reports to the board.");
            WebSite.assertAccessible(page, "a plan the board returned");
            JsonNode returned = statusOf(plan);
            assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
            assertThat(returned.path("returnedReason").asText())
                    .isEqualTo("Say when the Audit Team reports to the board.");

            decide(lead, "submitActionPlan", plan, returned.path("version").asInt(), null);
            page.reload();
            assertThat(page.locator("#plan-status").innerText()).contains("Submitted");
            submit(page, "Approve the plan");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The plan is approved");
            assertThat(page.locator("#plan-status").innerText()).contains("Approved");
            WebSite.assertAccessible(page, "an approved plan");
            assertThat(statusOf(plan).path("status").asText()).isEqualTo("APPROVED");

            page.click("text=Record the annual audit");
            assertThat(page.locator("h1").innerText()).isEqualTo("Record the annual audit");
            WebSite.assertAccessible(page, "recording the audit");
            Response withoutKiteMark = submit(page, "Record the audit");
            assertThat(withoutKiteMark.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Select yes if the audit awards the plan a kite mark");
            WebSite.assertAccessible(page, "an audit without its kite mark answered");
            page.check("#kiteMarkAwarded");
            Response withoutDate = submit(page, "Record the audit");
            assertThat(withoutDate.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("Enter the date of the audit");
            assertThat(page.locator("#auditedOn-error").innerText()).contains("Enter the date of the audit");
            assertThat(page.locator("#kiteMarkAwarded").isChecked())
                    .as("kept as chosen")
                    .isTrue();
            WebSite.assertAccessible(page, "an audit without its date");

            LocalDate today = TestCalendar.today();
            page.fill("#auditedOn-day", String.valueOf(today.getDayOfMonth()));
            page.fill("#auditedOn-month", String.valueOf(today.getMonthValue()));
            page.fill("#auditedOn-year", String.valueOf(today.getYear()));
            Response withoutFindings = submit(page, "Record the audit");
            assertThat(withoutFindings.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Say who audited the plan.", "Say what the audit found.");
            assertThat(page.locator("#auditedOn-day").inputValue()).isEqualTo(String.valueOf(today.getDayOfMonth()));
            WebSite.assertAccessible(page, "an audit without who audited it or what they found");
            WebSite.screenshot(page, "board-plan-audit-refused");

            page.fill("#auditedBy", "Young People's Audit Team");
            page.fill("#findings", "Young people are involved at every stage; the Audit Team recommends a kite mark.");
            submit(page, "Record the audit");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The audit is recorded");
            assertThat(page.locator("#plan-status").innerText()).contains("Approved", "Kite mark");
            assertThat(page.locator("main").innerText())
                    .contains("by Young People's Audit Team", "Kite mark awarded", "the Audit Team recommends");
            WebSite.assertAccessible(page, "an audited plan with a kite mark");
            WebSite.screenshot(page, "board-plan-audited");
        }
        JsonNode audited = statusOf(plan);
        assertThat(audited.path("kiteMark").asBoolean()).isTrue();
        assertThat(audited.path("audits").path(0).path("auditedBy").asText()).isEqualTo("Young People's Audit Team");
        assertThat(audited.path("audits").path(0).path("auditedOn").asText())
                .isEqualTo(TestCalendar.today().toString());
    }

    @Test
    void a_decision_on_a_plan_someone_else_decided_first_shows_who_did_and_changes_nothing() {
        Agency libraries = agency("cambridgeshire", cambridgeshireAdmin, "Cambridgeshire Libraries Service");
        ApiCaller lead = MemberJourneys.api(server, libraries.lead());
        String plan = planOf(lead, libraries, "cambridgeshire");
        action(lead, plan, "2", "2.1", Map.of("description", "Service plans reflect the views of young people"));
        decide(lead, "submitActionPlan", plan, 0, null);
        Person board = seeds.person("board", "cambridgeshire", null, Role.BOARD_MEMBER);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cambridgeshire", board.username(), board.password());
            page.navigate(site.url("/cambridgeshire/plans/" + plan));
            decide(cambridgeshireAdmin, "returnActionPlan", plan, 1, "Name the service plans it covers.");

            Response conflict = submit(page, "Approve the plan");
            assertThat(conflict.status()).isEqualTo(400);
            assertThat(page.locator("#conflict h2").innerText()).contains(" changed this on ");
            assertThat(page.locator("#conflict table").innerText())
                    .contains("Status", "Returned", "Approved", "Name the service plans it covers.");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("changed this plan after you opened it: it is now returned");
            assertThat(page.locator("button:has-text('Approve the plan')").count())
                    .as("a returned plan is not the board's to approve")
                    .isZero();
            WebSite.assertAccessible(page, "a decision on a plan someone else decided first");
            WebSite.screenshot(page, "board-plan-conflict");
        }
        assertThat(statusOf(plan).path("status").asText()).isEqualTo("RETURNED");
    }

    @Test
    void medways_board_reads_a_plan_in_medways_own_columns_and_approves_it_but_cannot_reach_cambridgeshires() {
        Agency youth = agency("medway", medwayAdmin, "Medway Youth Service");
        ApiCaller lead = MemberJourneys.api(server, youth.lead());
        String plan = planOf(lead, youth, "medway");
        action(
                lead,
                plan,
                "3",
                "3",
                Map.of(
                        "description", "Keep one calendar of consultations across the partnership",
                        "lead", "Participation Officer",
                        "timescale", "September 2011"));
        decide(lead, "submitActionPlan", plan, 0, null);
        Agency elsewhere = agency("cambridgeshire", cambridgeshireAdmin, "Cambridgeshire Early Help");
        ApiCaller theirLead = MemberJourneys.api(server, elsewhere.lead());
        String theirPlan = planOf(theirLead, elsewhere, "cambridgeshire");
        action(theirLead, theirPlan, "1", "1.2", Map.of("description", "Young people on recruitment panels"));
        decide(theirLead, "submitActionPlan", theirPlan, 0, null);
        String theirsBefore = statusOf(theirPlan).toString();
        Person board = seeds.person("board", "medway", null, Role.BOARD_MEMBER);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", board.username(), board.password());
            page.navigate(site.url("/medway/plans"));
            assertThat(page.locator("tbody").innerText()).contains(youth.name()).doesNotContain(elsewhere.name());
            WebSite.assertAccessible(page, "Medway's partners' plans");
            page.click("a:has-text('" + youth.name() + "')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Action plan 2011–2014");
            assertThat(page.locator("#outcome-3 + table thead").innerText())
                    .as("Medway's own columns")
                    .contains("Objective", "Lead", "Completion Timescale");
            assertThat(page.locator("#outcome-3 + table tbody").innerText())
                    .contains(
                            "Keep one calendar of consultations",
                            "Participation Officer",
                            "September 2011",
                            "None recorded");
            WebSite.assertAccessible(page, "a Medway plan in full");
            WebSite.screenshot(page, "board-plan-medway");
            submit(page, "Approve the plan");
            assertThat(page.locator("#plan-status").innerText()).contains("Approved");
            assertThat(statusOf(plan).path("status").asText()).isEqualTo("APPROVED");

            String token = MemberJourneys.csrf(page);
            for (String path : List.of(
                    "/medway/plans/" + theirPlan,
                    "/medway/plans/" + theirPlan + "/return",
                    "/medway/plans/" + theirPlan + "/audit",
                    "/cambridgeshire/plans",
                    "/cambridgeshire/plans/" + theirPlan)) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
                assertThat(page.locator("h1").innerText()).as(path).isEqualTo("Page not found");
            }
            WebSite.assertAccessible(page, "another partnership's plan, not found");
            Map<String, String> approve = Map.of("_csrf", token, "version", "1");
            Map<String, String> giveBack = Map.of("_csrf", token, "version", "1", "reason", "From another partnership");
            Map<String, String> audit = Map.of(
                    "_csrf",
                    token,
                    "auditedOn-day",
                    "1",
                    "auditedOn-month",
                    "1",
                    "auditedOn-year",
                    "2024",
                    "auditedBy",
                    "Another partnership",
                    "findings",
                    "Written by another partnership",
                    "kiteMarkAwarded",
                    "yes");
            for (String partnership : List.of("medway", "cambridgeshire")) {
                String base = site.url("/" + partnership + "/plans/" + theirPlan);
                assertThat(MemberJourneys.post(page, base + "/approve", approve).status())
                        .isEqualTo(404);
                assertThat(MemberJourneys.post(page, base + "/return", giveBack).status())
                        .isEqualTo(404);
                assertThat(MemberJourneys.post(page, base + "/audit", audit).status())
                        .isEqualTo(404);
            }
        }
        assertThat(statusOf(theirPlan).toString())
                .as("nothing of Cambridgeshire's plan changed")
                .isEqualTo(theirsBefore);
    }

    @Test
    void a_partner_lead_finds_no_board_page_and_posting_to_one_changes_nothing() {
        Agency schools = agency("cambridgeshire", cambridgeshireAdmin, "Cambridgeshire Schools Service");
        ApiCaller lead = MemberJourneys.api(server, schools.lead());
        String plan = planOf(lead, schools, "cambridgeshire");
        action(lead, plan, "3", "3.1", Map.of("description", "Pupil voice in every school improvement plan"));
        decide(lead, "submitActionPlan", plan, 0, null);
        String before = statusOf(plan).toString();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    "cambridgeshire",
                    schools.lead().username(),
                    schools.lead().password());
            assertThat(page.locator(".govuk-service-navigation__list").innerText())
                    .contains("Your work")
                    .doesNotContain("Plans");
            String token = MemberJourneys.csrf(page);
            for (String path : List.of(
                    "/cambridgeshire/plans",
                    "/cambridgeshire/plans?status=SUBMITTED",
                    "/cambridgeshire/plans/" + plan,
                    "/cambridgeshire/plans/" + plan + "/return",
                    "/cambridgeshire/plans/" + plan + "/audit")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
                assertThat(page.locator("h1").innerText()).as(path).isEqualTo("Page not found");
            }
            WebSite.assertAccessible(page, "a board page, not found for a partner lead");
            String base = site.url("/cambridgeshire/plans/" + plan);
            assertThat(MemberJourneys.post(page, base + "/approve", Map.of("_csrf", token, "version", "1"))
                            .status())
                    .isEqualTo(404);
            assertThat(MemberJourneys.post(
                                    page, base + "/return", Map.of("_csrf", token, "version", "1", "reason", "Mine"))
                            .status())
                    .isEqualTo(404);
        }
        assertThat(statusOf(plan).toString()).as("nothing changed").isEqualTo(before);
    }

    private static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:has-text('" + button + "')"));
    }

    /** The plan as the partnership's admin reads it through the API. */
    private JsonNode statusOf(String plan) {
        JsonNode found = cambridgeshireAdmin
                .query(
                        "query ($id: ID!) { node(id: $id) { ... on ActionPlan {"
                                + " status version returnedReason kiteMark audits { auditedOn auditedBy kiteMarkAwarded } } } }",
                        Map.of("id", plan))
                .data()
                .path("node");
        return found.isObject() && found.has("status")
                ? found
                : medwayAdmin
                        .query(
                                "query ($id: ID!) { node(id: $id) { ... on ActionPlan {"
                                        + " status version returnedReason kiteMark audits { auditedOn auditedBy kiteMarkAwarded } } } }",
                                Map.of("id", plan))
                        .data()
                        .path("node");
    }

    /** The agency's plan for the partnership's own template, started by its partner lead; its id. */
    private static String planOf(ApiCaller lead, Agency agency, String tenant) {
        JsonNode templates = lead.query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates { id periodStart } } }",
                        Map.of("s", tenant))
                .data()
                .path("publishedConfiguration")
                .path("actionPlanTemplates");
        assertThat(templates.size())
                .as("%s publishes one template, its own", tenant)
                .isEqualTo(1);
        return ok(
                        lead,
                        "startActionPlan",
                        "StartActionPlanInput",
                        Map.of(
                                "partnerOrganisationId",
                                agency.globalId(),
                                "templateId",
                                templates.path(0).path("id").asText()),
                        "actionPlan { id }")
                .path("actionPlan")
                .path("id")
                .asText();
    }

    private static String action(
            ApiCaller lead, String plan, String section, String outcome, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("actionPlanId", plan);
        input.put("sectionNumber", section);
        input.put("outcomeNumber", outcome);
        return ok(lead, "saveAction", "SaveActionInput", input, "action { id }")
                .path("action")
                .path("id")
                .asText();
    }

    private static void decide(ApiCaller caller, String mutation, String plan, int version, String reason) {
        Map<String, Object> input = new HashMap<>(Map.of("id", plan, "version", version));
        if (reason != null) {
            input.put("reason", reason);
        }
        ok(caller, mutation, "ActionPlanDecisionInput", input, "actionPlan { status }");
    }
}
