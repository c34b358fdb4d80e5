package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.WebSite;

/**
 * A partnership's admin decides, in Chromium with JavaScript off, which indicator sets it shares
 * with the regional forums of its region, on two seed partnerships of the South East (Medway and
 * Kent): a forum of another region is not offered; ticking sets joins them and unticking leaves
 * them, the API's forumSharing, regionalForums and benchmarks confirming each; a board member and
 * another partnership's admin find no such page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumSharingJourneyIT implements TestPropertyProvider {

    private static final String PERIOD = "2026-2027";

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private String southEast;
    private String southEastName;
    private String northWest;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSouthEastPartnershipsAndTwoForums() {
        seeds = new SeedPartnerships(server);
        seeds.open("medway");
        seeds.open("kent");
        ApiCaller operator = MemberJourneys.api(server, seeds.person("operator", null, null, Role.PLATFORM_OPERATOR));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        southEast = "south-east-" + suffix;
        southEastName = "South East Children's Partnerships Forum " + suffix;
        northWest = "north-west-" + suffix;
        forum(operator, southEast, southEastName, "SOUTH_EAST");
        forum(operator, northWest, "North West Forum " + suffix, "NORTH_WEST");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "ForumSharingJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @ParameterizedTest
    @ValueSource(strings = {"medway", "kent"})
    void the_admin_shares_indicator_sets_with_a_forum_of_its_region_and_stops_sharing_them(String tenant) {
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        ApiCaller api = MemberJourneys.api(server, admin);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/admin/forums"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Regional forums");
            assertThat(page.locator("main").innerText()).contains("South East", "never a record", "suppressed");
            assertThat(page.locator("#forum-" + southEast).innerText())
                    .contains(southEastName, "5", "Named", "Nothing");
            assertThat(page.locator("#forum-" + northWest).count())
                    .as("a forum of another region")
                    .isZero();
            WebSite.assertAccessible(page, tenant + "'s regional forums");
            WebSite.screenshot(page, "admin-forums-" + tenant);
            assertThat(page.navigate(site.url("/" + tenant + "/admin/forums/" + northWest))
                            .status())
                    .isEqualTo(404);
            WebSite.assertAccessible(page, "a forum of another region, by its address");

            page.navigate(site.url("/" + tenant + "/admin/forums/" + southEast));
            assertThat(page.locator("h1").innerText()).isEqualTo("What you share with the forum");
            assertThat(page.locator("input[name=indicatorSets]:checked").count())
                    .isZero();
            assertThat(page.locator("label[for=indicatorSets-4]").innerText()).isEqualTo("Self-assessments");
            WebSite.assertAccessible(page, "choosing what " + tenant + " shares");
            page.check("input[value=PLEDGES]");
            page.check("input[value=PARTNERS]");
            WebSite.screenshot(page, "admin-forum-sharing-" + tenant);
            WebSite.loadedBy(page, () -> page.click("button:has-text('Save what you share')"));
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("What you share with " + southEastName + " is saved: pledges, partners.");
            assertThat(page.locator("#forum-" + southEast).innerText()).contains("Pledges, Partners");
            WebSite.assertAccessible(page, "the forums after sharing");
            assertThat(sharing(api)).containsExactly("PLEDGES", "PARTNERS");
            assertThat(api.query("{ regionalForums { slug } }").text()).contains(southEast);
            // The forum reads the figures of the partnership's latest snapshot: take one now.
            api.query("mutation { refreshIndicators { values } }");
            JsonNode benchmarks = benchmarks(api);
            assertThat(benchmarks.path("forum").path("slug").asText()).isEqualTo(southEast);
            assertThat(benchmarks
                            .path("indicators")
                            .valueStream()
                            .map(i -> i.path("indicatorSet").asText()))
                    .as("only the sets shared are benchmarked")
                    .isNotEmpty()
                    .allMatch(set -> set.equals("PLEDGES") || set.equals("PARTNERS"));

            page.locator("#forum-" + southEast).locator("a:has-text('Change')").click();
            assertThat(page.isChecked("input[value=PLEDGES]")).isTrue();
            assertThat(page.isChecked("input[value=PARTNERS]")).isTrue();
            page.uncheck("input[value=PARTNERS]");
            page.check("input[value=ACTION_PLANS]");
            page.check("input[value=SELF_ASSESSMENT]");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Save what you share')"));
            assertThat(sharing(api)).containsExactly("PLEDGES", "ACTION_PLANS", "SELF_ASSESSMENT");
            assertThat(page.locator("#forum-" + southEast).innerText())
                    .contains("Pledges, Action plans, Self-assessments");

            page.locator("#forum-" + southEast).locator("a:has-text('Change')").click();
            page.uncheck("input[value=PLEDGES]");
            page.uncheck("input[value=ACTION_PLANS]");
            page.uncheck("input[value=SELF_ASSESSMENT]");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Save what you share')"));
            assertThat(page.locator("#forum-" + southEast).innerText()).contains("Nothing");
            assertThat(sharing(api)).isEmpty();
            assertThat(api.query("{ regionalForums { slug } }").text()).doesNotContain(southEast);
            assertThat(benchmarks(api).isNull())
                    .as("no benchmarks with a forum shared nothing")
                    .isTrue();
        }
    }

    @Test
    void a_board_member_and_another_partnerships_admin_find_no_forum_page_and_change_nothing() {
        Person board = seeds.person("board", "medway", null, Role.BOARD_MEMBER);
        Person kentAdmin = seeds.person("admin", "kent", null, Role.TENANT_ADMIN);
        for (var person : List.of(Map.entry("medway", board), Map.entry("kent", kentAdmin))) {
            try (BrowserContext browser = site.browser()) {
                Page page = browser.newPage();
                site.signIn(
                        page,
                        person.getKey(),
                        person.getValue().username(),
                        person.getValue().password());
                for (String address : List.of("/medway/admin/forums", "/medway/admin/forums/" + southEast)) {
                    assertThat(page.navigate(site.url(address)).status())
                            .as("%s of %s at %s", person.getValue().username(), person.getKey(), address)
                            .isEqualTo(404);
                }
                WebSite.assertAccessible(
                        page, "Medway's forums to " + person.getValue().username());
                FormData form = FormData.create()
                        .set("_csrf", MemberJourneys.csrf(page))
                        .set("indicatorSets", "PLEDGES");
                int posted = page.request()
                        .post(
                                site.url("/medway/admin/forums/" + southEast),
                                RequestOptions.create().setForm(form).setMaxRedirects(0))
                        .status();
                assertThat(posted).isEqualTo(404);
            }
        }
        assertThat(sharing(seeds.admin("medway")))
                .as("Medway shares nothing it did not choose")
                .isEmpty();
    }

    private List<String> sharing(ApiCaller api) {
        List<String> sets = new ArrayList<>();
        api.query("{ forumSharing { forum { slug } sharing } }")
                .data()
                .path("forumSharing")
                .forEach(shared -> {
                    if (shared.path("forum").path("slug").asText().equals(southEast)) {
                        shared.path("sharing").forEach(set -> sets.add(set.asText()));
                    }
                });
        return sets;
    }

    private JsonNode benchmarks(ApiCaller api) {
        return api.query(
                        "query ($f: String!, $p: String!) { benchmarks(forumSlug: $f, period: $p)"
                                + " { forum { slug } indicators { indicatorSet indicator value } } }",
                        Map.of("f", southEast, "p", PERIOD))
                .data()
                .path("benchmarks");
    }

    private static void forum(ApiCaller operator, String slug, String name, String region) {
        MemberJourneys.ok(
                operator,
                "saveRegionalForum",
                "SaveRegionalForumInput",
                Map.of("slug", slug, "name", name, "region", region),
                "regionalForum { slug }");
    }
}
