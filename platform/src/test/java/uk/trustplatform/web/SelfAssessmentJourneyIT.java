package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.ParticipationJourneyIT.errorSummary;
import static uk.trustplatform.web.ParticipationJourneyIT.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
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
 * A partner's self-assessment against Cambridgeshire's Hear By Right standards, on a scale of the
 * partnership's own, in Chromium with JavaScript off, signed in through Keycloak's own page: the
 * partner lead starts, rates, turns a gap into an action of its plan, checks and submits it; the
 * board reads it among the year's, counts each standard's ratings on the partnership's scale, and
 * returns it with a comment, which the partner then reads.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfAssessmentJourneyIT implements TestPropertyProvider {

    private static final int YEAR = TestCalendar.today().getYear();
    private static final String RATE = "mutation ($i: RateSelfAssessmentStandardInput!) {"
            + " rateSelfAssessmentStandard(input: $i) { selfAssessmentRating { version } userErrors { message } } }";

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @Test
    void a_partner_self_assesses_against_hear_by_right_and_the_board_counts_and_returns_it() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        // A copy of Cambridgeshire's with a scale of its own: the board's counts are this test's.
        String slug = seeds.openCopy(
                "cambridgeshire",
                definition -> definition.replaceFirst(
                        "(?m)^  vocabularies:$",
                        "  vocabularies:\n" + YOUTH_VOICE.indent(4).stripTrailing()));
        UUID agency = seeds.agency(slug, "Cambridgeshire Youth Service");
        seeds.agency(slug, "Cambridgeshire Libraries");
        Person lead = seeds.person("lead", slug, agency, Role.PARTNER_LEAD);
        Person board = seeds.person("board", slug, null, Role.BOARD_MEMBER);
        String id;
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, slug, lead.username(), lead.password());
            WebSite.open(page, site.url("/" + slug + "/start"));
            assertThat(page.locator(".govuk-task-list").innerText()).contains("Our self-assessment", "Not yet started");
            page.click("text=Our self-assessment");

            assertThat(page.url()).isEqualTo(site.url("/" + slug + "/self-assessment"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Self-assessment");
            WebSite.assertAccessible(page, "the partner's self-assessment page");

            Response noFramework = submit(page, "Start the " + YEAR + " self-assessment");
            assertThat(noFramework.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly(
                            "The framework must be the key of one of the tenant's published standards frameworks.");
            WebSite.assertAccessible(page, "starting without choosing the standards");

            assertThat(page.locator("input[name=scale] + label").allInnerTexts())
                    .containsExactly("Hear by Right", "RAG", "Youth voice");
            page.getByLabel("Hear By Right", new Page.GetByLabelOptions().setExact(true))
                    .check();
            page.getByLabel("Youth voice").check();
            Response started = submit(page, "Start the " + YEAR + " self-assessment");
            assertThat(started.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your " + YEAR + " self-assessment is started");
            assertThat(page.locator(".govuk-task-list__item").count()).isEqualTo(7);
            assertThat(page.locator("main").innerText()).contains("You have rated 0 of 7.", "Style of leadership");
            WebSite.assertAccessible(page, "a self-assessment just started");
            id = page.url()
                    .substring(page.url().lastIndexOf('/') + 1, page.url().indexOf('?'));

            page.click("text=Check your answers and submit");
            WebSite.assertAccessible(page, "checking a self-assessment with nothing rated");
            Response tooSoon = submit(page, "Submit the self-assessment");
            assertThat(tooSoon.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly("7 standards are not rated yet; rate every standard before submitting.");
            WebSite.assertAccessible(page, "submitting a self-assessment with standards not rated");

            page.click("text=Back to the self-assessment");
            page.click(".govuk-task-list__link >> nth=0");
            assertThat(page.locator("h1").innerText()).isEqualTo("Standard 1");
            assertThat(page.locator("#whatYoungPeopleSay-hint").innerText())
                    .contains("Do not name children or young people");
            WebSite.assertAccessible(page, "rating standard 1");
            assertThat(page.locator("input[name=level] + label").allInnerTexts())
                    .containsExactly("Not yet", "Getting started", "Embedded");
            page.getByLabel("Getting started").check();
            page.fill("#evidence", "x".repeat(4001));
            page.fill("#whatYoungPeopleSay", "The youth forum said we listen but do not always say what changed");
            Response tooLong = submit(page, "Save and return to the self-assessment");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("The evidence is longer than 4000 characters.");
            assertThat(page.getByLabel("Getting started").isChecked()).isTrue();
            WebSite.assertAccessible(page, "evidence too long");

            page.fill("#evidence", "Values statement agreed with the youth forum in March");
            Response rated = submit(page, "Save and return to the self-assessment");
            assertThat(rated.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Standard 1 saved");
            assertThat(page.locator(".govuk-task-list__status >> nth=0").innerText())
                    .isEqualTo("Getting started");

            page.click("text=Add an action for this gap");
            assertThat(page.locator("main").innerText()).contains("You have no action plan yet");
            WebSite.assertAccessible(page, "a gap to act on with no action plan yet");
            startPlan(api(lead), slug, agency);
            page.reload();
            Response noDescription = submit(page, "Add the action");
            assertThat(noDescription.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("Say what the action is.");
            WebSite.assertAccessible(page, "an action for a gap without saying what it is");
            page.fill("#description", "Ask the youth forum to review our values statement each year");
            Response added = submit(page, "Add the action");
            assertThat(added.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Action added to your action plan");
            WebSite.assertAccessible(page, "a self-assessment with an action for a gap");
            page.click("text=Ask the youth forum to review our values statement each year");
            assertThat(page.locator(".govuk-inset-text").innerText())
                    .isEqualTo(
                            "Added for a gap in the " + YEAR + " self-assessment: Standard 1, rated Getting started.");
            WebSite.assertAccessible(page, "an action added for a gap");
            WebSite.open(page, site.url("/" + slug + "/self-assessment/" + id));

            rateTheRest(api(lead), id);
            page.click("text=Check your answers and submit");
            assertThat(page.locator("main").innerText())
                    .contains("Values statement agreed with the youth forum in March", "Not yet");
            WebSite.assertAccessible(page, "checking a fully rated self-assessment");
            Response submitted = submit(page, "Submit the self-assessment");
            assertThat(submitted.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your self-assessment is submitted to the board");
            WebSite.assertAccessible(page, "a submitted self-assessment");
            page.click("nav >> text=Your work");
            assertThat(page.locator(".govuk-task-list").innerText()).contains("Our self-assessment", "With the board");
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, slug, board.username(), board.password());
            page.click("nav >> text=Self-assessments");

            assertThat(page.locator("h1").innerText()).isEqualTo("Self-assessments " + YEAR);
            assertThat(page.locator("table").innerText()).contains("Cambridgeshire Youth Service", "Submitted");
            assertThat(page.locator("main ul.govuk-list--bullet").innerText())
                    .contains("Cambridgeshire Libraries")
                    .doesNotContain("Cambridgeshire Youth Service");
            WebSite.assertAccessible(page, "the board's self-assessments of the year");

            page.click("text=Ratings of each standard across partners");
            assertThat(page.locator("main").innerText()).contains("from the 0 self-assessments");
            page.click("nav[aria-label='Rating scales'] >> text=Youth voice");
            assertThat(page.locator("thead").innerText()).contains("Not yet", "Getting started", "Embedded");
            // One submitted assessment: standard 1 getting started (on the page), standards 2 to 7 not yet (by the
            // API).
            assertThat(page.locator("tbody tr >> nth=0").innerText()).contains("Shared values", "0\t1\t0");
            assertThat(page.locator("tbody tr >> nth=6").innerText()).contains("Style of leadership", "1\t0\t0");
            WebSite.assertAccessible(page, "each standard's ratings across partners");

            page.click("text=Back to the self-assessments");
            page.click("table >> text=Cambridgeshire Youth Service");
            assertThat(page.locator("main").innerText())
                    .contains("The youth forum said we listen but do not always say what changed");
            WebSite.assertAccessible(page, "one partner's self-assessment, for review");
            page.getByLabel("Return it to the partner").check();
            Response noComment = submit(page, "Save the review");
            assertThat(noComment.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly("Enter a comment saying why the self-assessment is returned.");
            WebSite.assertAccessible(page, "returning a self-assessment without a comment");

            page.getByLabel("Return it to the partner").check();
            page.fill("#comment", "Say what changed because of what young people told you.");
            Response returned = submit(page, "Save the review");
            assertThat(returned.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The self-assessment is returned");
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, slug, lead.username(), lead.password());
            WebSite.open(page, site.url("/" + slug + "/self-assessment/" + id));

            assertThat(page.locator("main").innerText())
                    .contains("The board returned it", "Say what changed because of what young people told you.");
            assertThat(page.locator(".govuk-task-list__link").count()).isEqualTo(7);
            WebSite.assertAccessible(page, "a self-assessment the board returned");
        }
    }

    /** The partnership's own scale, as its definition's vocabularies give it. */
    private static final String YOUTH_VOICE = """
                ratingScales:
                  - code: youth-voice
                    name: Youth voice
                    levels:
                      - { code: not-yet, label: Not yet }
                      - { code: getting-started, label: Getting started }
                      - { code: embedded, label: Embedded }""";

    /** The agency's action plan from the partnership's template, started through the API as its lead could. */
    private static void startPlan(ApiCaller lead, String slug, UUID agency) {
        String template = lead.query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates { id } } }",
                        Map.of("s", slug))
                .data()
                .findValue("actionPlanTemplates")
                .path(0)
                .path("id")
                .asText();
        JsonNode started = lead.query(
                        "mutation ($i: StartActionPlanInput!) { startActionPlan(input: $i) { userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "partnerOrganisationId",
                                        GlobalId.encode("PartnerOrganisation", agency),
                                        "templateId",
                                        template)))
                .data()
                .path("startActionPlan");
        assertThat(started.path("userErrors")).as(started.toString()).isEmpty();
    }

    /** Rates standards 2 to 7 as not yet through the API, as a partner's system could. */
    private static void rateTheRest(ApiCaller lead, String id) {
        for (int standard = 2; standard <= 7; standard++) {
            JsonNode saved = lead.query(
                            RATE,
                            Map.of(
                                    "i",
                                    Map.of(
                                            "selfAssessmentId",
                                            id,
                                            "standard",
                                            String.valueOf(standard),
                                            "version",
                                            0,
                                            "level",
                                            "not-yet")))
                    .data()
                    .path("rateSelfAssessmentStandard");
            assertThat(saved.path("userErrors")).as(saved.toString()).isEmpty();
        }
    }

    private ApiCaller api(Person person) {
        return new ApiCaller(server).withToken(TestKeycloak.passwordToken(person.username(), person.password()));
    }
}
