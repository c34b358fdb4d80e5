package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.WebSite;

/** A partner lead's own organisation: its details, people and gaps, and changing its details. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationJourneyIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private UUID agency;
    private Person lead;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeEach
    void anAgencyOfMedwayWithItsLead() {
        seeds = new SeedPartnerships(server);
        seeds.open("medway");
        seeds.open("luton");
        agency = seeds.agency("medway", "Medway Youth Service");
        lead = seeds.person("lead", "medway", agency, Role.PARTNER_LEAD);
    }

    @Test
    void the_lead_sees_their_organisation_and_the_gaps_the_board_will_see() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", lead.username(), lead.password());

            page.click("nav >> text=Your organisation");

            assertThat(page.locator("h1").innerText()).startsWith("Medway Youth Service");
            assertThat(page.locator(".govuk-warning-text").innerText())
                    .contains("no strategic lead")
                    .contains("0 participation champions of the 3 it asks for");
            WebSite.assertAccessible(page, "your organisation");
            WebSite.screenshot(page, "your-organisation");
        }
    }

    @Test
    void a_refused_change_keeps_what_was_typed_and_names_the_field_then_a_good_one_is_saved() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", lead.username(), lead.password());
            page.navigate(site.url("/medway/organisation/details"));
            page.fill("#name", "");
            page.fill("#organisationIdentifier", "GB-CHC-1234567");
            page.click("button:has-text('Save details')");

            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("name");
            assertThat(page.locator("#name-error").isVisible()).isTrue();
            assertThat(page.inputValue("#organisationIdentifier")).isEqualTo("GB-CHC-1234567");
            WebSite.assertAccessible(page, "organisation details with an error");

            page.fill("#name", "Medway Youth and Play Service");
            page.check("input[name=sector][value=PUBLIC]");
            page.click("button:has-text('Save details')");

            assertThat(page.url()).isEqualTo(site.url("/medway/organisation?saved=details"));
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("saved");
            assertThat(page.locator("h1").innerText()).isEqualTo("Medway Youth and Play Service");
            WebSite.assertAccessible(page, "organisation saved");
        }
    }

    @Test
    void a_change_made_meanwhile_is_shown_beside_the_leads_and_saving_again_replaces_it() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", lead.username(), lead.password());
            page.navigate(site.url("/medway/organisation/details"));
            ApiCaller admin = seeds.admin("medway");
            admin.query(
                    "mutation ($i: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $i) { userErrors { message } } }",
                    Map.of(
                            "i",
                            Map.of(
                                    "id",
                                    GlobalId.encode("PartnerOrganisation", agency),
                                    "version",
                                    0,
                                    "name",
                                    "Medway Youth Service (renamed by the board)")));

            page.fill("#name", "Medway Young People's Service");
            page.click("button:has-text('Save details')");

            assertThat(page.locator("#conflict").innerText())
                    .contains("changed this on")
                    .contains("Medway Youth Service (renamed by the board)")
                    .contains("Medway Young People's Service");
            assertThat(page.inputValue("#name")).isEqualTo("Medway Young People's Service");
            WebSite.assertAccessible(page, "organisation details in conflict");
            WebSite.screenshot(page, "organisation-conflict");

            page.click("button:has-text('Save details')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Medway Young People's Service");
        }
    }

    @Test
    void another_partnerships_organisation_page_is_not_found_and_a_post_without_the_token_changes_nothing() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", lead.username(), lead.password());

            assertThat(page.navigate(site.url("/luton/organisation")).status()).isEqualTo(404);
            var noToken = page.request()
                    .post(
                            site.url("/medway/organisation/details"),
                            RequestOptions.create()
                                    .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                    .setData("id=" + GlobalId.encode("PartnerOrganisation", agency)
                                            + "&version=0&name=Smuggled"));
            var otherTenant = page.request()
                    .post(
                            site.url("/luton/organisation/details"),
                            RequestOptions.create()
                                    .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                    .setData("_csrf=x&id=" + GlobalId.encode("PartnerOrganisation", agency)
                                            + "&version=0&name=Smuggled"));

            assertThat(noToken.status()).isEqualTo(403);
            assertThat(otherTenant.status()).isEqualTo(404);
            String name = seeds.admin("medway")
                    .query(
                            "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
                            Map.of("id", GlobalId.encode("PartnerOrganisation", agency)))
                    .data()
                    .path("node")
                    .path("name")
                    .asText();
            assertThat(name).startsWith("Medway Youth Service");
        }
    }
}
