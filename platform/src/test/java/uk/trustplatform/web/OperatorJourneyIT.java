package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The platform operator's pages in Chromium with JavaScript off, signed in through Keycloak's own
 * sign-in page at /operator/sign-in: the partnerships with their status as the API lists them; a
 * copy of Medway's seed definition onboarded, first with problems (each listed, nothing made),
 * then uploaded as a file; opened, suspended (its public pages gone), reactivated and archived,
 * each confirmed first, the API confirming each status; a regional forum created and changed,
 * with field errors and a change someone else made first; and neither a partnership's admin nor
 * its board member reaching any of it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorJourneyIT implements TestPropertyProvider {

    private static final String STATUS = "query ($s: String!) { tenant(slug: $s) { status } }";

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private Person operator;
    private ApiCaller operatorApi;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsAndAnOperator() {
        seeds = new SeedPartnerships(server);
        seeds.open("medway");
        seeds.open("kent");
        operator = seeds.person("operator", null, null, Role.PLATFORM_OPERATOR);
        operatorApi = MemberJourneys.api(server, operator);
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "OperatorJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @Test
    void the_operator_onboards_a_partnership_from_its_definition_then_opens_suspends_reactivates_and_archives_it()
            throws IOException {
        String copy = "medway-" + UUID.randomUUID().toString().substring(0, 6);
        String good = SeedPartnerships.copyDefinition("medway", copy);
        String bad = good.replaceFirst("(?m)^kind: .*$", "kind: TOWN_COUNCIL")
                .replaceFirst("(?m)^region: .*$", "region: WESSEX")
                .replaceFirst("gssCode: E06000035", "gssCode: MEDWAY");

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            String landed = site.signIn(page, "operator", operator.username(), operator.password());
            assertThat(landed).isEqualTo("/operator");
            assertThat(page.locator("h1").innerText()).isEqualTo("Partnerships on the platform");
            List<String> listed = new ArrayList<>();
            operatorApi
                    .query("{ tenants { slug } }")
                    .data()
                    .path("tenants")
                    .forEach(t -> listed.add(t.path("slug").asText()));
            assertThat(listed).contains("medway", "kent");
            assertThat(page.locator("tbody tr").count())
                    .as("a row per partnership the API lists")
                    .isEqualTo(listed.size());
            assertThat(row(page, "medway").innerText())
                    .contains("Medway Children's Trust", "Active", "Children's trust", "South East", "E06000035");
            assertThat(row(page, "kent").innerText()).contains("Kent County Council", "Active", "E10000016");
            assertThat(row(page, "medway").locator("a").first().getAttribute("href"))
                    .isEqualTo("/medway");
            WebSite.assertAccessible(page, "the operator's partnerships");
            WebSite.screenshot(page, "operator-partnerships");

            page.click("text=Onboard a partnership");
            assertThat(page.locator("h1").innerText()).isEqualTo("Onboard a partnership");
            WebSite.assertAccessible(page, "onboarding a partnership");
            page.fill("#definition", bad);
            Response refused = WebSite.loadedBy(page, () -> page.click("button:has-text('Onboard the partnership')"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Onboard a partnership");
            String summary = page.locator(".govuk-error-summary").innerText();
            assertThat(summary).contains("nothing was onboarded", "kind", "region", "councils.0.gssCode");
            assertThat(page.locator(".govuk-error-summary__list li").count()).isGreaterThanOrEqualTo(3);
            assertThat(page.locator("#definition-error").innerText()).contains("kind", "region", "councils.0.gssCode");
            assertThat(page.inputValue("#definition"))
                    .as("the definition is kept to correct")
                    .isEqualTo(bad);
            WebSite.assertAccessible(page, "a definition with problems");
            WebSite.screenshot(page, "operator-onboard-problems");
            assertThat(operatorApi
                            .query(STATUS, Map.of("s", copy))
                            .data()
                            .path("tenant")
                            .isNull())
                    .as("nothing of a refused definition was made")
                    .isTrue();
            assertThat(operatorApi.query("{ tenants { slug } }").text()).doesNotContain(copy);

            Path file = Files.createTempFile(copy, ".yaml");
            Files.writeString(file, good);
            page.setInputFiles("#definitionFile", file);
            WebSite.loadedBy(page, () -> page.click("button:has-text('Onboard the partnership')"));
            assertThat(page.locator(".govuk-panel__title").innerText()).isEqualTo("Partnership onboarded");
            assertThat(page.locator(".govuk-summary-list").innerText())
                    .contains(site.url("/" + copy), "Onboarding", "organization " + copy, "First tenant admin");
            assertThat(page.locator("main").innerText()).contains("registered tenant " + copy);
            WebSite.assertAccessible(page, "a partnership onboarded");
            WebSite.screenshot(page, "operator-onboarded");
            assertThat(status(copy)).isEqualTo("ONBOARDING");

            page.click("a:has-text('Open Medway')");
            confirm(page, "open", "is opened.");
            assertThat(status(copy)).isEqualTo("ACTIVE");
            assertThat(publicHome(browser, copy)).isEqualTo(200);

            row(page, copy).locator("a:has-text('Suspend')").click();
            assertThat(page.locator("main").innerText()).contains("its members cannot sign in");
            confirm(page, "suspend", "is suspended.");
            assertThat(status(copy)).isEqualTo("SUSPENDED");
            assertThat(row(page, copy).innerText()).contains("Suspended");
            assertThat(publicHome(browser, copy))
                    .as("a suspended partnership's public pages")
                    .isEqualTo(404);

            row(page, copy).locator("a:has-text('Reactivate')").click();
            confirm(page, "reactivate", "is reactivated.");
            assertThat(status(copy)).isEqualTo("ACTIVE");
            assertThat(publicHome(browser, copy)).isEqualTo(200);

            row(page, copy).locator("a:has-text('Archive')").click();
            assertThat(page.locator(".govuk-warning-text").innerText()).contains("closes the partnership for good");
            WebSite.screenshot(page, "operator-archive");
            confirm(page, "archive", "is archived.");
            assertThat(status(copy)).isEqualTo("ARCHIVED");
            assertThat(row(page, copy).innerText()).contains("Archived");
            assertThat(row(page, copy).locator("a:has-text('Reactivate')").count())
                    .as("an archived partnership is offered no change")
                    .isZero();
            assertThat(publicHome(browser, copy)).isEqualTo(404);

            // An archived partnership's reactivation, asked for by its address: the API's refusal shown.
            page.navigate(site.url("/operator/partnerships/" + copy + "/reactivate"));
            Response again = WebSite.loadedBy(page, () -> page.click("#confirm"));
            assertThat(again.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("cannot become ACTIVE");
            WebSite.assertAccessible(page, "a change of status the API refuses");
            assertThat(status(copy)).isEqualTo("ARCHIVED");
        }
    }

    @Test
    void the_operator_creates_a_regional_forum_and_changes_it_meeting_field_errors_and_a_change_made_first() {
        String slug = "south-east-" + UUID.randomUUID().toString().substring(0, 6);
        String name = "South East Children's Partnerships Forum " + slug.substring(11);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "operator", operator.username(), operator.password());
            page.click(".govuk-service-navigation__link:has-text('Regional forums')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Regional forums");
            WebSite.assertAccessible(page, "the regional forums");

            page.click("text=Create a regional forum");
            WebSite.assertAccessible(page, "a new regional forum");
            page.fill("#minimumRecords", "five");
            Response unsendable = WebSite.loadedBy(page, () -> page.click("button:has-text('Save the forum')"));
            assertThat(unsendable.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Select the region", "Enter the minimum number of records as a whole number");
            assertThat(page.locator("#region-error").innerText()).startsWith("Error:");
            WebSite.assertAccessible(page, "a forum without a region or a number");

            page.fill("#slug", "South East!");
            page.fill("#name", "");
            page.selectOption("#region", "SOUTH_EAST");
            page.fill("#minimumRecords", "3");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Save the forum')"));
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("lower-case letters", "Name the forum", "at least 5 records");
            assertThat(page.locator("#slug-error").innerText()).contains("lower-case letters");
            assertThat(page.locator("#name-error").innerText()).contains("Name the forum");
            assertThat(page.locator("#minimumRecords-error").innerText()).contains("at least 5 records");
            WebSite.assertAccessible(page, "a forum the API refuses field by field");
            WebSite.screenshot(page, "operator-forum-errors");

            page.fill("#slug", slug);
            page.fill("#name", name);
            page.fill("#minimumRecords", "6");
            page.check("input[name=naming][value=ANONYMISED]");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Save the forum')"));
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains(name + " is saved.");
            assertThat(page.locator("#forum-" + slug).innerText()).contains(name, "South East", "6", "Anonymised");
            JsonNode saved = forum(slug);
            assertThat(saved.path("name").asText()).isEqualTo(name);
            assertThat(saved.path("region").asText()).isEqualTo("SOUTH_EAST");
            assertThat(saved.path("minimumRecords").asInt()).isEqualTo(6);
            assertThat(saved.path("naming").asText()).isEqualTo("ANONYMISED");
            WebSite.screenshot(page, "operator-forums");

            page.locator("#forum-" + slug).locator("a:has-text('Change')").click();
            assertThat(page.inputValue("#name")).isEqualTo(name);
            WebSite.assertAccessible(page, "changing a forum");
            MemberJourneys.ok(
                    operatorApi,
                    "saveRegionalForum",
                    "SaveRegionalForumInput",
                    Map.of(
                            "slug",
                            slug,
                            "name",
                            name + " (Kent and Medway)",
                            "region",
                            "SOUTH_EAST",
                            "minimumRecords",
                            10,
                            "naming",
                            "ANONYMISED",
                            "version",
                            saved.path("version").asInt()),
                    "regionalForum { version }");
            page.fill("#name", name + " renamed");
            Response conflict = WebSite.loadedBy(page, () -> page.click("button:has-text('Save the forum')"));
            assertThat(conflict.status()).isEqualTo(400);
            assertThat(page.locator("#conflict").innerText())
                    .contains("Someone else changed this", name + " (Kent and Medway)", name + " renamed", "10");
            assertThat(page.inputValue("#name")).as("what was typed stays").isEqualTo(name + " renamed");
            assertThat(forum(slug).path("name").asText()).isEqualTo(name + " (Kent and Medway)");
            WebSite.assertAccessible(page, "a forum someone else changed first");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Save the forum')"));
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains(name + " renamed is saved.");
            assertThat(forum(slug).path("name").asText()).isEqualTo(name + " renamed");
            assertThat(forum(slug).path("minimumRecords").asInt())
                    .as("the form's own minimum, typed over theirs")
                    .isEqualTo(6);
        }
    }

    @Test
    void an_operator_signing_in_from_a_partnerships_page_is_shown_the_way_to_the_operators_pages() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            assertThat(site.signIn(page, "kent", operator.username(), operator.password()))
                    .isEqualTo("/choose-partnership");
            WebSite.assertAccessible(page, "an operator choosing a partnership");
            page.click("text=go to the partnerships on the platform");
            assertThat(page.locator("h1").innerText()).isEqualTo("Partnerships on the platform");
        }
    }

    @Test
    void a_partnerships_admin_or_board_member_finds_no_operator_page_and_changes_nothing() {
        Person admin = seeds.person("admin", "medway", null, Role.TENANT_ADMIN);
        Person board = seeds.person("board", "kent", null, Role.BOARD_MEMBER);
        try (BrowserContext browser = site.browser()) {
            Page anonymous = browser.newPage();
            anonymous.navigate(site.url("/operator"));
            assertThat(anonymous.url()).as("a visitor is sent to sign in").doesNotStartWith(site.url("/operator"));
            assertThat(anonymous.locator("#username").count()).isOne();
        }
        for (var person : List.of(Map.entry("medway", admin), Map.entry("kent", board))) {
            try (BrowserContext browser = site.browser()) {
                Page page = browser.newPage();
                site.signIn(
                        page,
                        person.getKey(),
                        person.getValue().username(),
                        person.getValue().password());
                for (String address : List.of(
                        "/operator",
                        "/operator/onboard",
                        "/operator/forums",
                        "/operator/forums/new",
                        "/operator/partnerships/" + person.getKey() + "/suspend")) {
                    assertThat(page.navigate(site.url(address)).status())
                            .as("%s of %s at %s", person.getValue().username(), person.getKey(), address)
                            .isEqualTo(404);
                }
                WebSite.assertAccessible(page, "an operator's page to a partnership's " + person.getKey());
                assertThat(page.locator(".govuk-service-navigation").innerText())
                        .doesNotContain("Regional forums");
                FormData form = FormData.create().set("_csrf", MemberJourneys.csrf(page));
                int posted = page.request()
                        .post(
                                site.url("/operator/partnerships/" + person.getKey() + "/suspend"),
                                RequestOptions.create().setForm(form).setMaxRedirects(0))
                        .status();
                assertThat(posted).isEqualTo(404);
                assertThat(status(person.getKey())).isEqualTo("ACTIVE");
            }
        }
    }

    private static Locator row(Page page, String slug) {
        return page.locator("#partnership-" + slug);
    }

    /** Confirms a change of status on its page, which is checked first, and lands on the list with its banner. */
    private static void confirm(Page page, String change, String banner) {
        assertThat(page.url()).endsWith("/" + change);
        WebSite.assertAccessible(page, "confirming " + change);
        WebSite.loadedBy(page, () -> page.click("#confirm"));
        assertThat(page.locator(".govuk-notification-banner").innerText()).contains(banner);
        WebSite.assertAccessible(page, "the partnerships after " + change);
    }

    private String status(String slug) {
        return operatorApi
                .query(STATUS, Map.of("s", slug))
                .data()
                .path("tenant")
                .path("status")
                .asText();
    }

    private int publicHome(BrowserContext browser, String slug) {
        return browser.request().get(site.url("/" + slug)).status();
    }

    private JsonNode forum(String slug) {
        for (JsonNode forum : operatorApi
                .query("{ regionalForums { slug name region minimumRecords naming version } }")
                .data()
                .path("regionalForums")) {
            if (forum.path("slug").asText().equals(slug)) {
                return forum;
            }
        }
        throw new AssertionError("no forum " + slug);
    }
}
