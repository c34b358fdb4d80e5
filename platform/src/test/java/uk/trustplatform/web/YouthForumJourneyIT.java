package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.ParticipationJourneyIT.errorSummary;
import static uk.trustplatform.web.ParticipationJourneyIT.fillDate;
import static uk.trustplatform.web.ParticipationJourneyIT.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.WebSite;

/**
 * Youth forums' recommendations in Chromium with JavaScript off, signed in through Keycloak's own
 * page, on copies of Cambridgeshire, whose strategy's Youth Assembly agrees "recommendations to go
 * forward to the CYPSP": the admin records one to the board and answers it, gives the forum a
 * feedback code with which a member reads the answer, and it is published with the forum's name;
 * the admin records one to a partner (the partner select revealed under "A partner", simply shown
 * without JavaScript) and corrects it, meeting a newer version first; the admin records one to the
 * board that is long past the reply time, and the board finds it overdue on its dashboard.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YouthForumJourneyIT implements TestPropertyProvider {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String RECOMMENDATIONS = "{ youthForumRecommendations { edges { node { forum madeOn"
            + " recommendation addressedTo partnerOrganisation { name } overdue reply { text repliedOn outcome reason } } } } }";

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

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
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "YouthForumJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @Test
    void the_admin_records_the_youth_assemblys_recommendation_to_the_board_answers_it_and_the_public_reads_it() {
        String tenant = seeds.openCopy("cambridgeshire");
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        seeds.agency(tenant, "Cambridgeshire Youth Service");
        LocalDate made = TODAY.minusDays(100);
        String code;
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.click("nav >> text=Youth forums");

            assertThat(page.url()).isEqualTo(site.url("/" + tenant + "/youth-forums"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Youth forums' recommendations");
            assertThat(page.locator("main").innerText()).contains("There are no recommendations to show here.");
            WebSite.assertAccessible(page, "the recommendations, none yet");

            page.click("text=Record a recommendation");
            assertThat(page.locator("input[name=forum] + label").allInnerTexts())
                    .as("the participation structures of Cambridgeshire's strategy")
                    .contains("Youth Assembly");
            assertThat(page.locator("#recommendation-hint").innerText()).contains("Do not name any child");
            // The copy of the seed has no partners of its own: the one registered above is the choice.
            assertThat(page.locator("#partnerOrganisationId option").allInnerTexts())
                    .as("the partners a recommendation may be addressed to")
                    .hasSize(2)
                    .first()
                    .isEqualTo("Select a partner");
            assertThat(page.locator("#conditional-addressedTo-1 #partnerOrganisationId")
                            .isVisible())
                    .as("the partner select is revealed under 'A partner'; without JavaScript it is simply shown")
                    .isTrue();
            assertThat(page.locator("#partnerOrganisationId option").nth(1).innerText())
                    .startsWith("Cambridgeshire Youth Service");
            WebSite.assertAccessible(page, "recording a recommendation");

            Response empty = submit(page, "Record the recommendation");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Record a recommendation");
            assertThat(errorSummary(page))
                    .containsExactly(
                            "Choose the youth forum that made it.",
                            "Give the date the forum made it.",
                            "Write the recommendation as the forum made it.",
                            "Say whether it is addressed to the board or to a partner.");
            WebSite.assertAccessible(page, "a recommendation with nothing filled in");

            page.getByLabel("Youth Assembly", EXACT).check();
            fillDate(page, "madeOn", made);
            page.fill("#recommendation", "Police officers should visit youth clubs, not only schools.");
            page.getByLabel("The board", EXACT).check();
            Response recorded = submit(page, "Record the recommendation");
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Recommendation recorded");
            assertThat(page.locator("tbody tr").allInnerTexts())
                    .singleElement()
                    .asString()
                    .contains(
                            "Police officers should visit youth clubs",
                            "Youth Assembly",
                            Dates.day(made),
                            "The board",
                            "Overdue: reply was due " + Dates.day(made.plusDays(90)));
            WebSite.assertAccessible(page, "a recommendation just recorded");
            WebSite.screenshot(page, "youth-forum-recommendations");

            page.click("tbody a:has-text('Answer')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Answer the recommendation");
            WebSite.assertAccessible(page, "answering a recommendation");
            page.fill("#reply", "Officers now visit the three youth clubs in Wisbech each month.");
            fillDate(page, "repliedOn", TODAY);
            page.getByLabel("Partly accepted", EXACT).check();
            Response noReason = submit(page, "Save the answer");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("Say why it was not accepted as it stood.");
            assertThat(page.locator("#reason-error").innerText()).contains("Say why");
            WebSite.assertAccessible(page, "a partly accepted answer without why");

            page.fill("#reason", "There are not enough officers for every club this year.");
            Response answered = submit(page, "Save the answer");
            assertThat(answered.status()).isEqualTo(200);
            assertThat(page.url()).endsWith("/youth-forums?state=answered&saved=answered");
            assertThat(page.locator("tbody").innerText()).contains("Partly accepted on " + Dates.day(TODAY));
            WebSite.assertAccessible(page, "the answered recommendations");

            page.click("tbody a:has-text('Change the answer')");
            assertThat(page.locator("#heard-back .govuk-summary-list__value").allInnerTexts())
                    .as("yes, not yet, no")
                    .containsExactly("0", "0", "0");
            page.click("text=Give the participants a feedback code");
            assertThat(page.locator(".govuk-caption-l").innerText()).isEqualTo("The Youth Assembly's recommendation");
            submit(page, "Issue a code");
            code = page.locator("#feedback-code").innerText().strip();
            WebSite.assertAccessible(page, "a recommendation's code just issued");

            page.navigate(site.url("/" + tenant + "/youth-forums/new"));
            page.getByLabel("Youth Assembly", EXACT).check();
            fillDate(page, "madeOn", made.minusDays(1));
            page.fill("#recommendation", "Youth workers should be at the bus station on Friday nights.");
            page.getByLabel("A partner", EXACT).check();
            Response noPartner = submit(page, "Record the recommendation");
            assertThat(noPartner.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("Select which partner it is addressed to.");
            assertThat(page.locator("#partnerOrganisationId-error").innerText())
                    .contains("Select which partner it is addressed to.");
            assertThat(page.isChecked("#addressedTo-1")).isTrue();
            WebSite.assertAccessible(page, "a recommendation to a partner without the partner");

            page.selectOption("#partnerOrganisationId", new SelectOption().setIndex(1));
            assertThat(submit(page, "Record the recommendation").status()).isEqualTo(200);
            assertThat(page.locator("tbody tr:has-text('bus station')").innerText())
                    .contains(
                            "Cambridgeshire Youth Service",
                            "Overdue: reply was due "
                                    + Dates.day(made.minusDays(1).plusDays(90)));

            page.click("tbody tr:has-text('bus station') a:has-text('Correct')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Correct the recommendation");
            assertThat(page.inputValue("#recommendation")).startsWith("Youth workers should be at the bus station");
            assertThat(page.isChecked("#addressedTo-1")).isTrue();
            String partner = page.inputValue("#partnerOrganisationId");
            assertThat(partner).isNotEmpty();
            WebSite.assertAccessible(page, "correcting a recommendation");

            String id = page.url().replaceFirst(".*/youth-forums/([^/]+)/change$", "$1");
            JsonNode first = MemberJourneys.api(server, admin)
                    .query(
                            "mutation ($i: SaveYouthForumRecommendationInput!) { saveYouthForumRecommendation(input: $i)"
                                    + " { userErrors { message } } }",
                            Map.of(
                                    "i",
                                    Map.of(
                                            "id",
                                            id,
                                            "version",
                                            0,
                                            "forum",
                                            "Youth Assembly",
                                            "madeOn",
                                            made.minusDays(1).toString(),
                                            "recommendation",
                                            "Youth workers at the bus station after school.",
                                            "addressedTo",
                                            "PARTNER",
                                            "partnerOrganisationId",
                                            partner)))
                    .data();
            assertThat(first.path("saveYouthForumRecommendation").path("userErrors"))
                    .isEmpty();
            page.fill("#recommendation", "Youth workers should be at the bus station on Friday and Saturday nights.");
            Response stale = submit(page, "Save the correction");
            assertThat(stale.status()).isEqualTo(400);
            assertThat(page.locator("#conflict").innerText())
                    .contains("Youth workers at the bus station after school.", "Friday and Saturday nights");
            WebSite.assertAccessible(page, "a correction meeting a newer version");

            Response corrected = submit(page, "Save the correction");
            assertThat(corrected.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Recommendation corrected");
            assertThat(page.locator("tbody tr:has-text('bus station')").innerText())
                    .contains("Friday and Saturday nights", "Cambridgeshire Youth Service");
        }
        JsonNode saved = MemberJourneys.api(server, admin)
                .query(RECOMMENDATIONS)
                .data()
                .path("youthForumRecommendations")
                .path("edges")
                .path(0)
                .path("node");
        assertThat(saved.path("forum").asText()).isEqualTo("Youth Assembly");
        assertThat(saved.path("madeOn").asText()).isEqualTo(made.toString());
        assertThat(saved.path("addressedTo").asText()).isEqualTo("BOARD");
        assertThat(saved.path("reply").path("outcome").asText()).isEqualTo("PARTLY_ACCEPTED");
        assertThat(saved.path("reply").path("repliedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(saved.path("reply").path("reason").asText()).startsWith("There are not enough officers");
        JsonNode toPartner = MemberJourneys.api(server, admin)
                .query(RECOMMENDATIONS)
                .data()
                .path("youthForumRecommendations")
                .path("edges")
                .path(1)
                .path("node");
        assertThat(toPartner.path("recommendation").asText())
                .isEqualTo("Youth workers should be at the bus station on Friday and Saturday nights.");
        assertThat(toPartner.path("addressedTo").asText()).isEqualTo("PARTNER");
        assertThat(toPartner.path("partnerOrganisation").path("name").asText())
                .startsWith("Cambridgeshire Youth Service");
        assertThat(toPartner.path("reply").isNull()).isTrue();

        try (BrowserContext member = site.browser()) {
            Page page = member.newPage();
            page.navigate(site.url("/" + tenant + "/heard-back"));
            page.fill("#code", code);
            submit(page, "Continue");
            assertThat(page.locator("h1").innerText()).isEqualTo("The Youth Assembly's recommendation");
            assertThat(page.locator("main").innerText()).contains("to the partnership's board");
            assertThat(page.locator("#we-did").innerText())
                    .isEqualTo("Officers now visit the three youth clubs in Wisbech each month.");
            assertThat(page.locator("#outcome").innerText())
                    .isEqualTo("Your recommendation was partly accepted. There are not enough officers for every club"
                            + " this year.");
            WebSite.assertAccessible(page, "a recommendation's answer, read with its code");
        }

        try (BrowserContext anyone = site.browser()) {
            Page page = anyone.newPage();
            page.navigate(site.url("/" + tenant + "/you-said-we-did"));
            String published =
                    page.locator("#youth-forums ~ .govuk-summary-card").innerText();
            assertThat(published)
                    .contains(
                            "Youth Assembly, " + Dates.day(made),
                            "Police officers should visit youth clubs",
                            "Officers now visit the three youth clubs",
                            "Partly",
                            "There are not enough officers",
                            "The board");
            WebSite.assertAccessible(page, "you said, we did with a youth forum's recommendation");
        }
    }

    @Test
    void the_board_finds_a_recommendation_past_the_reply_time_on_its_dashboard_and_cannot_answer_it() {
        String tenant = seeds.openCopy("cambridgeshire");
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        Person board = seeds.person("board", tenant, null, Role.BOARD_MEMBER);
        ApiCaller api = MemberJourneys.api(server, admin);
        LocalDate made = TODAY.minusDays(91);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/youth-forums/new"));
            page.getByLabel("Youth Assembly", EXACT).check();
            fillDate(page, "madeOn", made);
            page.fill("#recommendation", "A young person should sit on the partnership board.");
            page.getByLabel("The board", EXACT).check();
            assertThat(submit(page, "Record the recommendation").status()).isEqualTo(200);
        }
        assertThat(api.query(RECOMMENDATIONS).data().findValuesAsText("overdue"))
                .as("90 days after it was made it was due; a day later it is overdue")
                .containsExactly("true");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, board.username(), board.password());
            page.click("nav >> text=Board dashboard");
            assertThat(page.locator("#glance-recommendations").innerText()).isEqualTo("1 overdue of 1 open");
            WebSite.assertAccessible(page, "the board dashboard with an overdue recommendation");

            page.click("text=See the overdue ones");
            assertThat(page.url()).isEqualTo(site.url("/" + tenant + "/youth-forums?state=overdue"));
            assertThat(page.locator("nav[aria-label='Show recommendations'] [aria-current=page]")
                            .innerText())
                    .isEqualTo("Overdue");
            assertThat(page.locator("tbody").innerText())
                    .contains("A young person should sit on the partnership board.", "The board", "Overdue");
            assertThat(page.locator("text=Record a recommendation").count())
                    .as("the board reads; the participation worker records")
                    .isZero();
            WebSite.assertAccessible(page, "the overdue recommendations");

            String answer = page.locator("tbody a:has-text('Answer')").getAttribute("href");
            APIResponse posted = MemberJourneys.post(
                    page,
                    site.url(answer),
                    Map.of(
                            "_csrf",
                            MemberJourneys.csrf(page),
                            "version",
                            "0",
                            "reply",
                            "Agreed.",
                            "repliedOn-day",
                            String.valueOf(TODAY.getDayOfMonth()),
                            "repliedOn-month",
                            String.valueOf(TODAY.getMonthValue()),
                            "repliedOn-year",
                            String.valueOf(TODAY.getYear()),
                            "outcome",
                            "ACCEPTED"));
            assertThat(posted.status())
                    .as("a recommendation to the board is the admin's to answer")
                    .isEqualTo(404);
        }
        assertThat(api.query(RECOMMENDATIONS).data().findValuesAsText("outcome"))
                .isEmpty();
    }
}
