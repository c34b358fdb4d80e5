package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.MemberJourneys.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
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
 * An agency's action plan in Chromium with JavaScript off, through Keycloak's own sign-in page, on
 * two seed partnerships with a template (a copy of Cumbria whose admin has made the Hear by Right
 * starter kit its own, for the strategy's 2011–2014; Cambridgeshire its own 2009–2010 template): starting the plan, adding actions in the
 * template's columns, refused answers, progress with evidence, checking and sending it, the
 * board's decision, carrying unfinished actions forward, a conflict with someone else's change,
 * another agency's plan as not found, and adding an action by keyboard alone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPlanJourneyIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private String cumbria;
    private ApiCaller cumbriaAdmin;
    private ApiCaller cambridgeshireAdmin;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsWithTemplates() {
        seeds = new SeedPartnerships(server);
        // Cumbria writes no template of its own; a copy, because its admin publishes the kit's.
        cumbria = seeds.openCopy("cumbria");
        seeds.open("cambridgeshire");
        cumbriaAdmin = seeds.admin(cumbria);
        seeds.publishStarterKit(cumbriaAdmin, "hear-by-right");
        cambridgeshireAdmin = seeds.admin("cambridgeshire");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "ActionPlanJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    /** A new agency of the partnership and its partner lead. */
    private record Agency(UUID id, Person lead) {

        String globalId() {
            return GlobalId.encode("PartnerOrganisation", id);
        }
    }

    private Agency agency(String tenant, String name) {
        UUID id = seeds.agency(tenant, name);
        return new Agency(id, seeds.person("lead", tenant, id, Role.PARTNER_LEAD));
    }

    @Test
    void a_partner_lead_starts_the_plan_adds_an_action_in_the_templates_columns_records_progress_and_sends_it() {
        Agency youth = agency(cumbria, "Cumbria Youth Service");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            assertThat(site.signIn(
                            page, cumbria, youth.lead().username(), youth.lead().password()))
                    .isEqualTo("/" + cumbria + "/start");
            assertThat(page.locator(".govuk-task-list").innerText())
                    .contains("Our action plan", "Not yet started", "The pledge", "The charter of values");
            WebSite.assertAccessible(page, "the start page's task list");
            WebSite.screenshot(page, "your-work-task-list");

            page.click("text=Our action plan");
            assertThat(page.locator("h1").innerText()).isEqualTo("Start our action plan 2011–2014");
            WebSite.assertAccessible(page, "starting the action plan");
            WebSite.screenshot(page, "action-plan-start");

            page.click("button:has-text('Start the plan')");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your action plan has been started");
            assertThat(page.locator("h1").innerText()).isEqualTo("Our action plan 2011–2014");
            assertThat(page.locator(".govuk-task-list").first().innerText())
                    .contains("1. Shared Values", "7. Leadership", "No actions yet");
            assertThat(page.locator("#submit-status").innerText()).isEqualTo("Cannot start yet");
            WebSite.assertAccessible(page, "a new plan's task list");
            WebSite.screenshot(page, "action-plan-task-list");

            page.click("text=1. Shared Values");
            assertThat(page.locator("h1").innerText()).isEqualTo("1. Shared Values");
            WebSite.assertAccessible(page, "a section of the plan with no actions");
            page.click("a:has-text('Add an action towards outcome 1.2')");
            assertThat(page.locator("label[for=description]").innerText()).isEqualTo("Supporting actions");
            assertThat(page.locator("label[for=lead]").innerText()).isEqualTo("Lead responsibilities");
            assertThat(page.locator("#outcome").inputValue()).isEqualTo("1|1.2");
            WebSite.assertAccessible(page, "adding an action");
            WebSite.screenshot(page, "action-form");

            page.fill("#lead", "CL PW/CB");
            Response withoutDescription = submit(page, "Save the action");
            assertThat(withoutDescription.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Add an action");
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("Say what the action is.");
            assertThat(page.locator("#description-error").innerText()).contains("Say what the action is.");
            assertThat(page.locator("#lead").inputValue()).as("kept as typed").isEqualTo("CL PW/CB");
            WebSite.assertAccessible(page, "an action without a description");
            WebSite.screenshot(page, "action-form-without-description");

            page.fill(
                    "#description",
                    "Build capacity in area teams to involve children and young people on recruitment panels");
            page.fill("#dueDate-day", "31");
            page.fill("#dueDate-month", "2");
            page.fill("#dueDate-year", "2027");
            Response impossible = submit(page, "Save the action");
            assertThat(impossible.status()).isEqualTo(400);
            assertThat(page.locator("#dueDate-error").innerText()).contains("The due date must be a real date");
            assertThat(page.locator(".govuk-error-summary a").innerText())
                    .isEqualTo("The due date must be a real date");
            assertThat(page.locator("#dueDate-day").inputValue()).isEqualTo("31");
            assertThat(page.locator("#description").inputValue()).startsWith("Build capacity");
            WebSite.assertAccessible(page, "an action with an impossible due date");

            page.fill("#dueDate-day", "31");
            page.fill("#dueDate-month", "8");
            page.fill("#dueDate-year", "2027");
            page.fill("#timescale", "As required");
            page.fill("#resources", "Participation team time");
            page.fill("#risks", "Panels cannot be arranged in time");
            page.check("#status-1");
            page.check("#rag-2");
            submit(page, "Save the action");
            assertThat(page.url()).contains("/sections/1");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Action added");
            assertThat(page.locator("#outcome-1\\.2 + table thead").innerText())
                    .contains(
                            "Supporting actions",
                            "Lead responsibilities",
                            "Time scales / resources",
                            "Risks identified");
            assertThat(page.locator("#outcome-1\\.2 + table tbody").innerText())
                    .contains(
                            "Build capacity in area teams",
                            "CL PW/CB",
                            "Due 31 August 2027; As required; Participation team time",
                            "Panels cannot be arranged in time",
                            "In progress",
                            "Green");
            WebSite.assertAccessible(page, "a section with an action in the template's columns");
            WebSite.screenshot(page, "action-plan-section");

            page.click("text=Build capacity in area teams");
            assertThat(page.locator("h1").innerText()).isEqualTo("Action");
            WebSite.assertAccessible(page, "an action");
            page.click("text=Record progress");
            assertThat(page.locator("h1").innerText()).isEqualTo("Record progress");
            WebSite.assertAccessible(page, "recording progress");
            LocalDate tomorrow = TestCalendar.today().plusDays(1);
            fillDate(page, "date", tomorrow);
            page.fill("#evidenceLinks-0", "not a link");
            Response refusedProgress = submit(page, "Save progress");
            assertThat(refusedProgress.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains(
                            "Say what progress was made.",
                            "Progress is recorded for today or earlier.",
                            "Evidence links are web addresses starting http:// or https://");
            WebSite.assertAccessible(page, "progress refused");
            fillDate(page, "date", TestCalendar.today());
            page.fill("#note", "Pilot run with two locality teams");
            page.fill("#evidenceLinks-0", "https://intranet.cumbria.example/participation/pilot-report");
            submit(page, "Save progress");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Progress recorded");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Pilot run with two locality teams",
                            "https://intranet.cumbria.example/participation/pilot-report");
            WebSite.assertAccessible(page, "an action with its progress");
            WebSite.screenshot(page, "action-with-progress");

            page.click("text=Back to the section");
            page.click("text=Back to our action plan");
            assertThat(page.locator("#section-0-status").innerText()).isEqualTo("1 action");
            page.click("text=Check and send your plan to the board");
            assertThat(page.locator("main").innerText())
                    .contains("1.2 Recruiting managers", "Build capacity in area teams", "CL PW/CB");
            WebSite.assertAccessible(page, "checking the plan before sending it");
            WebSite.screenshot(page, "action-plan-check");
            submit(page, "Send to the board");
            assertThat(page.locator(".govuk-panel__title").innerText()).isEqualTo("Action plan sent to the board");
            WebSite.assertAccessible(page, "the plan sent");
            WebSite.screenshot(page, "action-plan-sent");
        }

        JsonNode plan = plansOf(cumbriaAdmin, youth).path(0);
        assertThat(plan.path("status").asText()).isEqualTo("SUBMITTED");
        JsonNode action = plan.path("sections")
                .path(0)
                .path("outcomes")
                .path(0)
                .path("actions")
                .path(0);
        assertThat(action.path("description").asText()).startsWith("Build capacity in area teams");
        assertThat(action.path("lead").asText()).isEqualTo("CL PW/CB");
        assertThat(action.path("dueDate").asText()).isEqualTo("2027-08-31");
        assertThat(action.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(action.path("rag").asText()).isEqualTo("GREEN");
        assertThat(action.path("progressUpdates")
                        .path(0)
                        .path("evidenceLinks")
                        .path(0)
                        .asText())
                .isEqualTo("https://intranet.cumbria.example/participation/pilot-report");
    }

    @Test
    void the_boards_decision_shows_on_the_plan_with_the_reason_it_was_returned() {
        Agency health = agency("cambridgeshire", "Cambridgeshire Community Health");
        String plan = planWithAnAction(
                cambridgeshireAdmin,
                health,
                "cambridgeshire",
                "4",
                "4.1",
                "Young people's Audit Team involved in annual audit of progress");
        decide(cambridgeshireAdmin, "submitActionPlan", plan, 0, null);
        decide(cambridgeshireAdmin, "returnActionPlan", plan, 1, "Say who leads the audit and when it reports.");

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    "cambridgeshire",
                    health.lead().username(),
                    health.lead().password());
            page.click("text=Our action plan");
            assertThat(page.locator("h1").innerText()).isEqualTo("Our action plan 2009–2010");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The board returned your plan", "Say who leads the audit and when it reports.");
            assertThat(page.locator("#submit-status").innerText()).isEqualTo("Returned");
            WebSite.assertAccessible(page, "a plan the board returned");
            WebSite.screenshot(page, "action-plan-returned");

            page.click("text=4. Systems");
            assertThat(page.locator("#outcome-4\\.1 + table thead").innerText())
                    .as("Cambridgeshire's own columns")
                    .contains(
                            "Supporting actions",
                            "Lead responsibilities",
                            "Time scales / resources",
                            "Risks identified");
            page.click("text=Young people's Audit Team involved");
            page.click("a:has-text('Change')");
            page.fill("#lead", "AW/CB/PW");
            submit(page, "Save the action");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Action changed");
            page.click("text=Back to the section");
            page.click("text=Back to our action plan");
            page.click("text=Check and send your plan to the board");
            submit(page, "Send to the board");
            assertThat(page.locator(".govuk-panel__title").innerText()).isEqualTo("Action plan sent to the board");

            decide(cambridgeshireAdmin, "approveActionPlan", plan, 3, null);
            page.navigate(site.url("/cambridgeshire/action-plan"));
            assertThat(page.locator("main").innerText()).contains("Approved", "The board approved the plan on");
            assertThat(page.locator("#submit-status").innerText()).isEqualTo("Approved");
            WebSite.assertAccessible(page, "an approved plan");
            page.navigate(site.url("/cambridgeshire/start"));
            assertThat(page.locator("#action-plan-status").innerText()).isEqualTo("Approved");
        }
        assertThat(plansOf(cambridgeshireAdmin, health)
                        .path(0)
                        .path("sections")
                        .path(3)
                        .path("outcomes")
                        .path(0)
                        .path("actions")
                        .path(0)
                        .path("lead")
                        .asText())
                .isEqualTo("AW/CB/PW");
    }

    @Test
    void unfinished_actions_are_carried_forward_into_the_next_periods_plan() {
        // Kent's configuration under a slug of this test's own: the test publishes a template, and
        // Kent itself must keep publishing what its definition says.
        String kent = seeds.openCopy("kent");
        ApiCaller kentAdmin = seeds.admin(kent);
        seeds.publishStarterKit(kentAdmin, "hear-by-right");
        Agency schools = agency(kent, "Kent Schools Participation Team");
        String earlier = planWithAnAction(
                kentAdmin, schools, kent, "2", "2.1", "Engage young people in the review of the Big Plan");
        String finished = action(kentAdmin, earlier, "3", "3.2", "Annual event for workers and partners", "COMPLETE");
        assertThat(finished).isNotBlank();
        publishTemplateFor(kentAdmin, kent, 2030, 2033);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, kent, schools.lead().username(), schools.lead().password());
            page.navigate(site.url("/" + kent + "/action-plan"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Start our action plan 2030–2033");
            assertThat(page.locator("label[for=carryForwardFromId]").innerText())
                    .contains("Carry forward the 1 unfinished action from our");
            WebSite.assertAccessible(page, "starting a plan with unfinished actions to carry forward");
            page.check("#carryForwardFromId");
            submit(page, "Start the plan");
            assertThat(page.locator("h1").innerText()).isEqualTo("Our action plan 2030–2033");
            assertThat(page.locator("main").innerText()).contains("Unfinished actions were carried forward from");
            page.click("text=2. Strategy");
            assertThat(page.locator("main").innerText())
                    .contains("Engage young people in the review of the Big Plan")
                    .doesNotContain("Annual event for workers and partners");
            WebSite.assertAccessible(page, "a section with a carried-forward action");
        }
    }

    @Test
    void a_stale_version_shows_who_changed_the_action_and_their_answers_beside_what_the_person_typed() {
        Agency social = agency(cumbria, "Cumbria Children's Social Care");
        String plan = planWithAnAction(
                cumbriaAdmin, social, cumbria, "4", "4.4", "Feedback to young people after each consultation");
        String action = plansOf(cumbriaAdmin, social)
                .path(0)
                .path("sections")
                .path(3)
                .path("outcomes")
                .path(3)
                .path("actions")
                .path(0)
                .path("id")
                .asText();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, cumbria, social.lead().username(), social.lead().password());
            page.navigate(site.url("/" + cumbria + "/action-plan/" + plan + "/actions/" + action + "/change"));
            page.fill("#description", "Feedback within four weeks, by a 'You said, we did' letter");

            JsonNode theirs = ok(
                    cumbriaAdmin,
                    "saveAction",
                    "SaveActionInput",
                    Map.of(
                            "id", action,
                            "version", 0,
                            "sectionNumber", "4",
                            "outcomeNumber", "4.4",
                            "description", "Feedback through the Youthoria website",
                            "lead", "SW DB"),
                    "action { lastChange { by } }");
            String by = theirs.path("action").path("lastChange").path("by").asText();

            Response conflict = submit(page, "Save the action");
            assertThat(conflict.status()).isEqualTo(400);
            assertThat(page.locator("#conflict h2").innerText()).startsWith(by + " changed this on ");
            assertThat(page.locator("#conflict table").innerText())
                    .contains(
                            "Supporting actions",
                            "Feedback through the Youthoria website",
                            "Feedback within four weeks, by a 'You said, we did' letter",
                            "Lead responsibilities",
                            "SW DB");
            assertThat(page.locator("#description").inputValue())
                    .as("what the person typed is still in the form")
                    .isEqualTo("Feedback within four weeks, by a 'You said, we did' letter");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains(by + " changed this action after you opened it");
            WebSite.assertAccessible(page, "a conflict with someone else's change");
            WebSite.screenshot(page, "action-conflict");

            submit(page, "Save the action");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Action changed");
        }
        JsonNode saved = plansOf(cumbriaAdmin, social)
                .path(0)
                .path("sections")
                .path(3)
                .path("outcomes")
                .path(3)
                .path("actions")
                .path(0);
        assertThat(saved.path("description").asText())
                .isEqualTo("Feedback within four weeks, by a 'You said, we did' letter");
        assertThat(saved.path("lead").isNull())
                .as("the person's form held no lead")
                .isTrue();
        assertThat(saved.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void another_agencys_plan_and_actions_are_not_found_and_posting_to_them_changes_nothing() {
        Agency ours = agency(cumbria, "Cumbria Early Help");
        Agency theirs = agency(cumbria, "Cumbria Youth Offending Team");
        Agency elsewhere = agency("cambridgeshire", "Cambridgeshire Libraries");
        String theirPlan =
                planWithAnAction(cumbriaAdmin, theirs, cumbria, "1", "1.3", "Young people on appraisal panels");
        String theirAction = plansOf(cumbriaAdmin, theirs)
                .path(0)
                .path("sections")
                .path(0)
                .path("outcomes")
                .path(1)
                .path("actions")
                .path(0)
                .path("id")
                .asText();
        String elsewherePlan =
                planWithAnAction(cambridgeshireAdmin, elsewhere, "cambridgeshire", "1", "1.2", "Recruitment panels");
        String before = plansOf(cumbriaAdmin, theirs).toString();
        String elsewhereBefore = plansOf(cambridgeshireAdmin, elsewhere).toString();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, cumbria, ours.lead().username(), ours.lead().password());
            String token = MemberJourneys.csrf(page);
            String plan = "/" + cumbria + "/action-plan/" + theirPlan;
            String action = plan + "/actions/" + theirAction;
            for (String path : List.of(
                    plan,
                    plan + "/sections/1",
                    plan + "/check",
                    plan + "/actions/new?section=1&outcome=1.2",
                    action,
                    action + "/change",
                    action + "/progress",
                    "/cambridgeshire/action-plan/" + elsewherePlan)) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
                assertThat(page.locator("h1").innerText()).as(path).isEqualTo("Page not found");
            }
            WebSite.assertAccessible(page, "another agency's plan, not found");

            Map<String, String> anAction = Map.of(
                    "_csrf", token, "outcome", "1|1.2", "description", "Written by another agency", "version", "0");
            Map<String, String> progress = Map.of(
                    "_csrf",
                    token,
                    "date-day",
                    "1",
                    "date-month",
                    "1",
                    "date-year",
                    "2024",
                    "note",
                    "Written by another agency");
            assertThat(MemberJourneys.post(page, site.url(plan + "/actions"), anAction)
                            .status())
                    .isEqualTo(404);
            assertThat(MemberJourneys.post(page, site.url(action + "/change"), anAction)
                            .status())
                    .isEqualTo(404);
            assertThat(MemberJourneys.post(page, site.url(action + "/progress"), progress)
                            .status())
                    .isEqualTo(404);
            assertThat(MemberJourneys.post(page, site.url(plan + "/check"), Map.of("_csrf", token, "version", "0"))
                            .status())
                    .isEqualTo(404);
            assertThat(MemberJourneys.post(
                                    page,
                                    site.url("/cambridgeshire/action-plan/" + elsewherePlan + "/actions"),
                                    anAction)
                            .status())
                    .isEqualTo(404);
        }
        assertThat(plansOf(cumbriaAdmin, theirs).toString())
                .as("nothing written")
                .isEqualTo(before);
        assertThat(plansOf(cambridgeshireAdmin, elsewhere).toString()).isEqualTo(elsewhereBefore);
    }

    @Test
    void a_form_without_its_token_is_refused_and_changes_nothing() {
        Agency fostering = agency(cumbria, "Cumbria Fostering Service");
        String plan = planWithAnAction(cumbriaAdmin, fostering, cumbria, "6", "6.1", "Young Lives training");
        String before = plansOf(cumbriaAdmin, fostering).toString();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page, cumbria, fostering.lead().username(), fostering.lead().password());
            APIResponse without = MemberJourneys.post(
                    page,
                    site.url("/" + cumbria + "/action-plan/" + plan + "/actions"),
                    Map.of("outcome", "6|6.1", "description", "Without the form's token"));
            APIResponse wrong = MemberJourneys.post(
                    page,
                    site.url("/" + cumbria + "/action-plan/" + plan + "/check"),
                    Map.of("_csrf", "not-the-token", "version", "0"));

            assertThat(without.status()).isEqualTo(403);
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(without.text()).contains("Your form could not be sent");
        }
        assertThat(plansOf(cumbriaAdmin, fostering).toString()).isEqualTo(before);
    }

    @Test
    void an_action_is_added_by_keyboard_alone_with_the_focus_visible_at_each_step() {
        Agency libraries = agency(cumbria, "Cumbria Libraries");
        String plan = planOf(cumbriaAdmin, libraries, cumbria);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page, cumbria, libraries.lead().username(), libraries.lead().password());
            Keyboard keys = new Keyboard(page);

            keys.tabTo("a", "Our action plan");
            keys.follow();
            assertThat(page.url()).isEqualTo(site.url("/" + cumbria + "/action-plan/" + plan));
            keys.tabTo("a", "2. Strategy");
            keys.follow();
            assertThat(page.locator("h1").innerText()).isEqualTo("2. Strategy");
            keys.tabTo("a", "Add an action towards outcome 2.3");
            keys.follow();
            assertThat(page.locator("h1").innerText()).isEqualTo("Add an action");
            keys.tabTo("select", "outcome");
            keys.tab();
            keys.expect("textarea", "description");
            page.keyboard().type("Draw down external income for participation work");
            keys.tab();
            keys.expect("input", "lead");
            page.keyboard().type("SW");
            keys.tab();
            keys.expect("input", "dueDate-day");
            page.keyboard().type("31");
            keys.tab();
            keys.expect("input", "dueDate-month");
            page.keyboard().type("3");
            keys.tab();
            keys.expect("input", "dueDate-year");
            page.keyboard().type("2028");
            keys.tab();
            keys.expect("input", "timescale");
            keys.tab();
            keys.expect("input", "resources");
            keys.tab();
            keys.expect("textarea", "risks");
            page.keyboard().type("Agencies unable to identify specific resources to deliver strategy");
            keys.tab();
            keys.expect("input", "status");
            keys.press("Space");
            assertThat(page.locator("#status").isChecked()).isTrue();
            keys.tabTo("button", "Save the action");
            WebSite.screenshot(page, "keyboard-focus-on-save");
            keys.follow();

            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Action added");
            assertThat(page.locator("main").innerText())
                    .contains("Draw down external income for participation work", "Due 31 March 2028", "Not started");
            WebSite.assertAccessible(page, "the action added by keyboard");
        }
        JsonNode added = plansOf(cumbriaAdmin, libraries)
                .path(0)
                .path("sections")
                .path(1)
                .path("outcomes")
                .path(1)
                .path("actions")
                .path(0);
        assertThat(added.path("description").asText()).isEqualTo("Draw down external income for participation work");
        assertThat(added.path("risks").asText())
                .isEqualTo("Agencies unable to identify specific resources to deliver strategy");
        assertThat(added.path("dueDate").asText()).isEqualTo("2028-03-31");
    }

    /** Tab, Enter and Space only; after each key, the focused element is the one expected, and it shows it. */
    private static final class Keyboard {

        private final Page page;

        Keyboard(Page page) {
            this.page = page;
        }

        void tab() {
            page.keyboard().press("Tab");
        }

        void press(String key) {
            page.keyboard().press(key);
        }

        /** Enter on a link or button: the page it leads to. */
        void follow() {
            WebSite.loadedBy(page, () -> page.keyboard().press("Enter"));
        }

        /** Tabs forward until the focus is on the element named so (its text, id or name), within 80 steps. */
        void tabTo(String tag, String named) {
            for (int step = 0; step < 80; step++) {
                tab();
                if (focused(tag, named)) {
                    assertVisiblyFocused(named);
                    return;
                }
            }
            throw new AssertionError("Tab never reached the " + tag + " " + named + " on " + page.url());
        }

        void expect(String tag, String named) {
            assertThat(focused(tag, named))
                    .as("the focus is on the %s %s, not %s", tag, named, describeFocus())
                    .isTrue();
            assertVisiblyFocused(named);
        }

        private boolean focused(String tag, String named) {
            var focus = page.locator(":focus");
            if (focus.count() != 1) {
                return false;
            }
            String actualTag = (String) focus.evaluate("element => element.tagName.toLowerCase()");
            String text = focus.textContent().replaceAll("\\s+", " ").strip();
            String id = focus.getAttribute("id");
            return actualTag.equals(tag) && (text.equals(named) || named.equals(id) || text.startsWith(named));
        }

        private String describeFocus() {
            var focus = page.locator(":focus");
            return focus.count() == 0
                    ? "nothing"
                    : (String) focus.evaluate("element => element.outerHTML.slice(0, 200)");
        }

        /** GOV.UK Frontend's focus state: the yellow (#ffdd00) background, outline or ring on the focused element. */
        private void assertVisiblyFocused(String named) {
            String style = (String) page.locator(":focus").evaluate("""
                            element => {
                              const own = getComputedStyle(element);
                              const label = element.labels && element.labels[0];
                              const ring = label ? getComputedStyle(label, '::before').boxShadow : '';
                              return [own.backgroundColor, own.outlineColor, own.outlineStyle, own.boxShadow, ring].join(' | ');
                            }""");
            assertThat(style).as("the focus on %s is visible: %s", named, style).contains("rgb(255, 221, 0)");
        }
    }

    private static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:has-text('" + button + "')"));
    }

    private static void fillDate(Page page, String name, LocalDate day) {
        page.fill("#" + name + "-day", String.valueOf(day.getDayOfMonth()));
        page.fill("#" + name + "-month", String.valueOf(day.getMonthValue()));
        page.fill("#" + name + "-year", String.valueOf(day.getYear()));
    }

    private JsonNode plansOf(ApiCaller admin, Agency agency) {
        return admin.query("""
                        query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { actionPlans {
                          id status version periodStart
                          sections { number outcomes { number actions {
                            id description lead dueDate risks status rag version
                            progressUpdates { date note evidenceLinks } } } }
                          unplacedActions { id description } } } } }""", Map.of("id", agency.globalId()))
                .data()
                .path("node")
                .path("actionPlans");
    }

    /** The agency's plan for the partnership's newest template, started by its partner lead; its id. */
    private String planOf(ApiCaller admin, Agency agency, String tenant) {
        ApiCaller lead = MemberJourneys.api(server, agency.lead());
        JsonNode templates = admin.query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates { id periodStart } } }",
                        Map.of("s", tenant))
                .data()
                .path("publishedConfiguration")
                .path("actionPlanTemplates");
        String newest = null;
        int newestStart = 0;
        for (JsonNode template : templates) {
            if (template.path("periodStart").asInt() > newestStart) {
                newestStart = template.path("periodStart").asInt();
                newest = template.path("id").asText();
            }
        }
        return ok(
                        lead,
                        "startActionPlan",
                        "StartActionPlanInput",
                        Map.of("partnerOrganisationId", agency.globalId(), "templateId", newest),
                        "actionPlan { id }")
                .path("actionPlan")
                .path("id")
                .asText();
    }

    private String planWithAnAction(
            ApiCaller admin, Agency agency, String tenant, String section, String outcome, String description) {
        String plan = planOf(admin, agency, tenant);
        action(MemberJourneys.api(server, agency.lead()), plan, section, outcome, description, "NOT_STARTED");
        return plan;
    }

    private static String action(
            ApiCaller caller, String plan, String section, String outcome, String description, String status) {
        return ok(
                        caller,
                        "saveAction",
                        "SaveActionInput",
                        Map.of(
                                "actionPlanId", plan,
                                "sectionNumber", section,
                                "outcomeNumber", outcome,
                                "description", description,
                                "status", status),
                        "action { id }")
                .path("action")
                .path("id")
                .asText();
    }

    private static void decide(ApiCaller admin, String mutation, String plan, int version, String reason) {
        Map<String, Object> input = new HashMap<>(Map.of("id", plan, "version", version));
        if (reason != null) {
            input.put("reason", reason);
        }
        ok(admin, mutation, "ActionPlanDecisionInput", input, "actionPlan { status }");
    }

    /** Publishes a copy of the partnership's template for a later period, as its admin would. */
    private static void publishTemplateFor(ApiCaller admin, String tenant, int start, int end) {
        JsonNode template = admin.query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates {"
                                + " title framework columns { key label type }"
                                + " sections { number title standard outcomes { number text } } } } }",
                        Map.of("s", tenant))
                .data()
                .path("publishedConfiguration")
                .path("actionPlanTemplates")
                .path(0);
        List<Object> columns = new ArrayList<>();
        template.path("columns")
                .forEach(column -> columns.add(Map.of(
                        "key", column.path("key").asText(),
                        "label", column.path("label").asText(),
                        "type", column.path("type").asText())));
        List<Object> sections = new ArrayList<>();
        template.path("sections").forEach(section -> {
            List<Object> outcomes = new ArrayList<>();
            section.path("outcomes")
                    .forEach(outcome -> outcomes.add(Map.of(
                            "number",
                            outcome.path("number").asText(),
                            "text",
                            outcome.path("text").asText())));
            sections.add(Map.of(
                    "number", section.path("number").asText(),
                    "title", section.path("title").asText(),
                    "standard", section.path("standard").asText(),
                    "outcomes", outcomes));
        });
        JsonNode saved = ok(
                admin,
                "saveActionPlanTemplate",
                "SaveActionPlanTemplateInput",
                Map.of(
                        "actionPlanTemplate",
                        Map.of(
                                "title", "Active involvement action plan " + start + "–" + end,
                                "periodStart", start,
                                "periodEnd", end,
                                "framework", template.path("framework").asText(),
                                "columns", columns,
                                "sections", sections)),
                "actionPlanTemplate { id version }");
        ok(
                admin,
                "publishDocument",
                "PublishDocumentInput",
                Map.of(
                        "id", saved.path("actionPlanTemplate").path("id").asText(),
                        "version",
                                saved.path("actionPlanTemplate").path("version").asInt()),
                "document { status }");
    }
}
