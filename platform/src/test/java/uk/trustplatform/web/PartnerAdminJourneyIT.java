package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import org.keycloak.representations.idm.UserRepresentation;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * The partnership admin's partner organisations in Chromium with JavaScript off, through
 * Keycloak's own sign-in page, on Luton (with its own partner categories) and Cumbria (with none):
 * an agency registered (first with an identifier not in org-id.guide form: refused on that
 * question, nothing made), changed, given a service below it, refused a place under its own
 * service, given its strategic lead (first with a bad email), and that lead invited to sign in
 * (the account really made in Keycloak, bound to the agency); the API confirms every state. A
 * change made meanwhile is shown beside the admin's; a board member finds no admin page, and an
 * admin of another partnership cannot reach them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerAdminJourneyIT implements TestPropertyProvider {

    private static final String ORGANISATION =
            "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { id version name organisationIdentifier"
                    + " category sector statutory parent { id } services { id name }"
                    + " people { id name email roles invitedToSignIn } } } }";

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
    void twoSeedPartnerships() {
        seeds = new SeedPartnerships(server);
        seeds.open("luton");
        seeds.open("cumbria");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "PartnerAdminJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @Test
    void lutons_admin_registers_an_agency_in_its_category_places_a_service_below_it_and_invites_its_lead() {
        journey("luton", "Luton Youth Offending Service", "statutory-lscb-member");
    }

    @Test
    void cumbrias_admin_registers_an_agency_places_a_service_below_it_and_invites_its_lead() {
        journey("cumbria", "Cumbria Youth Offending Service", null);
    }

    private void journey(String tenant, String agencyName, String category) {
        String name = agencyName + " " + UUID.randomUUID().toString().substring(0, 6);
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        ApiCaller api = MemberJourneys.api(server, admin);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/admin/partners"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Partner organisations");
            WebSite.assertAccessible(page, tenant + ": partner organisations");

            page.click("text=Register a partner organisation");
            WebSite.assertAccessible(page, tenant + ": register a partner organisation");
            page.fill("#name", name);
            page.fill("#organisationIdentifier", "Charity 1091764");
            if (category != null) {
                page.check("input[name=category][value=" + category + "]");
            }
            page.check("input[name=sector][value=PUBLIC]");
            page.check("input[name=statutory][value=yes]");
            page.click("button:has-text('Save the organisation')");

            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.locator("#organisationIdentifier-error").innerText())
                    .contains("org-id.guide")
                    .contains("GB-CHC-1091764");
            assertThat(page.inputValue("#name")).isEqualTo(name);
            assertThat(namesOf(api)).doesNotContain(name);
            WebSite.assertAccessible(page, tenant + ": an identifier not in org-id.guide form");
            WebSite.screenshot(page, "admin-partner-bad-identifier-" + tenant);

            page.fill("#organisationIdentifier", "GB-CHC-1091764");
            page.click("button:has-text('Save the organisation')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("registered");
            String agencyId = page.url().replaceAll(".*/admin/partners/([^?]+).*", "$1");
            JsonNode agency = organisation(api, agencyId);
            assertThat(agency.path("name").asText()).isEqualTo(name);
            assertThat(agency.path("organisationIdentifier").asText()).isEqualTo("GB-CHC-1091764");
            assertThat(agency.path("statutory").asBoolean()).isTrue();
            assertThat(agency.path("sector").asText()).isEqualTo("PUBLIC");
            assertThat(agency.path("category").asText(null)).isEqualTo(category);
            WebSite.assertAccessible(page, tenant + ": a registered organisation");

            page.click("a:has-text('Change'):has-text('organisation identifier')");
            page.fill("#name", name + " and Youth Justice");
            page.click("button:has-text('Save the organisation')");
            assertThat(page.locator("h1").innerText()).isEqualTo(name + " and Youth Justice");
            assertThat(organisation(api, agencyId).path("name").asText()).isEqualTo(name + " and Youth Justice");

            page.click("text=Add a service below");
            assertThat(page.inputValue("#parentId")).isEqualTo(agencyId);
            page.fill("#name", name + " Triage Team");
            page.check("input[name=sector][value=PUBLIC]");
            page.click("button:has-text('Save the organisation')");
            String serviceId = page.url().replaceAll(".*/admin/partners/([^?]+).*", "$1");
            assertThat(organisation(api, serviceId).path("parent").path("id").asText())
                    .isEqualTo(agencyId);
            assertThat(organisation(api, agencyId).path("services").findValuesAsText("id"))
                    .containsExactly(serviceId);

            page.navigate(site.url("/" + tenant + "/admin/partners/" + agencyId + "/edit"));
            page.selectOption("#parentId", serviceId);
            page.click("button:has-text('Save the organisation')");
            assertThat(page.locator("#parentId-error").innerText())
                    .contains("cannot sit under itself or one of its own services");
            assertThat(organisation(api, agencyId).path("parent").isNull()).isTrue();
            WebSite.assertAccessible(page, tenant + ": a place under its own service refused");
            WebSite.screenshot(page, "admin-partner-cycle-" + tenant);

            page.navigate(site.url("/" + tenant + "/admin/partners"));
            var rows = page.locator("#partners tbody tr");
            List<String> names = rows.locator("td:first-child a").allInnerTexts();
            int at = names.indexOf(name + " and Youth Justice");
            assertThat(names.get(at + 1))
                    .as("the service right below its agency")
                    .isEqualTo(name + " Triage Team");
            assertThat(rows.nth(at).innerText()).contains("None");
            assertThat(rows.nth(at + 1).innerText()).contains("Service of " + name + " and Youth Justice");
            WebSite.screenshot(page, "admin-partners-" + tenant);

            page.navigate(site.url("/" + tenant + "/admin/partners/" + agencyId + "/people/new"));
            WebSite.assertAccessible(page, tenant + ": add a person");
            String email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@yos.example";
            page.fill("#name", "Priya Shah");
            page.fill("#jobTitle", "Head of Service");
            page.fill("#email", "priya.shah at yos");
            page.check("input[name=roles][value=STRATEGIC_LEAD]");
            page.click("button:has-text('Save the person')");
            assertThat(page.locator("#email-error").innerText()).contains("work email");
            assertThat(page.isChecked("input[name=roles][value=STRATEGIC_LEAD]"))
                    .isTrue();
            assertThat(organisation(api, agencyId).path("people")).isEmpty();
            WebSite.assertAccessible(page, tenant + ": a person with a bad email");

            page.fill("#email", email);
            page.click("button:has-text('Save the person')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("added");
            JsonNode lead = organisation(api, agencyId).path("people").path(0);
            assertThat(lead.path("roles").get(0).asText()).isEqualTo("STRATEGIC_LEAD");
            assertThat(lead.path("email").asText()).isEqualTo(email);
            page.navigate(site.url("/" + tenant + "/admin/partners"));
            var row = page.locator("#partners tbody tr:has(a:text-is('" + name + " and Youth Justice'))");
            assertThat(row.locator("td").nth(3).innerText())
                    .as("a strategic lead closes that gap")
                    .isEqualTo("Yes");
            page.navigate(site.url("/" + tenant + "/admin/partners/" + agencyId));

            page.click("text=Invite as partner lead");
            assertThat(page.locator("h1").innerText()).contains("Invite Priya Shah");
            WebSite.assertAccessible(page, tenant + ": invite the partner lead");
            page.click("button:has-text('Send the invitation')");
            assertThat(page.locator(".govuk-panel__title").innerText()).isEqualTo("Priya Shah is invited");
            assertThat(page.locator("#invitation").innerText()).contains(email);
            WebSite.assertAccessible(page, tenant + ": the partner lead invited");
            WebSite.screenshot(page, "admin-partner-lead-invited-" + tenant);

            UserRepresentation account =
                    TestKeycloak.realm().users().searchByEmail(email, true).getFirst();
            assertThat(account.firstAttribute("partner_organisation"))
                    .isEqualTo(GlobalId.decode(agencyId, "PartnerOrganisation")
                            .orElseThrow()
                            .toString());
            assertThat(organisation(api, agencyId)
                            .path("people")
                            .path(0)
                            .path("invitedToSignIn")
                            .asBoolean())
                    .isTrue();

            page.navigate(site.url("/" + tenant + "/admin/partners/" + agencyId));
            page.click("a:has-text('Change'):has-text('Priya Shah')");
            page.navigate(page.url() + "/invite");
            assertThat(page.locator("#already-invited").innerText()).contains("already been invited");
            WebSite.assertAccessible(page, tenant + ": a lead already invited");
        }
    }

    @Test
    void a_lead_without_an_email_or_whose_email_signs_in_for_another_agency_is_not_invited() {
        Person admin = seeds.person("admin", "luton", null, Role.TENANT_ADMIN);
        ApiCaller api = MemberJourneys.api(server, admin);
        String first = GlobalId.encode("PartnerOrganisation", seeds.agency("luton", "Luton Sure Start"));
        String second = GlobalId.encode("PartnerOrganisation", seeds.agency("luton", "Luton Youth Service"));
        String email = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@luton.example";
        String withEmail = person(api, first, "Sam Okafor", email);
        String noEmail = person(api, second, "Jo Bell", null);
        String sameEmail = person(api, second, "Sam Okafor", email);
        MemberJourneys.ok(
                api, "invitePartnerLead", "InvitePartnerLeadInput", Map.of("personId", withEmail), "username");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", admin.username(), admin.password());

            page.navigate(site.url("/luton/admin/partners/" + second + "/people/" + noEmail + "/invite"));
            page.click("button:has-text('Send the invitation')");
            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Give Jo Bell a work email before inviting them");
            WebSite.assertAccessible(page, "an invitation without an email refused");

            page.navigate(site.url("/luton/admin/partners/" + second + "/people/" + sameEmail + "/invite"));
            page.click("button:has-text('Send the invitation')");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("already signs in for another partner organisation");
            WebSite.assertAccessible(page, "an invitation of an email of another agency refused");
            WebSite.screenshot(page, "admin-partner-invite-refused");
        }
        JsonNode people = organisation(api, second).path("people");
        assertThat(people.findValuesAsText("invitedToSignIn")).containsOnly("false");
    }

    @Test
    void a_change_made_meanwhile_is_shown_beside_the_admins_and_saving_again_replaces_it() {
        Person admin = seeds.person("admin", "cumbria", null, Role.TENANT_ADMIN);
        ApiCaller api = MemberJourneys.api(server, admin);
        String agency = GlobalId.encode("PartnerOrganisation", seeds.agency("cumbria", "Cumbria Youth Service"));
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cumbria", admin.username(), admin.password());
            page.navigate(site.url("/cumbria/admin/partners/" + agency + "/edit"));
            MemberJourneys.ok(
                    seeds.admin("cumbria"),
                    "updatePartnerOrganisation",
                    "UpdatePartnerOrganisationInput",
                    Map.of("id", agency, "version", 0, "name", "Cumbria Youth Service (renamed by a colleague)"),
                    "partnerOrganisation { id }");

            page.fill("#name", "Cumbria Young People's Service");
            page.click("button:has-text('Save the organisation')");
            assertThat(page.locator("#conflict").innerText())
                    .contains("Cumbria Youth Service (renamed by a colleague)")
                    .contains("Cumbria Young People's Service");
            assertThat(page.inputValue("#name")).isEqualTo("Cumbria Young People's Service");
            WebSite.assertAccessible(page, "a partner organisation in conflict");

            page.click("button:has-text('Save the organisation')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Cumbria Young People's Service");
            assertThat(organisation(api, agency).path("name").asText()).isEqualTo("Cumbria Young People's Service");
        }
    }

    @Test
    void a_board_member_finds_no_admin_page_and_another_partnerships_admin_cannot_reach_them() {
        String agency = GlobalId.encode("PartnerOrganisation", seeds.agency("luton", "Luton Barnardo's"));
        Person board = seeds.person("board", "luton", null, Role.BOARD_MEMBER);
        Person cumbriaAdmin = seeds.person("admin", "cumbria", null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", board.username(), board.password());
            assertThat(page.navigate(site.url("/luton/admin/partners")).status())
                    .isEqualTo(404);
            assertThat(page.navigate(site.url("/luton/admin/partners/" + agency))
                            .status())
                    .isEqualTo(404);
            WebSite.assertAccessible(page, "a board member on an admin page");
            var posted = MemberJourneys.post(
                    page,
                    site.url("/luton/admin/partners/" + agency + "/edit"),
                    Map.of("_csrf", MemberJourneys.csrf(page), "version", "0", "name", "Renamed by the board"));
            assertThat(posted.status()).isEqualTo(404);
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cumbria", cumbriaAdmin.username(), cumbriaAdmin.password());
            assertThat(page.navigate(site.url("/cumbria/admin/partners/" + agency))
                            .status())
                    .as("Luton's agency is no organisation of Cumbria's")
                    .isEqualTo(404);
            assertThat(page.navigate(site.url("/luton/admin/partners")).status())
                    .isEqualTo(404);
            var withoutToken = MemberJourneys.post(
                    page, site.url("/cumbria/admin/partners/new"), Map.of("name", "Smuggled", "statutory", "no"));
            assertThat(withoutToken.status()).isEqualTo(403);
            page.navigate(site.url("/cumbria/admin/partners"));
            var otherTenant = MemberJourneys.post(
                    page,
                    site.url("/luton/admin/partners/" + agency + "/edit"),
                    Map.of("_csrf", MemberJourneys.csrf(page), "version", "0", "name", "Renamed by Cumbria"));
            assertThat(otherTenant.status()).isEqualTo(404);
        }
        assertThat(organisation(seeds.admin("luton"), agency).path("name").asText())
                .startsWith("Luton Barnardo's");
    }

    private static JsonNode organisation(ApiCaller api, String id) {
        return api.query(ORGANISATION, Map.of("id", id)).data().path("node");
    }

    private static List<String> namesOf(ApiCaller api) {
        return api.query("{ partnerOrganisations(first: 100) { edges { node { name } } } }")
                .data()
                .path("partnerOrganisations")
                .path("edges")
                .findValuesAsText("name");
    }

    private static String person(ApiCaller api, String organisation, String name, String email) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("partnerOrganisationId", organisation);
        input.put("name", name);
        input.put("email", email);
        input.put("roles", List.of("STRATEGIC_LEAD"));
        return MemberJourneys.ok(api, "savePartnerPerson", "SavePartnerPersonInput", input, "partnerPerson { id }")
                .path("partnerPerson")
                .path("id")
                .asText();
    }
}
