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
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.WebSite;

/**
 * The partnership admin's governance bodies in Chromium with JavaScript off, on Luton (its LSCB and
 * sub-groups) and Cumbria (its Children's Trust Board and district delivery groups): a body formed
 * (first without a name or kind: refused on those questions), reporting to another, changed; a
 * member added (first without an organisation: refused), with the person who represents it and
 * their role, and removed; the API confirms every state. A board member finds no such page, and
 * an admin of another partnership cannot reach a body.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceJourneyIT implements TestPropertyProvider {

    private static final String BODIES = "{ governanceBodies(first: 100) { edges { node { id name type"
            + " parent { id } memberships { id role partnerOrganisation { id } person { id } } } } } }";

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
                "GovernanceJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
    }

    @Test
    void lutons_admin_forms_a_sub_group_of_the_board_and_seats_a_partners_representative_on_it() {
        journey("luton", "board", "Luton Safeguarding Children Board", "sub-group", "Quality Assurance Sub-group");
    }

    @Test
    void cumbrias_admin_forms_a_district_delivery_group_of_the_trust_board_and_seats_a_partners_representative() {
        journey(
                "cumbria",
                "childrens-trust-board",
                "Cumbria Children's Trust Board",
                "district-delivery-group",
                "Carlisle District Delivery Group");
    }

    private void journey(String tenant, String boardType, String boardName, String groupType, String groupName) {
        String suffix = " " + UUID.randomUUID().toString().substring(0, 6);
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        ApiCaller api = MemberJourneys.api(server, admin);
        String board = MemberJourneys.ok(
                        api,
                        "saveGovernanceBody",
                        "SaveGovernanceBodyInput",
                        Map.of("name", boardName + suffix, "type", boardType),
                        "governanceBody { id }")
                .path("governanceBody")
                .path("id")
                .asText();
        String agency = GlobalId.encode("PartnerOrganisation", seeds.agency(tenant, "Youth Offending Service"));
        String person = MemberJourneys.ok(
                        api,
                        "savePartnerPerson",
                        "SavePartnerPersonInput",
                        Map.of("partnerOrganisationId", agency, "name", "Dana Whitfield"),
                        "partnerPerson { id }")
                .path("partnerPerson")
                .path("id")
                .asText();
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/admin/governance"));
            assertThat(page.locator("#bodies").innerText()).contains(boardName + suffix);
            WebSite.assertAccessible(page, tenant + ": governance bodies");
            WebSite.screenshot(page, "admin-governance-" + tenant);

            page.click("text=Form a governance body");
            page.click("button:has-text('Save the body')");
            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.locator("#name-error").innerText()).contains("name");
            assertThat(page.locator("#type-error").isVisible()).isTrue();
            WebSite.assertAccessible(page, tenant + ": a body without a name or kind");

            page.fill("#name", groupName + suffix);
            page.check("input[name=type][value=" + groupType + "]");
            page.selectOption("#parentId", board);
            page.click("button:has-text('Save the body')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("formed");
            String group = page.url().replaceAll(".*/admin/governance/([^?]+).*", "$1");
            JsonNode formed = body(api, group);
            assertThat(formed.path("type").asText()).isEqualTo(groupType);
            assertThat(formed.path("parent").path("id").asText()).isEqualTo(board);
            WebSite.assertAccessible(page, tenant + ": a body formed");

            page.click("button:has-text('Add the member')");
            assertThat(page.locator("#partnerOrganisationId-error").isVisible()).isTrue();
            assertThat(body(api, group).path("memberships")).isEmpty();
            WebSite.assertAccessible(page, tenant + ": a member without an organisation");

            page.selectOption("#partnerOrganisationId", agency);
            page.selectOption("#personId", person);
            page.fill("#role", "Chair");
            page.click("button:has-text('Add the member')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("added");
            assertThat(page.locator("#members").innerText())
                    .contains("Dana Whitfield")
                    .contains("Chair");
            JsonNode membership = body(api, group).path("memberships").path(0);
            assertThat(membership.path("partnerOrganisation").path("id").asText())
                    .isEqualTo(agency);
            assertThat(membership.path("person").path("id").asText()).isEqualTo(person);
            assertThat(membership.path("role").asText()).isEqualTo("Chair");
            WebSite.assertAccessible(page, tenant + ": a member added");
            WebSite.screenshot(page, "admin-governance-body-" + tenant);

            page.click("a:has-text('Change'):has-text('kind of body')");
            page.fill("#name", groupName + suffix + " (North)");
            page.click("button:has-text('Save the body')");
            assertThat(page.locator("h1").innerText()).isEqualTo(groupName + suffix + " (North)");
            assertThat(body(api, group).path("name").asText()).isEqualTo(groupName + suffix + " (North)");

            page.click("#members button:has-text('Remove')");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("removed");
            assertThat(body(api, group).path("memberships")).isEmpty();
            WebSite.assertAccessible(page, tenant + ": a member removed");
        }
    }

    @Test
    void a_board_member_finds_no_governance_admin_page_and_another_partnerships_admin_cannot_reach_a_body() {
        ApiCaller lutonAdmin = seeds.admin("luton");
        String body = MemberJourneys.ok(
                        lutonAdmin,
                        "saveGovernanceBody",
                        "SaveGovernanceBodyInput",
                        Map.of(
                                "name",
                                "Child Death Overview Panel "
                                        + UUID.randomUUID().toString().substring(0, 6),
                                "type",
                                "sub-group"),
                        "governanceBody { id }")
                .path("governanceBody")
                .path("id")
                .asText();
        Person board = seeds.person("board", "luton", null, Role.BOARD_MEMBER);
        Person cumbriaAdmin = seeds.person("admin", "cumbria", null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", board.username(), board.password());
            assertThat(page.navigate(site.url("/luton/admin/governance")).status())
                    .isEqualTo(404);
            WebSite.assertAccessible(page, "a board member on the governance admin page");
            var posted = MemberJourneys.post(
                    page,
                    site.url("/luton/admin/governance/" + body + "/edit"),
                    Map.of("_csrf", MemberJourneys.csrf(page), "version", "0", "name", "Renamed", "type", "sub-group"));
            assertThat(posted.status()).isEqualTo(404);
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "cumbria", cumbriaAdmin.username(), cumbriaAdmin.password());
            assertThat(page.navigate(site.url("/cumbria/admin/governance/" + body))
                            .status())
                    .isEqualTo(404);
            assertThat(page.navigate(site.url("/luton/admin/governance/" + body))
                            .status())
                    .isEqualTo(404);
        }
        assertThat(body(lutonAdmin, body).path("name").asText()).startsWith("Child Death Overview Panel");
    }

    private static JsonNode body(ApiCaller api, String id) {
        List<JsonNode> bodies =
                api.query(BODIES).data().path("governanceBodies").path("edges").findValues("node");
        return bodies.stream()
                .filter(node -> node.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
