package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.MemberJourneys.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.PartnershipData;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * The board's dashboard in Chromium with JavaScript off, signed in through Keycloak's own page, on
 * Cambridgeshire (partners with 2009–2010 plans made through the API) and a copy of Luton (no plans
 * yet, pledges due for renewal and lapsed, figures shared with a regional forum): every figure the
 * page shows is the one the API's board views give for the same data, computed here from the API;
 * a partner lead finds no dashboard, and a board member of one partnership none of another's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardDashboardIT implements TestPropertyProvider {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String COUNTS = "total complete inProgress notStarted green amber red unrated overdue";
    private static final String BOARD_VIEW = """
            query ($start: Int!, $end: Int!, $from: Date!, $to: Date!) {
              actionPlanProgress(periodStart: $start, periodEnd: $end) {
                byStandard { standard title progress { %1$s } }
                byPartner { partnerOrganisation { name } progress { %1$s } }
              }
              overdueActions(first: 20) { edges { node { description dueDate actionPlan { partnerOrganisation { name } } } } }
              partnerGaps { minimumParticipationChampions withoutStrategicLead { name }
                tooFewChampions { partnerOrganisation { name } champions } }
              pledgesDueForRenewal { partnerOrganisation { name } renewalDueOn }
              pledgeRegistrations(first: 100) { edges { node { status renewalDueOn partnerOrganisation { id name } } } }
              participationSummary(from: $from, to: $to) { activities participants withoutParticipantCount
                informingDecisions ended feedbackGiven feedbackOverdue
                heardBack { yes notYet no answers } heardBackByKind { about count { yes notYet no answers } } }
            }""".formatted(COUNTS);

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private String luton;
    private String forum;
    private Agency youth;
    private Person cambridgeshireBoard;
    private Person lutonBoard;

    private record Agency(UUID id, Person lead) {

        String globalId() {
            return GlobalId.encode("PartnerOrganisation", id);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void cambridgeshireWithPlansAndLutonWithPledgesAndAForum() {
        seeds = new SeedPartnerships(server);
        seeds.open("cambridgeshire");
        // A copy: its dashboard starts empty whatever other tests do to Luton.
        luton = seeds.openCopy("luton");
        cambridgeshireBoard = seeds.person("board", "cambridgeshire", null, Role.BOARD_MEMBER);
        lutonBoard = seeds.person("board", luton, null, Role.BOARD_MEMBER);

        youth = agency("cambridgeshire", "Cambridgeshire Youth Service");
        Agency schools = agency("cambridgeshire", "Cambridgeshire Schools");
        String youthPlan = plan(youth);
        action(youth, youthPlan, "1", "1.2", "Recruitment panels with young people", "COMPLETE", "GREEN", null);
        action(youth, youthPlan, "1", "1.3", "Young people in appraisals", "IN_PROGRESS", "AMBER", TODAY.minusDays(40));
        action(youth, youthPlan, "2", "2.1", "Service plans reflect young people's views", "NOT_STARTED", null, null);
        String schoolsPlan = plan(schools);
        action(
                schools,
                schoolsPlan,
                "2",
                "2.3",
                "A dedicated participation budget",
                "IN_PROGRESS",
                "RED",
                TODAY.minusDays(10));
        action(schools, schoolsPlan, "4", "4.4", "Feedback to pupils after consultations", "COMPLETE", "GREEN", null);

        ApiCaller lutonAdmin = seeds.admin(luton);
        Agency offending = agency(luton, "Luton Youth Offending Service");
        MemberJourneys.registeredPledge(
                server, lutonAdmin, offending.globalId(), offending.lead(), TODAY.minusMonths(11));
        ok(
                lutonAdmin,
                "saveParticipationActivity",
                "SaveParticipationActivityInput",
                Map.of(
                        "partnerOrganisationId",
                        offending.globalId(),
                        "title",
                        "Young people's views of the youth offending service",
                        "purpose",
                        "To hear what young people think of the service",
                        "decisionInformed",
                        "The service's review",
                        "startsOn",
                        TODAY.toString(),
                        "ageBands",
                        List.of(firstAgeBand(lutonAdmin)),
                        "participants",
                        12),
                "participationActivity { id }");
        Agency earlyYears = agency(luton, "Luton Early Years");
        MemberJourneys.registeredPledge(
                server, lutonAdmin, earlyYears.globalId(), earlyYears.lead(), TODAY.minusMonths(13));
        // Straight into the database: the dashboard is not about how a self-assessment is made.
        try (PartnershipData data = PartnershipData.ofSlug(luton)) {
            data.selfAssessment(
                    offending.id(), TODAY.getYear(), "luton-safeguarding-standards", "RAG", "AGREED", "GREEN", "AMBER");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        forum = "east-" + UUID.randomUUID().toString().substring(0, 6);
        new ApiCaller(server)
                .withToken(TestKeycloak.personToken("operator", List.of(Role.PLATFORM_OPERATOR), null, null))
                .mutate(
                        "saveRegionalForum",
                        "SaveRegionalForumInput",
                        Map.of("slug", forum, "name", "East of England forum " + forum, "region", "EAST_OF_ENGLAND"),
                        "regionalForum { slug }");
        ok(lutonAdmin, "joinRegionalForum", "ForumMembershipInput", Map.of("forumSlug", forum), "sharing");
        lutonAdmin.query("mutation { refreshIndicators { values } }");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "BoardDashboardIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @Test
    void cambridgeshires_board_reads_the_plans_gaps_and_pledges_the_api_gives_and_chooses_a_participation_period() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cambridgeshire", cambridgeshireBoard.username(), cambridgeshireBoard.password());
            page.click("nav >> text=Board dashboard");
            if (page.locator("#period").count() > 0) {
                // Other tests may publish templates for later periods: choose the seed's own.
                page.selectOption("#period", "2009-2010");
                page.click("button:has-text('Show this period')");
            }
            assertThat(page.locator("h1").innerText()).isEqualTo("Board dashboard");
            assertThat(page.locator("#action-plans").innerText()).isEqualTo("Action plans 2009–2010");
            JsonNode api = boardView(cambridgeshireBoard, 2009, 2010, TODAY.withDayOfYear(1), yearEnd());

            JsonNode progress = api.path("actionPlanProgress");
            assertThat(rows(page, "#standards-table")).isEqualTo(expectedProgress(progress.path("byStandard"), true));
            assertThat(rows(page, "#partners-table")).isEqualTo(expectedProgress(progress.path("byPartner"), false));
            Locator youthBar = page.locator(".trust-chart__row", new Page.LocatorOptions().setHasText(name(youth)));
            assertThat(youthBar.innerText())
                    .contains("3 actions", "1 overdue", "Complete: 1", "In progress: 1", "Not started: 1")
                    .contains("Green: 1", "Amber: 1", "Red: 0", "Not rated: 1");

            List<List<String>> overdue = new ArrayList<>();
            api.path("overdueActions")
                    .path("edges")
                    .forEach(edge -> overdue.add(List.of(
                            edge.path("node").path("description").asText(),
                            edge.path("node")
                                    .path("actionPlan")
                                    .path("partnerOrganisation")
                                    .path("name")
                                    .asText(),
                            Dates.day(edge.path("node").path("dueDate").asText()))));
            assertThat(rows(page, "#overdue-table").stream()
                            .map(row -> List.of(row.get(0), row.get(1), row.get(3)))
                            .toList())
                    .isEqualTo(overdue)
                    .contains(List.of("Young people in appraisals", name(youth), Dates.day(TODAY.minusDays(40))));

            JsonNode gaps = api.path("partnerGaps");
            assertThat(page.locator("#without-lead li").allTextContents())
                    .isEqualTo(gaps.path("withoutStrategicLead").findValuesAsText("name"))
                    .contains(name(youth));
            List<List<String>> shortfalls = new ArrayList<>();
            gaps.path("tooFewChampions")
                    .forEach(shortfall -> shortfalls.add(List.of(
                            shortfall.path("partnerOrganisation").path("name").asText(),
                            shortfall.path("champions").asText())));
            assertThat(rows(page, "#too-few-champions")).isEqualTo(shortfalls);
            // Cambridgeshire's documents have no pledge.
            assertThat(page.locator("#pledges + div").innerText())
                    .contains("The partnership has not published a pledge");
            assertParticipation(page, api.path("participationSummary"));
            assertThat(page.locator("#no-benchmarks").innerText())
                    .isEqualTo("The partnership does not share its figures with a regional forum.");
            WebSite.assertAccessible(page, "Cambridgeshire's board dashboard");
            WebSite.screenshot(page, "board-dashboard-cambridgeshire");

            page.fill("#from-day", "31");
            page.fill("#from-month", "2");
            Response notADay = WebSite.loadedBy(page, () -> page.click("#participation ~ div button"));
            assertThat(notADay.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Board dashboard");
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("The first day must be a real date");
            assertThat(page.locator("#partners-table").count())
                    .as("the rest of the page stays")
                    .isEqualTo(1);
            WebSite.assertAccessible(page, "the board dashboard with a participation day that is not a real one");

            page.fill("#from-day", "1");
            page.fill("#from-month", "6");
            page.fill("#from-year", String.valueOf(TODAY.getYear()));
            page.fill("#to-day", "1");
            page.fill("#to-month", "1");
            page.fill("#to-year", String.valueOf(TODAY.getYear()));
            Response backwards = WebSite.loadedBy(page, () -> page.click("#participation ~ div button"));
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("The last day must be the same as or after the first day");
            WebSite.assertAccessible(
                    page, "the board dashboard with a participation period that ends before it starts");

            page.fill("#from-month", "1");
            page.fill("#from-year", String.valueOf(TODAY.getYear() - 2));
            page.fill("#to-day", "31");
            page.fill("#to-month", "12");
            Response twoYears = WebSite.loadedBy(page, () -> page.click("#participation ~ div button"));
            assertThat(twoYears.status()).isEqualTo(200);
            assertThat(page.locator("#action-plans").innerText()).isEqualTo("Action plans 2009–2010");
            assertParticipation(
                    page,
                    boardView(cambridgeshireBoard, 2009, 2010, LocalDate.of(TODAY.getYear() - 2, 1, 1), yearEnd())
                            .path("participationSummary"));
            WebSite.assertAccessible(page, "the board dashboard for a participation period of three years");
        }
    }

    @Test
    void lutons_board_reads_that_it_has_no_plans_yet_its_pledges_and_its_benchmarks_beside_the_forum() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, luton, lutonBoard.username(), lutonBoard.password());
            page.click("nav >> text=Board dashboard");
            JsonNode api = boardView(lutonBoard, 2006, 2007, TODAY.withDayOfYear(1), yearEnd());

            assertThat(page.locator("#no-plans").innerText()).isEqualTo("No plans for 2006–2007 yet.");
            assertThat(api.path("participationSummary").path("activities").asInt())
                    .isEqualTo(1);
            assertParticipation(page, api.path("participationSummary"));
            assertThat(rows(page, "#ladder")).containsExactly(List.of("Not rated", "1"));
            assertThat(api.path("actionPlanProgress").path("byPartner")).isEmpty();
            assertThat(page.locator("#glance").innerText())
                    .contains("No plans for 2006–2007 yet", "1 due for renewal, 1 lapsed");
            assertThat(page.locator("#overdue + p").innerText()).isEqualTo("No actions are overdue.");

            List<List<String>> due = new ArrayList<>();
            api.path("pledgesDueForRenewal")
                    .forEach(pledge -> due.add(List.of(
                            pledge.path("partnerOrganisation").path("name").asText(),
                            Dates.day(pledge.path("renewalDueOn").asText()))));
            assertThat(rows(page, "#due-for-renewal")).isEqualTo(due).hasSize(1);
            Set<String> seen = new HashSet<>();
            List<List<String>> lapsed = new ArrayList<>();
            api.path("pledgeRegistrations").path("edges").forEach(edge -> {
                JsonNode node = edge.path("node");
                if (seen.add(node.path("partnerOrganisation").path("id").asText())
                        && node.path("status").asText().equals("LAPSED")) {
                    lapsed.add(List.of(
                            node.path("partnerOrganisation").path("name").asText(),
                            Dates.day(node.path("renewalDueOn").asText())));
                }
            });
            assertThat(rows(page, "#lapsed")).isEqualTo(lapsed).hasSize(1);

            JsonNode benchmarks = MemberJourneys.api(server, lutonBoard)
                    .query(
                            "query ($f: String!, $y: Int) { benchmarks(forumSlug: $f, period: \"2006-2007\","
                                    + " selfAssessmentYear: $y) { indicators { indicator breakdown value forumMedian"
                                    + " forumLowerQuartile forumUpperQuartile forumAuthorities } } }",
                            Map.of("f", forum, "y", TODAY.getYear()))
                    .data()
                    .path("benchmarks")
                    .path("indicators");
            List<List<String>> expected = new ArrayList<>();
            benchmarks.forEach(own -> {
                String indicator = own.path("indicator").asText();
                expected.add(List.of(
                        BoardDashboardPages.indicator(indicator),
                        figure(indicator, own.path("value"), "No records"),
                        figure(indicator, own.path("forumLowerQuartile"), "Too few figures"),
                        figure(indicator, own.path("forumMedian"), "Too few figures"),
                        figure(indicator, own.path("forumUpperQuartile"), "Too few figures"),
                        own.path("forumAuthorities").asText()));
            });
            assertThat(benchmarks).isNotEmpty();
            assertThat(rows(page, "#benchmarks-table").stream()
                            .map(row -> List.of(row.get(0), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6)))
                            .toList())
                    .isEqualTo(expected);
            assertThat(page.locator("#benchmarks-table").innerText())
                    .contains("Partners with a current pledge", "Too few figures");
            // Luton Youth Offending Service's agreed RAG self-assessment: standard 1 green, standard 2 amber.
            assertThat(rows(page, "#benchmarks-table").stream()
                            .filter(row -> row.getFirst().equals("Partners at each self-assessment level"))
                            .map(row -> row.get(1) + " " + row.get(2))
                            .toList())
                    .containsExactly(
                            "Standard 1, amber 0%",
                            "Standard 1, green 100%",
                            "Standard 1, red 0%",
                            "Standard 2, amber 100%",
                            "Standard 2, green 0%",
                            "Standard 2, red 0%");
            WebSite.assertAccessible(page, "Luton's board dashboard, with no plans yet");
            WebSite.screenshot(page, "board-dashboard-luton");
        }
    }

    @Test
    void a_partner_lead_finds_no_dashboard_and_a_board_member_none_of_another_partnership() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    "cambridgeshire",
                    youth.lead().username(),
                    youth.lead().password());
            assertThat(page.locator("nav").innerText()).doesNotContain("Board dashboard");
            Response lead = page.navigate(site.url("/cambridgeshire/board"));
            assertThat(lead.status()).isEqualTo(404);
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            WebSite.assertAccessible(page, "the board dashboard as a partner lead");
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cambridgeshire", cambridgeshireBoard.username(), cambridgeshireBoard.password());
            Response elsewhere = page.navigate(site.url("/" + luton + "/board"));
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(page.locator("main").innerText()).doesNotContain("Luton");
            assertThat(page.navigate(site.url("/cambridgeshire/board?period=1999-2000"))
                            .status())
                    .isEqualTo(404);
            WebSite.assertAccessible(page, "another partnership's board dashboard");
        }
    }

    private void assertParticipation(Page page, JsonNode summary) {
        if (summary.path("activities").asInt() == 0) {
            assertThat(page.locator("#no-participation").innerText()).startsWith("No participation activities started");
            return;
        }
        int activities = summary.path("activities").asInt();
        int ended = summary.path("ended").asInt();
        int uncounted = summary.path("withoutParticipantCount").asInt();
        JsonNode heardBack = summary.path("heardBack");
        JsonNode byKind = summary.path("heardBackByKind");
        assertThat(page.locator("#participation-summary dd").allTextContents().stream()
                        .map(String::strip)
                        .toList())
                .containsExactly(
                        String.valueOf(activities),
                        summary.path("participants").asText()
                                + (uncounted == 0
                                        ? ""
                                        : " (" + uncounted + (uncounted == 1 ? " activity" : " activities")
                                                + " did not count them)"),
                        summary.path("informingDecisions").asText() + " of " + activities,
                        String.valueOf(ended),
                        summary.path("feedbackGiven").asText() + " of " + ended,
                        summary.path("feedbackOverdue").asText(),
                        heardBackLine(heardBack),
                        heardBackLine(byKind.path(0).path("count")),
                        heardBackLine(byKind.path(2).path("count")));
        assertThat(byKind.findValuesAsText("about"))
                .as("inspections and recommendations counted apart, after the activities")
                .containsExactly("INSPECTION", "PARTICIPATION_ACTIVITY", "YOUTH_FORUM_RECOMMENDATION");
    }

    private static String heardBackLine(JsonNode count) {
        return count.path("yes").asText() + " of " + count.path("answers").asText()
                + " who answered with their feedback code (not yet: "
                + count.path("notYet").asText() + ", no: "
                + count.path("no").asText() + ")";
    }

    /** The board's views of the API, asked for as any API client would. */
    private JsonNode boardView(Person board, int start, int end, LocalDate from, LocalDate to) {
        return MemberJourneys.api(server, board)
                .query(BOARD_VIEW, Map.of("start", start, "end", end, "from", from.toString(), "to", to.toString()))
                .data();
    }

    private static List<List<String>> expectedProgress(JsonNode rows, boolean byStandard) {
        List<List<String>> expected = new ArrayList<>();
        rows.forEach(row -> {
            List<String> cells = new ArrayList<>();
            if (byStandard) {
                cells.add(
                        row.path("title").isNull()
                                ? "Standard " + row.path("standard").asText()
                                : row.path("standard").asText() + ". "
                                        + row.path("title").asText());
            } else {
                cells.add(row.path("partnerOrganisation").path("name").asText());
            }
            for (String count : COUNTS.split(" ")) {
                cells.add(row.path("progress").path(count).asText());
            }
            expected.add(cells);
        });
        return expected;
    }

    /** A table's body rows, each cell's text (the table may sit in a closed details element). */
    private static List<List<String>> rows(Page page, String table) {
        List<List<String>> rows = new ArrayList<>();
        Locator body = page.locator(table + " tbody tr");
        for (int i = 0; i < body.count(); i++) {
            rows.add(body.nth(i).locator("th, td").allTextContents().stream()
                    .map(String::strip)
                    .toList());
        }
        return rows;
    }

    private static String figure(String indicator, JsonNode value, String none) {
        if (value.isNull() || value.isMissingNode()) {
            return none;
        }
        return indicator.equals("CHAMPIONS_PER_PARTNER")
                ? String.format(Locale.UK, "%.1f", value.asDouble())
                : Math.round(value.asDouble() * 100) + "%";
    }

    private static LocalDate yearEnd() {
        return LocalDate.of(TODAY.getYear(), 12, 31);
    }

    private final Map<UUID, String> names = new HashMap<>();

    private String name(Agency agency) {
        return names.get(agency.id());
    }

    private Agency agency(String tenant, String name) {
        UUID id = seeds.agency(tenant, name);
        names.put(
                id,
                seeds.admin(tenant)
                        .query(
                                "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
                                Map.of("id", GlobalId.encode("PartnerOrganisation", id)))
                        .data()
                        .path("node")
                        .path("name")
                        .asText());
        return new Agency(id, seeds.person("lead", tenant, id, Role.PARTNER_LEAD));
    }

    /** The agency's plan for Cambridgeshire's own 2009–2010 template, started by its partner lead. */
    private String plan(Agency agency) {
        ApiCaller lead = MemberJourneys.api(server, agency.lead());
        String template = null;
        for (JsonNode found : lead.query(
                        "{ publishedConfiguration(tenantSlug: \"cambridgeshire\") { actionPlanTemplates { id periodStart } } }")
                .data()
                .path("publishedConfiguration")
                .path("actionPlanTemplates")) {
            if (found.path("periodStart").asInt() == 2009) {
                template = found.path("id").asText();
            }
        }
        return ok(
                        lead,
                        "startActionPlan",
                        "StartActionPlanInput",
                        Map.of("partnerOrganisationId", agency.globalId(), "templateId", template),
                        "actionPlan { id }")
                .path("actionPlan")
                .path("id")
                .asText();
    }

    private void action(
            Agency agency,
            String plan,
            String section,
            String outcome,
            String description,
            String status,
            String rag,
            LocalDate due) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "actionPlanId", plan,
                "sectionNumber", section,
                "outcomeNumber", outcome,
                "description", description,
                "status", status));
        if (rag != null) {
            input.put("rag", rag);
        }
        if (due != null) {
            input.put("dueDate", due.toString());
        }
        ok(MemberJourneys.api(server, agency.lead()), "saveAction", "SaveActionInput", input, "action { id }");
    }

    /** One of the age bands in force in the Luton copy, for an activity to be aimed at. */
    private String firstAgeBand(ApiCaller admin) {
        return admin.query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { termsInForce { ageBands { label } } } }",
                        Map.of("s", luton))
                .data()
                .at("/publishedConfiguration/termsInForce/ageBands/0/label")
                .asText();
    }
}
