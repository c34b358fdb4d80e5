package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.WebSite;

/**
 * The partnership's settings in Chromium with JavaScript off, on partnerships of the test's own
 * made from Medway (three champions asked of each partner) and Luton: the champions, the renewal
 * notice, a youth forum's reply time and how long a kite mark holds changed (first out of the
 * API's bounds, then not a whole number: refused on that question); a quiet period
 * added (first ending before it begins: refused on the last day) and removed; the API confirms
 * each state. A board member finds no such page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipSettingsJourneyIT implements TestPropertyProvider {

    private static final String SETTINGS = "{ partnershipSettings { minimumParticipationChampions renewalNoticeDays"
            + " recommendationReplyDays kiteMarkValidMonths quietPeriods { name firstDay lastDay } version } }";

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
        System.out.println("PartnershipSettingsJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore)
                + " pages and error states");
    }

    @Test
    void medways_admin_changes_the_champions_asked_and_keeps_the_exam_season_quiet() {
        journey(seeds.openCopy("medway"));
    }

    @Test
    void lutons_admin_changes_the_renewal_notice_and_keeps_the_exam_season_quiet() {
        journey(seeds.openCopy("luton"));
    }

    private void journey(String tenant) {
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        ApiCaller api = MemberJourneys.api(server, admin);
        int periodsBefore = settings(api).path("quietPeriods").size();
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/admin/settings"));
            assertThat(page.inputValue("#minimumParticipationChampions"))
                    .isEqualTo(
                            settings(api).path("minimumParticipationChampions").asText());
            WebSite.assertAccessible(page, tenant + ": partnership settings");

            assertThat(page.inputValue("#recommendationReplyDays"))
                    .as("the default")
                    .isEqualTo("90");
            assertThat(page.inputValue("#kiteMarkValidMonths"))
                    .as("the default")
                    .isEqualTo("12");
            page.fill("#minimumParticipationChampions", "4");
            page.fill("#renewalNoticeDays", "400");
            page.fill("#kiteMarkValidMonths", "61");
            page.click("button:has-text('Save the settings')");
            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.locator("#renewalNoticeDays-error").innerText()).contains("between 1 and 365");
            assertThat(page.locator("#kiteMarkValidMonths-error").innerText())
                    .contains("The time a kite mark holds must be between 1 and 60 months.");
            assertThat(page.inputValue("#renewalNoticeDays")).isEqualTo("400");
            assertThat(settings(api).path("minimumParticipationChampions").asInt())
                    .isNotEqualTo(4);
            WebSite.assertAccessible(page, tenant + ": a renewal notice out of bounds");

            page.fill("#renewalNoticeDays", "45");
            page.fill("#kiteMarkValidMonths", "24");
            page.fill("#recommendationReplyDays", "ninety");
            page.click("button:has-text('Save the settings')");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Enter the time a youth forum waits for its reply as a whole number of days");
            assertThat(settings(api).path("recommendationReplyDays").asInt()).isEqualTo(90);

            page.fill("#recommendationReplyDays", "60");
            page.click("button:has-text('Save the settings')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("saved");
            JsonNode saved = settings(api);
            assertThat(saved.path("minimumParticipationChampions").asInt()).isEqualTo(4);
            assertThat(saved.path("renewalNoticeDays").asInt()).isEqualTo(45);
            assertThat(saved.path("recommendationReplyDays").asInt()).isEqualTo(60);
            assertThat(saved.path("kiteMarkValidMonths").asInt()).isEqualTo(24);
            assertThat(page.inputValue("#kiteMarkValidMonths")).isEqualTo("24");

            page.fill("#periodName", "GCSE and A level exams");
            page.fill("#firstDay-day", "30");
            page.fill("#firstDay-month", "6");
            page.fill("#firstDay-year", "2027");
            page.fill("#lastDay-day", "10");
            page.fill("#lastDay-month", "5");
            page.fill("#lastDay-year", "2027");
            page.click("button:has-text('Add the quiet period')");
            assertThat(page.locator("#lastDay-error").isVisible()).isTrue();
            assertThat(settings(api).path("quietPeriods").size()).isEqualTo(periodsBefore);
            WebSite.assertAccessible(page, tenant + ": a quiet period ending before it begins");

            page.fill("#firstDay-day", "10");
            page.fill("#lastDay-day", "30");
            page.fill("#lastDay-month", "6");
            page.click("button:has-text('Add the quiet period')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("added");
            assertThat(page.locator("#quiet-periods").innerText()).contains("GCSE and A level exams");
            assertThat(settings(api).path("quietPeriods").findValuesAsText("firstDay"))
                    .contains("2027-06-10");
            WebSite.assertAccessible(page, tenant + ": a quiet period added");
            WebSite.screenshot(page, "admin-settings-" + tenant.replaceFirst("-.*", ""));

            page.click("#quiet-periods tr:has-text('GCSE and A level exams') button:has-text('Remove')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("removed");
            assertThat(settings(api).path("quietPeriods").findValuesAsText("name"))
                    .doesNotContain("GCSE and A level exams");
        }
    }

    @Test
    void a_board_member_finds_no_settings_page() {
        seeds.open("luton");
        Person board = seeds.person("board", "luton", null, Role.BOARD_MEMBER);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", board.username(), board.password());
            assertThat(page.navigate(site.url("/luton/admin/settings")).status())
                    .isEqualTo(404);
            var posted = MemberJourneys.post(
                    page,
                    site.url("/luton/admin/settings"),
                    Map.of(
                            "_csrf",
                            MemberJourneys.csrf(page),
                            "version",
                            "0",
                            "minimumParticipationChampions",
                            "9",
                            "renewalNoticeDays",
                            "9"));
            assertThat(posted.status()).isEqualTo(404);
        }
        assertThat(settings(seeds.admin("luton")).path("renewalNoticeDays").asInt())
                .isNotEqualTo(9);
    }

    private static JsonNode settings(ApiCaller api) {
        return api.query(SETTINGS).data().path("partnershipSettings");
    }
}
