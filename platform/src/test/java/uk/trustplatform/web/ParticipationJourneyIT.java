package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * A partner lead's participation register in Chromium with JavaScript off, signed in through
 * Keycloak's own page, on two seed partnerships with vocabularies of their own: Medway (children
 * up to 11, young people 12–18, up to 24 with a severe disability; its groups and methods) and
 * Luton (one age band, children up to 19, and the platform's groups, methods and ladder, since it
 * names none of its own).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationJourneyIT implements TestPropertyProvider {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String ACTIVITY = "query ($id: ID!) { node(id: $id) { ... on ParticipationActivity {"
            + " id version title purpose decisionInformed decisionStage decisionDueOn startsOn endsOn ageBands"
            + " audienceGroups methods participants"
            + " ladderRung hearByRightStage feedbackDueOn stage feedback { youSaid weDid givenOn method } } } }";
    private static final String SAVE =
            "mutation ($i: SaveParticipationActivityInput!) { saveParticipationActivity(input: $i)"
                    + " { participationActivity { id version } userErrors { field message } } }";

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private UUID youthService;
    private UUID fosterCare;
    private Person medwayLead;
    private Person lutonLead;
    private Person medwayAdmin;
    private ApiCaller medwayApi;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void medwayAndLutonWithAnAgencyAndItsLeadEach() {
        seeds = new SeedPartnerships(server);
        seeds.open("medway");
        seeds.open("luton");
        youthService = seeds.agency("medway", "Medway Youth Service");
        fosterCare = seeds.agency("medway", "Medway Foster Care");
        medwayLead = seeds.person("lead", "medway", youthService, Role.PARTNER_LEAD);
        UUID lutonAgency = seeds.agency("luton", "Luton Youth Offending Service");
        lutonLead = seeds.person("lead", "luton", lutonAgency, Role.PARTNER_LEAD);
        medwayAdmin = seeds.person("admin", "medway", null, Role.TENANT_ADMIN);
        medwayApi = api(medwayAdmin);
    }

    @Test
    void a_medway_lead_records_an_activity_in_medways_own_words_then_the_feedback_given() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            page.click("nav >> text=Participation");

            assertThat(page.url()).isEqualTo(site.url("/medway/participation"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Participation register");
            assertThat(page.title()).isEqualTo("Participation register – Medway Children's Trust – Trust Platform");
            WebSite.assertAccessible(page, "the participation register");
            WebSite.screenshot(page, "participation-register");

            page.click("text=Record an activity");
            assertThat(page.url()).isEqualTo(site.url("/medway/participation/new"));
            assertThat(labels(page, "ageBands"))
                    .containsExactly(
                            "Children (0 to 11)",
                            "Young people (12 to 18)",
                            "Young people with a severe disability (19 to 24)");
            assertThat(labels(page, "audienceGroups"))
                    .containsExactly("Children", "Young people", "Parents and carers");
            assertThat(labels(page, "methods"))
                    .as("Medway's own methods")
                    .startsWith("Discussion groups", "Interviews", "Mystery shopping", "Surveys")
                    .hasSize(19);
            assertThat(page.locator("input[name=ladderRung]").count())
                    .as("not rated yet, and the platform's eight rungs of Hart's ladder")
                    .isEqualTo(9);
            assertThat(labels(page, "decisionStage"))
                    .as("Medway's commissioning cycle")
                    .containsExactly("Not known yet", "Understand", "Plan", "Do", "Review");
            WebSite.assertAccessible(page, "recording an activity");
            WebSite.screenshot(page, "participation-record");

            Response empty = submit(page, "Record the activity");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Record an activity");
            assertThat(errorSummary(page))
                    .containsExactly(
                            "Give the activity a title.",
                            "Say what the activity is for.",
                            "Give the date the activity starts.",
                            "Say who the activity is aimed at: an age band, an audience group, or both.");
            assertThat(page.locator("#title-error").innerText()).contains("Give the activity a title.");
            WebSite.assertAccessible(page, "an activity without a title");

            page.fill("#title", "Young people's views on the youth centre");
            page.fill("#purpose", "To hear what young people want from the youth centre's opening hours.");
            fillDate(page, "startsOn", "30", "2", "2027");
            page.getByLabel("Young people (12 to 18)").check();
            Response impossible = submit(page, "Record the activity");
            assertThat(impossible.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("Start date must be a real date");
            assertThat(page.inputValue("#title"))
                    .as("typed values kept")
                    .isEqualTo("Young people's views on the youth centre");
            assertThat(page.inputValue("#startsOn-day")).isEqualTo("30");
            assertThat(page.getByLabel("Young people (12 to 18)").isChecked()).isTrue();
            WebSite.assertAccessible(page, "an impossible start date");

            LocalDate start = TODAY.minusDays(10);
            fillDate(page, "startsOn", start);
            fillDate(page, "endsOn", start.minusDays(1));
            fillDate(page, "decisionDueOn", start.minusDays(1));
            Response backwards = submit(page, "Record the activity");
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly(
                            "The decision it informs must be due on or after the day the activity starts.",
                            "The activity ends before it starts.");
            assertThat(page.locator("#decisionDueOn-error").innerText()).contains("must be due on or after");
            WebSite.assertAccessible(page, "an end and a decision before the start");

            fillDate(page, "endsOn", start.plusDays(3));
            page.fill("#decisionInformed", "The youth centre's opening hours from April");
            page.getByLabel("Plan", new Page.GetByLabelOptions().setExact(true)).check();
            fillDate(page, "decisionDueOn", start.plusDays(10));
            page.getByLabel("Parents and carers").check();
            page.getByLabel("Surveys").check();
            page.fill("#participants", "34");
            page.getByLabel("Rung 6: Adult-initiated, shared decisions with children")
                    .check();
            page.getByLabel("Established").check();
            fillDate(page, "feedbackDueOn", start.plusDays(20));
            Response recorded = submit(page, "Record the activity");

            assertThat(recorded.status()).isEqualTo(200);
            assertThat(page.url()).contains("/medway/participation/activities/").endsWith("?saved=recorded");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Activity recorded");
            assertThat(page.locator("main").innerText())
                    .contains("Young people, Parents and carers", "Surveys", "Rung 6", "Established");
            assertThat(summaryValue(page, "Stage of the decision")).isEqualTo("Plan");
            assertThat(summaryValue(page, "Decision due")).isEqualTo(Dates.day(start.plusDays(10)));
            assertThat(page.locator(".govuk-warning-text__text").innerText())
                    .contains("The decision is due on " + Dates.day(start.plusDays(10)) + ", before feedback is due on "
                            + Dates.day(start.plusDays(20))
                            + ": the participants would hear back after the decision is made.");
            WebSite.assertAccessible(page, "an activity just recorded");
            WebSite.screenshot(page, "participation-activity");
            String id = idIn(page.url());
            JsonNode saved = activity(medwayApi, id);
            assertThat(saved.path("ageBands").toString()).isEqualTo("[\"Young people\"]");
            assertThat(saved.path("audienceGroups").toString()).isEqualTo("[\"parents-carers\"]");
            assertThat(saved.path("methods").toString()).isEqualTo("[\"surveys\"]");
            assertThat(saved.path("startsOn").asText()).isEqualTo(start.toString());
            assertThat(saved.path("endsOn").asText())
                    .isEqualTo(start.plusDays(3).toString());
            assertThat(saved.path("participants").asInt()).isEqualTo(34);
            assertThat(saved.path("ladderRung").asInt()).isEqualTo(6);
            assertThat(saved.path("hearByRightStage").asText()).isEqualTo("ESTABLISHED");
            assertThat(saved.path("stage").asText()).isEqualTo("AWAITING_FEEDBACK");
            assertThat(saved.path("decisionStage").asText()).isEqualTo("PLAN");
            assertThat(saved.path("decisionDueOn").asText())
                    .isEqualTo(start.plusDays(10).toString());

            page.click("text=Record the feedback given");
            WebSite.assertAccessible(page, "recording the feedback given");
            page.fill("#youSaid", "Open on Saturday afternoons, not only weekday evenings.");
            page.fill("#weDid", "The youth centre opens on Saturdays from 1pm to 5pm from April.");
            fillDate(page, "givenOn", TODAY.plusDays(1));
            Response early = submit(page, "Save the feedback");
            assertThat(early.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("Feedback is recorded once given: today or earlier.");
            assertThat(page.inputValue("#weDid")).startsWith("The youth centre opens on Saturdays");
            WebSite.assertAccessible(page, "feedback dated tomorrow");

            fillDate(page, "givenOn", TODAY);
            page.fill("#method", "At the youth council");
            Response fedBack = submit(page, "Save the feedback");

            assertThat(fedBack.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Feedback recorded");
            assertThat(page.locator("main").innerText()).contains("Feedback given", "Open on Saturday afternoons");
            WebSite.assertAccessible(page, "an activity with its feedback given");
            assertThat(activity(medwayApi, id).path("feedback").path("method").asText())
                    .isEqualTo("At the youth council");

            page.click("text=Back to the participation register");
            assertThat(page.locator(
                                    "tr",
                                    new Page.LocatorOptions().setHasText("Young people's views on the youth centre"))
                            .innerText())
                    .contains("Feedback given", "Young people, Parents and carers");
        }
    }

    @Test
    void a_luton_lead_is_offered_lutons_own_age_band_and_the_platforms_terms_where_luton_names_none() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", lutonLead.username(), lutonLead.password());
            page.navigate(site.url("/luton/participation/new"));

            assertThat(labels(page, "ageBands")).containsExactly("Children (0 to 19)");
            assertThat(labels(page, "audienceGroups"))
                    .as("the platform's groups")
                    .contains("Children in care", "Care leavers", "Young carers");
            assertThat(labels(page, "methods")).as("the platform's methods").contains("Survey or questionnaire");
            assertThat(page.locator("input[name=ladderRung]").count()).isEqualTo(9);
            WebSite.assertAccessible(page, "Luton's activity form");

            page.fill("#title", "Safer streets consultation");
            page.fill("#purpose", "To hear where children feel unsafe on the way to school.");
            fillDate(page, "startsOn", TODAY.plusDays(30));
            Response nobody = submit(page, "Record the activity");
            assertThat(nobody.status()).isEqualTo(400);
            assertThat(page.locator("#audienceGroups-error").innerText()).contains("Say who the activity is aimed at");
            WebSite.assertAccessible(page, "Luton's activity without an audience");

            page.getByLabel("Children (0 to 19)").check();
            page.fill("#participants", "a dozen");
            Response notANumber = submit(page, "Record the activity");
            assertThat(notANumber.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("The number taking part must be a whole number, like 12");
            WebSite.assertAccessible(page, "a number taking part that is no number");

            page.fill("#participants", "");
            Response recorded = submit(page, "Record the activity");
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(page.locator("main").innerText()).contains("Safer streets consultation", "Children", "Planned");
            WebSite.assertAccessible(page, "Luton's activity just recorded");
            WebSite.screenshot(page, "participation-activity-luton");
        }
    }

    @Test
    void a_change_from_a_stale_version_shows_who_changed_it_beside_what_was_typed_and_saves_on_the_second_try() {
        String id = record(youthService, "Holiday club survey", TODAY.plusDays(40), TODAY.plusDays(44), "children");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            page.navigate(site.url("/medway/participation/activities/" + id + "/change"));
            assertThat(page.inputValue("#title")).isEqualTo("Holiday club survey");
            assertThat(page.inputValue("#startsOn-day"))
                    .isEqualTo(String.valueOf(TODAY.plusDays(40).getDayOfMonth()));
            WebSite.assertAccessible(page, "changing an activity");

            Map<String, Object> theirs = input(
                    youthService, "Holiday club survey (summer)", TODAY.plusDays(40), TODAY.plusDays(44), "children");
            theirs.remove("partnerOrganisationId");
            theirs.put("id", id);
            theirs.put("version", 0);
            assertThat(medwayApi
                            .query(SAVE, Map.of("i", theirs))
                            .data()
                            .path("saveParticipationActivity")
                            .path("userErrors"))
                    .isEmpty();

            page.fill("#title", "Holiday club survey for 8 to 11s");
            Response stale = submit(page, "Save the changes");

            assertThat(stale.status()).isEqualTo(400);
            String conflict = page.locator("#conflict").innerText();
            assertThat(conflict)
                    .contains("Demo " + medwayAdmin.username() + " changed this on")
                    .contains("Holiday club survey (summer)")
                    .contains("Holiday club survey for 8 to 11s");
            assertThat(page.inputValue("#title")).isEqualTo("Holiday club survey for 8 to 11s");
            assertThat(errorSummary(page).getFirst()).startsWith("Someone else changed the participation activity");
            assertThat(activity(medwayApi, id).path("title").asText()).isEqualTo("Holiday club survey (summer)");
            WebSite.assertAccessible(page, "a change that met a newer version");
            WebSite.screenshot(page, "participation-conflict");

            Response second = submit(page, "Save the changes");

            assertThat(second.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Activity changed");
            JsonNode saved = activity(medwayApi, id);
            assertThat(saved.path("title").asText()).isEqualTo("Holiday club survey for 8 to 11s");
            assertThat(saved.path("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void feedback_recorded_by_keyboard_alone_and_a_stale_copy_of_it_shows_whose_feedback_came_first() {
        String id = record(youthService, "Play park survey", TODAY.minusDays(20), TODAY.minusDays(15), "children");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            page.navigate(site.url("/medway/participation/activities/" + id + "/feedback"));

            tabTo(page, "#youSaid");
            page.keyboard().type("More swings for younger children.");
            page.keyboard().press("Tab");
            page.keyboard().type("Two baby swings were added in the summer.");
            page.keyboard().press("Tab");
            page.keyboard().type(String.valueOf(TODAY.minusDays(1).getDayOfMonth()));
            page.keyboard().press("Tab");
            page.keyboard().type(String.valueOf(TODAY.minusDays(1).getMonthValue()));
            page.keyboard().press("Tab");
            page.keyboard().type(String.valueOf(TODAY.minusDays(1).getYear()));
            page.keyboard().press("Tab");
            page.keyboard().type("A poster at the play park");
            page.keyboard().press("Tab");
            assertThat(page.locator("button:focus").innerText()).isEqualTo("Save the feedback");
            @SuppressWarnings("deprecation")
            Response saved = WebSite.loadedBy(page, () -> page.keyboard().press("Enter"));

            assertThat(saved.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Feedback recorded");
            JsonNode feedback = activity(medwayApi, id).path("feedback");
            assertThat(feedback.path("weDid").asText()).isEqualTo("Two baby swings were added in the summer.");
            assertThat(feedback.path("givenOn").asText())
                    .isEqualTo(TODAY.minusDays(1).toString());
            assertThat(feedback.path("method").asText()).isEqualTo("A poster at the play park");

            page.navigate(site.url("/medway/participation/activities/" + id + "/feedback"));
            assertThat(page.inputValue("#weDid")).isEqualTo("Two baby swings were added in the summer.");
            JsonNode corrected = medwayApi
                    .query(
                            "mutation ($i: RecordParticipationFeedbackInput!) { recordParticipationFeedback(input: $i)"
                                    + " { userErrors { message } } }",
                            Map.of(
                                    "i",
                                    Map.of(
                                            "id",
                                            id,
                                            "version",
                                            1,
                                            "youSaid",
                                            "More swings for younger children.",
                                            "weDid",
                                            "Two baby swings and a roundabout were added.",
                                            "givenOn",
                                            TODAY.toString())))
                    .data()
                    .path("recordParticipationFeedback");
            assertThat(corrected.path("userErrors")).isEmpty();
            page.fill("#weDid", "Two baby swings were added in August.");
            Response stale = submit(page, "Save the feedback");

            assertThat(stale.status()).isEqualTo(400);
            assertThat(page.locator("#conflict").innerText())
                    .contains("Demo " + medwayAdmin.username() + " changed this on")
                    .contains("Two baby swings and a roundabout were added.", "Two baby swings were added in August.");
            assertThat(page.inputValue("#weDid")).isEqualTo("Two baby swings were added in August.");
            assertThat(activity(medwayApi, id).path("feedback").path("weDid").asText())
                    .isEqualTo("Two baby swings and a roundabout were added.");
            WebSite.assertAccessible(page, "feedback that met a newer version");
        }
    }

    /** Presses Tab until the element is focused, as a keyboard user moves through the page. */
    private static void tabTo(Page page, String selector) {
        for (int presses = 0; presses < 60; presses++) {
            if (page.locator(selector + ":focus").count() == 1) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /**
     * On a copy of Medway's definition, whose admin keeps quiet periods the seed does not name: the
     * calendar shows them, and an activity planned inside one is flagged in the register, on the
     * calendar and on its page.
     */
    @Test
    void quiet_periods_show_on_the_calendar_and_an_activity_inside_one_is_flagged_wherever_it_is_listed() {
        String copy = seeds.openCopy("medway");
        ApiCaller admin = seeds.admin(copy);
        UUID agency = seeds.agency(copy, "Medway Youth Service");
        Person lead = seeds.person("lead", copy, agency, Role.PARTNER_LEAD);
        YearMonth month = YearMonth.from(TODAY).plusMonths(4);
        LocalDate examsStart = month.atDay(4);
        LocalDate examsEnd = month.atDay(20);
        int version = admin.query("{ partnershipSettings { version } }")
                .data()
                .path("partnershipSettings")
                .path("version")
                .asInt();
        MemberJourneys.ok(
                admin,
                "setQuietPeriods",
                "SetQuietPeriodsInput",
                Map.of(
                        "version",
                        version,
                        "quietPeriods",
                        List.of(Map.of(
                                "name",
                                "GCSE and A level exams",
                                "firstDay",
                                examsStart.toString(),
                                "lastDay",
                                examsEnd.toString()))),
                "partnershipSettings { version }");
        String inside = record(admin, agency, "Exam-week survey", month.atDay(10), month.atDay(12), "young-people");
        record(admin, agency, "After-exams survey", month.atDay(21), month.atDay(22), "young-people");
        String flag = "This activity falls in GCSE and A level exams (" + Dates.day(examsStart) + " to "
                + Dates.day(examsEnd) + "), a quiet period.";
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, copy, lead.username(), lead.password());
            page.navigate(site.url("/" + copy + "/participation/calendar?from=" + month));

            var quiet = page.locator("#quiet-periods ~ table").first();
            assertThat(quiet.locator("caption").innerText()).startsWith("Quiet periods");
            assertThat(quiet.locator("tbody tr").allInnerTexts())
                    .containsExactly("GCSE and A level exams\t" + Dates.day(examsStart) + " to " + Dates.day(examsEnd));
            assertThat(row(page, "Exam-week survey")).contains(flag);
            assertThat(row(page, "After-exams survey")).doesNotContain("quiet period");
            WebSite.assertAccessible(page, "the calendar with a quiet period");
            WebSite.screenshot(page, "participation-calendar-quiet-period");

            page.navigate(site.url("/" + copy + "/participation"));
            assertThat(row(page, "Exam-week survey")).contains("Quiet period", flag);
            assertThat(row(page, "After-exams survey")).doesNotContain("quiet period");
            WebSite.assertAccessible(page, "the register with an activity in a quiet period");

            page.click("text=Exam-week survey");
            assertThat(page.url()).isEqualTo(site.url(ParticipationPages.activityHref(copy, inside)));
            assertThat(page.locator(".govuk-warning-text__text").allInnerTexts())
                    .singleElement()
                    .asString()
                    .endsWith(flag);
            WebSite.assertAccessible(page, "an activity in a quiet period");
        }
    }

    /** The text of the table row that names {@code title}. */
    private static String row(Page page, String title) {
        return page.locator("tr", new Page.LocatorOptions().setHasText(title)).innerText();
    }

    /** The value beside {@code key} in the page's summary list. */
    private static String summaryValue(Page page, String key) {
        return page.locator(".govuk-summary-list__row", new Page.LocatorOptions().setHasText(key))
                .first()
                .locator(".govuk-summary-list__value")
                .innerText();
    }

    @Test
    void the_calendar_shows_two_partners_asking_the_same_children_without_naming_the_other_or_its_activity() {
        YearMonth month = YearMonth.from(TODAY).plusMonths(5);
        LocalDate first = month.atDay(3);
        record(youthService, "Parents' evening on youth provision", first, first.plusDays(6), "parents-carers");
        record(
                fosterCare,
                "Foster carers' confidential circle",
                first.plusDays(2),
                first.plusDays(9),
                "parents-carers");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            page.navigate(site.url("/medway/participation"));
            page.click("text=See the calendar of activities");
            WebSite.assertAccessible(page, "the calendar, this month on");
            page.navigate(site.url("/medway/participation/calendar?from=" + month));

            String main = page.locator("main").innerText();
            var clash = page.locator(
                            "#clashes ~ table",
                            new Page.LocatorOptions().setHasText("Parents' evening on youth provision"))
                    .first();
            assertThat(clash.locator("caption").innerText())
                    .as("the days the two run into each other")
                    .isEqualTo("Parents and carers: " + Dates.day(first) + " to " + Dates.day(first.plusDays(9)));
            assertThat(clash.innerText()).contains("Another partner's activity", "Another partner");
            assertThat(main)
                    .doesNotContain("Foster carers' confidential circle")
                    .doesNotContain("Medway Foster Care");
            assertThat(page.locator("a", new Page.LocatorOptions().setHasText("Another partner's activity"))
                            .count())
                    .as("another partner's activity has no page to go to")
                    .isZero();
            WebSite.assertAccessible(page, "the calendar with a clash");
            WebSite.screenshot(page, "participation-calendar");

            Response notAMonth = page.navigate(site.url("/medway/participation/calendar?from=2027-13"));
            assertThat(notAMonth.status()).isEqualTo(404);
        }
    }

    @Test
    void another_agencys_activity_answers_page_not_found_and_a_post_to_it_changes_nothing() {
        String theirs = record(fosterCare, "Foster care review", TODAY.minusDays(5), TODAY.minusDays(2), "children");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            page.navigate(site.url("/medway/participation"));
            String token = page.locator("input[name=_csrf]").first().inputValue();
            String base = "/medway/participation/activities/" + theirs;

            for (String path : List.of(base, base + "/change", base + "/feedback")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
            }
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            WebSite.assertAccessible(page, "another agency's activity");
            APIResponse change = post(
                    page,
                    base + "/change",
                    Map.of(
                            "_csrf",
                            token,
                            "version",
                            "0",
                            "title",
                            "Taken over",
                            "purpose",
                            "x",
                            "startsOn-day",
                            "1",
                            "startsOn-month",
                            "1",
                            "startsOn-year",
                            "2027",
                            "audienceGroups",
                            "children"));
            APIResponse feedback = post(
                    page,
                    base + "/feedback",
                    Map.of(
                            "_csrf",
                            token,
                            "version",
                            "0",
                            "youSaid",
                            "x",
                            "weDid",
                            "y",
                            "givenOn-day",
                            String.valueOf(TODAY.getDayOfMonth()),
                            "givenOn-month",
                            String.valueOf(TODAY.getMonthValue()),
                            "givenOn-year",
                            String.valueOf(TODAY.getYear())));

            assertThat(change.status()).isEqualTo(404);
            assertThat(feedback.status()).isEqualTo(404);
            JsonNode unchanged = activity(medwayApi, theirs);
            assertThat(unchanged.path("title").asText()).isEqualTo("Foster care review");
            assertThat(unchanged.path("version").asInt()).isZero();
            assertThat(unchanged.path("feedback").isNull()).isTrue();
            assertThat(page.locator("main").innerText()).doesNotContain("Foster care review");
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", lutonLead.username(), lutonLead.password());
            assertThat(page.navigate(site.url("/medway/participation/activities/" + theirs))
                            .status())
                    .as("another partnership's activity")
                    .isEqualTo(404);
            assertThat(page.navigate(site.url("/luton/participation/activities/" + theirs))
                            .status())
                    .as("another partnership's activity under one's own")
                    .isEqualTo(404);
        }
    }

    @Test
    void a_form_without_its_token_is_refused_and_records_nothing() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            Map<String, String> form = new HashMap<>(Map.of(
                    "title",
                    "Sent from elsewhere",
                    "purpose",
                    "x",
                    "audienceGroups",
                    "children",
                    "startsOn-day",
                    "1",
                    "startsOn-month",
                    "3",
                    "startsOn-year",
                    "2027"));

            APIResponse withoutToken = post(page, "/medway/participation/new", form);
            form.put("_csrf", "not-the-token");
            APIResponse wrongToken = post(page, "/medway/participation/new", form);

            assertThat(withoutToken.status()).isEqualTo(403);
            assertThat(wrongToken.status()).isEqualTo(403);
            assertThat(medwayApi
                            .query("{ participationActivities(first: 100) { edges { node { title } } } }")
                            .data()
                            .findValuesAsText("title"))
                    .doesNotContain("Sent from elsewhere");
        }
    }

    private ApiCaller api(Person person) {
        return new ApiCaller(server).withToken(TestKeycloak.passwordToken(person.username(), person.password()));
    }

    /** Records an activity of an agency through the API, as Medway's admin; its id. */
    private String record(UUID agency, String title, LocalDate start, LocalDate end, String group) {
        return record(medwayApi, agency, title, start, end, group);
    }

    /** Records an activity of an agency through the API, as {@code admin}; its id. */
    private static String record(
            ApiCaller admin, UUID agency, String title, LocalDate start, LocalDate end, String group) {
        JsonNode payload = admin.query(SAVE, Map.of("i", input(agency, title, start, end, group)))
                .data()
                .path("saveParticipationActivity");
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload.path("participationActivity").path("id").asText();
    }

    private static Map<String, Object> input(UUID agency, String title, LocalDate start, LocalDate end, String group) {
        return new HashMap<>(Map.of(
                "partnerOrganisationId",
                GlobalId.encode("PartnerOrganisation", agency),
                "title",
                title,
                "purpose",
                "To hear what they think.",
                "startsOn",
                start.toString(),
                "endsOn",
                end.toString(),
                "audienceGroups",
                List.of(group)));
    }

    private static JsonNode activity(ApiCaller caller, String id) {
        return caller.query(ACTIVITY, Map.of("id", id)).data().path("node");
    }

    /** Submits the page's form with its button and waits for the page it leads to. */
    @SuppressWarnings("deprecation")
    static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:text-is('" + button + "')"));
    }

    static List<String> errorSummary(Page page) {
        return page.locator(".govuk-error-summary__list a").allInnerTexts();
    }

    private static List<String> labels(Page page, String name) {
        return page.locator("input[name=" + name + "] + label").allInnerTexts().stream()
                .map(String::strip)
                .toList();
    }

    static void fillDate(Page page, String name, LocalDate day) {
        fillDate(
                page,
                name,
                String.valueOf(day.getDayOfMonth()),
                String.valueOf(day.getMonthValue()),
                String.valueOf(day.getYear()));
    }

    static void fillDate(Page page, String name, String day, String month, String year) {
        page.fill("#" + name + "-day", day);
        page.fill("#" + name + "-month", month);
        page.fill("#" + name + "-year", year);
    }

    private static String idIn(String url) {
        String path = url.substring(url.indexOf("/activities/") + "/activities/".length());
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** A form posted from the signed-in browser, as a page would send it (with its cookies). */
    static APIResponse post(Page page, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = page.url().substring(0, page.url().indexOf('/', "http://".length()));
        return page.request()
                .post(
                        base + path,
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                .setData(body)
                                .setMaxRedirects(0));
    }
}
