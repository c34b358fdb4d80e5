package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.MemberJourneys.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import uk.trustplatform.testing.WebSite;

/**
 * The charter of values in Chromium with JavaScript off, through Keycloak's own sign-in page, on
 * two seed partnerships that publish Cambridgeshire's Charter of Shared Values (Luton and Medway,
 * by its starter kit): adopting it as it is, personalising a copy, changing the copy's words
 * (a value without its belief refused) and publishing it; another agency's copy as not found,
 * and a form without its token refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharterJourneyIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private String luton;
    private String medway;
    private ApiCaller lutonAdmin;
    private ApiCaller medwayAdmin;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsWithACharter() {
        seeds = new SeedPartnerships(server);
        // Neither Luton nor Medway writes a charter: copies of each whose admin has published the kit's.
        luton = seeds.openCopy("luton");
        medway = seeds.openCopy("medway");
        lutonAdmin = seeds.admin(luton);
        medwayAdmin = seeds.admin(medway);
        seeds.publishStarterKit(lutonAdmin, "cambridgeshire-charter");
        seeds.publishStarterKit(medwayAdmin, "cambridgeshire-charter");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "CharterJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

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
    void a_partner_lead_adopts_the_charter_as_it_is() {
        Agency police = agency(luton, "Bedfordshire Police, Luton");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, luton, police.lead().username(), police.lead().password());
            assertThat(page.locator("#charter-status").innerText()).isEqualTo("Not adopted yet");
            page.click("text=The charter of values");
            assertThat(page.locator("h1").innerText()).isEqualTo("Our charter of values");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Not adopted yet",
                            "Charter of Shared Values",
                            "Rights",
                            "Our work helps children and young people to have their views and opinions heard",
                            "Privacy");
            WebSite.assertAccessible(page, "the charter to adopt");
            WebSite.screenshot(page, "charter-adopt");

            submit(page, "Adopt the charter as it is");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("You have adopted the charter");
            assertThat(page.locator("main").innerText())
                    .contains("Adopted", "Your organisation adopted the partnership's charter as it is");
            WebSite.assertAccessible(page, "the charter adopted");
            page.navigate(site.url("/" + luton + "/start"));
            assertThat(page.locator("#charter-status").innerText()).isEqualTo("Adopted");
        }
        JsonNode adoption = adoptionOf(lutonAdmin, police);
        assertThat(adoption.path("personalised").asBoolean()).isFalse();
        assertThat(adoption.path("charter").path("title").asText()).isEqualTo("Charter of Shared Values");
    }

    @Test
    void a_partner_lead_personalises_a_copy_changes_its_words_and_publishes_it() {
        Agency health = agency(medway, "Medway Community Healthcare");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway, health.lead().username(), health.lead().password());
            page.click("text=The charter of values");
            submit(page, "Personalise a copy");
            assertThat(page.url()).contains("/" + medway + "/charter/our-copy");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your copy of the charter has been started");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Draft");
            assertThat(page.locator("#charter-values-0-name").inputValue()).isEqualTo("Rights");
            WebSite.assertAccessible(page, "our copy of the charter");
            WebSite.screenshot(page, "charter-copy");

            page.fill(
                    "#charter-values-0-commitment", "We will ask every young patient what they think of our clinics.");
            page.fill("#charter-values-1-belief", "");
            Response refused = submit(page, "Save our copy");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#charter-values-1-belief-error").innerText())
                    .contains("must not be empty");
            assertThat(page.locator("#charter-values-0-commitment").inputValue())
                    .isEqualTo("We will ask every young patient what they think of our clinics.");
            WebSite.assertAccessible(page, "a value without its belief");
            WebSite.screenshot(page, "charter-copy-refused");

            page.fill("#charter-values-1-belief", "Listening to young patients makes our care better.");
            submit(page, "Save our copy");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your copy of the charter has been saved");
            assertThat(page.locator("#charter-values-1-belief").inputValue())
                    .isEqualTo("Listening to young patients makes our care better.");
            submit(page, "Publish our copy");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your copy of the charter has been published");
            assertThat(page.locator("main").innerText()).contains("Personalised", "published");
            WebSite.assertAccessible(page, "a published personalised copy");
            page.navigate(site.url("/" + medway + "/start"));
            assertThat(page.locator("#charter-status").innerText()).isEqualTo("Personalised");
        }
        JsonNode copy = adoptionOf(medwayAdmin, health).path("charter");
        assertThat(copy.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(copy.path("values").path(0).path("commitment").asText())
                .isEqualTo("We will ask every young patient what they think of our clinics.");
        assertThat(copy.path("partnerOrganisation").path("id").asText()).isEqualTo(health.globalId());
    }

    @Test
    void another_agencys_copy_is_not_found_and_posting_to_it_changes_nothing() {
        Agency ours = agency(medway, "Medway Housing");
        Agency theirs = agency(medway, "Medway Leisure");
        personalise(medwayAdmin, ours);
        personalise(medwayAdmin, theirs);
        JsonNode their = adoptionOf(medwayAdmin, theirs).path("charter");
        String before = their.toString();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway, ours.lead().username(), ours.lead().password());
            String token = MemberJourneys.csrf(page);
            Map<String, String> words = Map.of(
                    "_csrf", token,
                    "id", their.path("id").asText(),
                    "version", their.path("version").asText(),
                    "charter-title", "Written by another agency",
                    "charter-values-0-name", "Rights",
                    "charter-values-0-belief", "Not theirs",
                    "charter-values-0-commitment", "Not theirs");
            assertThat(MemberJourneys.post(page, site.url("/" + medway + "/charter/our-copy"), words)
                            .status())
                    .isEqualTo(404);
            assertThat(MemberJourneys.post(
                                    page,
                                    site.url("/" + medway + "/charter/our-copy/publish"),
                                    Map.of(
                                            "_csrf",
                                            token,
                                            "id",
                                            their.path("id").asText(),
                                            "version",
                                            "0"))
                            .status())
                    .isEqualTo(404);
            for (String path : List.of("/" + luton + "/charter/adopt", "/" + luton + "/charter/our-copy")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
            }
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            assertThat(MemberJourneys.post(
                                    page,
                                    site.url("/" + luton + "/charter/adopt"),
                                    Map.of(
                                            "_csrf",
                                            token,
                                            "charterId",
                                            their.path("id").asText(),
                                            "personalise",
                                            "false"))
                            .status())
                    .isEqualTo(404);
        }
        assertThat(adoptionOf(medwayAdmin, theirs).path("charter").toString()).isEqualTo(before);
    }

    @Test
    void a_form_without_its_token_is_refused_and_changes_nothing() {
        Agency fire = agency(luton, "Bedfordshire Fire and Rescue, Luton");
        String charter = lutonAdmin
                .query("{ publishedConfiguration(tenantSlug: \"luton\") { charter { id } } }")
                .data()
                .path("publishedConfiguration")
                .path("charter")
                .path("id")
                .asText();
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, luton, fire.lead().username(), fire.lead().password());
            APIResponse refused = MemberJourneys.post(
                    page,
                    site.url("/" + luton + "/charter/adopt"),
                    Map.of("charterId", charter, "personalise", "false"));
            assertThat(refused.status()).isEqualTo(403);
        }
        assertThat(adoptionOf(lutonAdmin, fire).isMissingNode())
                .as("nothing adopted")
                .isTrue();
    }

    private static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:has-text('" + button + "')"));
    }

    private void personalise(ApiCaller admin, Agency agency) {
        String tenant = admin == lutonAdmin ? luton : medway;
        String charter = admin.query(
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { charter { id } } }",
                        Map.of("s", tenant))
                .data()
                .path("publishedConfiguration")
                .path("charter")
                .path("id")
                .asText();
        ok(
                MemberJourneys.api(server, agency.lead()),
                "adoptCharter",
                "AdoptCharterInput",
                Map.of("charterId", charter, "partnerOrganisationId", agency.globalId(), "personalise", true),
                "charterAdoption { personalised }");
    }

    /** The agency's adoption as the partnership's admin sees it; missing when it has adopted nothing. */
    private static JsonNode adoptionOf(ApiCaller admin, Agency agency) {
        for (JsonNode adoption : admin.query("""
                        { charterAdoptions { personalised partnerOrganisation { id }
                          charter { id title status version values { name belief commitment } partnerOrganisation { id } } } }""").data().path("charterAdoptions")) {
            if (adoption.path("partnerOrganisation").path("id").asText().equals(agency.globalId())) {
                return adoption;
            }
        }
        return MissingNode.getInstance();
    }
}
