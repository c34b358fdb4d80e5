package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.ParticipationJourneyTest.errorSummary;
import static uk.trustplatform.web.ParticipationJourneyTest.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * A partner's self-assessment against Cambridgeshire's Hear By Right standards in Chromium with
 * JavaScript off, signed in through Keycloak's own page: the partner lead starts, rates, checks and
 * submits it; the board reads it among the year's, counts each standard's ratings, and returns it
 * with a comment, which the partner then reads.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfAssessmentJourneyTest implements TestPropertyProvider {

    private static final int YEAR = Year.now(ZoneId.of("Europe/London")).getValue();
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
        // No other test writes Cambridgeshire's self-assessments, so the board's counts are this test's.
        String slug = "cambridgeshire";
        seeds.open(slug);
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

            page.getByLabel("Hear By Right").check();
            page.getByLabel("Emerging, established or advanced").check();
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
            page.getByLabel("Established").check();
            page.fill("#evidence", "x".repeat(4001));
            page.fill("#whatYoungPeopleSay", "The youth forum said we listen but do not always say what changed");
            Response tooLong = submit(page, "Save and return to the self-assessment");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("The evidence is longer than 4000 characters.");
            assertThat(page.getByLabel("Established").isChecked()).isTrue();
            WebSite.assertAccessible(page, "evidence too long");

            page.fill("#evidence", "Values statement agreed with the youth forum in March");
            Response rated = submit(page, "Save and return to the self-assessment");
            assertThat(rated.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Standard 1 saved");
            assertThat(page.locator(".govuk-task-list__status >> nth=0").innerText())
                    .isEqualTo("Established");

            rateTheRest(api(lead), id);
            page.click("text=Check your answers and submit");
            assertThat(page.locator("main").innerText())
                    .contains("Values statement agreed with the youth forum in March", "Emerging");
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
            // One submitted assessment: standard 1 established (on the page), standards 2 to 7 emerging (by the API).
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

    /** Rates standards 2 to 7 as emerging through the API, as a partner's system could. */
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
                                            "EMERGING")))
                    .data()
                    .path("rateSelfAssessmentStandard");
            assertThat(saved.path("userErrors")).as(saved.toString()).isEmpty();
        }
    }

    private ApiCaller api(Person person) {
        return new ApiCaller(server).withToken(TestKeycloak.passwordToken(person.username(), person.password()));
    }
}
