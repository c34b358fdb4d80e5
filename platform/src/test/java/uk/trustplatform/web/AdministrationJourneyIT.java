package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * The tenant admin's administration in Chromium with JavaScript off, through Keycloak's own
 * sign-in page: the administration page and its menu item; the board's work on Your work; a
 * partner system registered (its secret shown once really gets a token that acts for the agency
 * alone), listed and withdrawn (its secret then gets none); the council's own sign-in linked,
 * refused field by field first, then found in Keycloak. Each on two seed partnerships; the board
 * and another partnership's admin find none of these pages.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationJourneyIT implements TestPropertyProvider {

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
    void seedPartnerships() {
        seeds = new SeedPartnerships(server);
        seeds.open("luton");
        seeds.open("medway");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println("AdministrationJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore)
                + " pages and error states");
    }

    @ParameterizedTest
    @ValueSource(strings = {"luton", "medway"})
    void the_admin_finds_administration_in_the_menu_and_the_drafts_waiting_for_them(String tenant) {
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        int drafts = drafts(seeds.admin(tenant));
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            assertThat(site.signIn(page, tenant, admin.username(), admin.password()))
                    .isEqualTo("/" + tenant + "/start");
            assertThat(page.locator("#board-work").innerText())
                    .contains("Board dashboard", "Partners' action plans", "Administration");
            WebSite.assertAccessible(page, "the admin's Your work");

            page.click(".govuk-service-navigation__link:has-text('Administration')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Administration");
            assertThat(page.locator(".govuk-service-navigation__item--active").innerText())
                    .isEqualTo("Administration");
            assertThat(page.locator("#areas").innerText())
                    .contains("Configuration documents", "Partner organisations", "Partner systems", "Sign-in");
            if (drafts == 0) {
                assertThat(page.locator("#drafts").count()).isZero();
            } else {
                assertThat(page.locator("#drafts").innerText()).startsWith(drafts + " configuration document");
            }
            WebSite.assertAccessible(page, "administration");
            WebSite.screenshot(page, "admin-" + tenant);
        }
    }

    @Test
    void a_board_member_sees_the_boards_work_but_no_administration() {
        Person board = seeds.person("board", "luton", null, Role.BOARD_MEMBER);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", board.username(), board.password());
            assertThat(page.locator("#board-work").innerText())
                    .contains("Board dashboard", "Partners' action plans")
                    .doesNotContain("Administration");
            assertThat(page.locator(".govuk-service-navigation").innerText()).doesNotContain("Administration");
            for (String path : List.of("/luton/admin", "/luton/admin/integrations", "/luton/admin/sign-in")) {
                Response refused = page.navigate(site.url(path));
                assertThat(refused.status()).as(path).isEqualTo(404);
            }
            WebSite.assertAccessible(page, "a board member's page not found");
        }
    }

    @Test
    void an_admin_of_another_partnership_finds_no_administration_of_this_one() {
        Person medwayAdmin = seeds.person("admin", "medway", null, Role.TENANT_ADMIN);
        String lutonSystem = registered(
                seeds.admin("luton"), agency("luton", "Luton Young Carers").id(), "Carers system");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayAdmin.username(), medwayAdmin.password());
            for (String path : List.of(
                    "/luton/admin",
                    "/luton/admin/integrations",
                    "/luton/admin/sign-in",
                    "/luton/admin/integrations/" + lutonSystem + "/withdraw",
                    "/medway/admin/integrations/" + lutonSystem + "/withdraw")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
            }
            APIResponse withdrawing = MemberJourneys.post(
                    page,
                    site.url("/medway/admin/integrations/" + lutonSystem + "/withdraw"),
                    Map.of("_csrf", MemberJourneys.csrf(page)));
            assertThat(withdrawing.status()).isEqualTo(404);
        }
        assertThat(integrations(seeds.admin("luton")))
                .as("Luton's system is still there")
                .contains(lutonSystem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"luton", "medway"})
    void a_partner_system_is_registered_gets_tokens_for_its_agency_alone_and_is_withdrawn(String tenant) {
        Agency agency = agency(
                tenant,
                Map.of("luton", "Luton Youth Offending Service", "medway", "Medway Youth Service")
                        .get(tenant));
        String agencyName = agency.name();
        String clientId;
        String secret;
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/admin"));
            page.click("a:has-text('Partner systems')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Partner systems");
            WebSite.assertAccessible(page, "partner systems");

            page.click("text=Register a partner system");
            assertThat(page.locator("h1").innerText()).isEqualTo("Register a partner system");
            WebSite.assertAccessible(page, "registering a partner system");
            page.click("button:has-text('Register the system')");
            assertThat(page.title()).startsWith("Error: Register a partner system");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("Select the agency the system acts for");
            WebSite.assertAccessible(page, "registering a system without an agency");

            page.selectOption("#partnerOrganisationId", new SelectOption().setLabel(agencyName));
            page.click("button:has-text('Register the system')");
            assertThat(page.locator("#name-error").innerText()).contains("Name the system in 1 to 100 characters.");
            WebSite.assertAccessible(page, "registering a system without a name");

            page.fill("#name", "Case management (" + tenant + ")");
            Response registered = WebSite.loadedBy(page, () -> page.click("button:has-text('Register the system')"));
            assertThat(registered.headers().get("cache-control"))
                    .as("no browser or proxy keeps the secret")
                    .contains("no-store");
            assertThat(page.locator("h1").innerText()).isEqualTo("Partner system registered");
            assertThat(page.title()).as("the partnership named, not its slug").doesNotContain(" " + tenant + " –");
            clientId = page.locator("#client-id").innerText();
            secret = page.locator("#client-secret").innerText();
            assertThat(clientId).startsWith("partner-" + tenant + "-");
            assertThat(page.locator("#first-steps").innerText()).contains(clientId, "/graphql");
            WebSite.assertAccessible(page, "a registered system's secret");
            WebSite.screenshot(page, "admin-partner-system-registered-" + tenant);

            String token = TestKeycloak.clientToken(clientId, secret);
            JsonNode viewer = new ApiCaller(server)
                    .withToken(token)
                    .query("{ viewer { roles partnerOrganisation { name } } }")
                    .data()
                    .path("viewer");
            assertThat(viewer.path("roles").toString()).contains("PARTNER_INTEGRATION");
            assertThat(viewer.path("partnerOrganisation").path("name").asText()).isEqualTo(agencyName);

            page.navigate(site.url("/" + tenant + "/admin/integrations"));
            assertThat(page.locator("#systems tr", new Page.LocatorOptions().setHasText(clientId))
                            .innerText())
                    .contains("Case management (" + tenant + ")", agencyName)
                    .doesNotContain(secret);
            assertThat(page.content()).as("the secret is never shown again").doesNotContain(secret);

            page.click("#systems tr:has-text('" + clientId + "') a:has-text('Withdraw')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Withdraw Case management (" + tenant + ")");
            WebSite.assertAccessible(page, "withdrawing a partner system");
            page.click("button:has-text('Withdraw the system')");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The partner system " + clientId + " is withdrawn");
            assertThat(page.locator("body").innerText()).doesNotContain("Case management (" + tenant + ")");
            WebSite.assertAccessible(page, "a partner system withdrawn");
        }
        assertThat(integrations(seeds.admin(tenant))).doesNotContain(clientId);
        assertThatThrownBy(() -> TestKeycloak.clientToken(clientId, secret))
                .as("a withdrawn system gets no token")
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kent", "cumbria"})
    void the_councils_own_sign_in_is_linked_after_each_problem_is_named(String seed) {
        // A copy, with its own email domain: a provider linked to the seed's own domain would send
        // every other test's people of that domain to a sign-in that does not exist.
        String tenant = seeds.openCopy(seed);
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.navigate(site.url("/" + tenant + "/admin"));
            page.click("a:has-text('Sign-in')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Sign-in with the council's own accounts");
            assertThat(page.locator("#no-links").innerText()).contains("No council sign-in is linked yet");
            assertThat(page.locator("#redirect-uri-template").innerText())
                    .isEqualTo(TestKeycloak.platformProperties().get("trust.oidc.issuer") + "/broker/{alias}/endpoint");
            WebSite.assertAccessible(page, "the council's sign-in");

            page.fill("#alias", "Not An Alias");
            page.fill("#displayName", "Council staff");
            page.fill("#issuer", "http://login.example/v2.0");
            page.fill("#authorizationUrl", "https://login.example/authorize");
            page.fill("#tokenUrl", "https://login.example/token");
            page.fill("#clientId", "trust-platform");
            page.click("button:has-text('Link the council')");
            assertThat(page.title()).startsWith("Error: Sign-in with the council's own accounts");
            assertThat(page.locator(".govuk-error-summary li").allInnerTexts())
                    .containsExactly(
                            "Use 3 to 40 lower-case letters, digits and hyphens, such as medway-entra.",
                            "Enter the issuer as an https:// address.",
                            "Enter the client secret.");
            assertThat(page.locator("#alias").inputValue()).isEqualTo("Not An Alias");
            WebSite.assertAccessible(page, "a link with problems");

            page.fill("#alias", tenant + "-entra");
            page.fill("#issuer", "https://login.example/v2.0");
            page.fill("#clientSecret", "from-the-council");
            page.click("button:has-text('Link the council')");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The council's sign-in " + tenant + "-entra is linked");
            assertThat(page.locator("#links").innerText())
                    .contains(
                            "Council staff",
                            tenant + "-entra",
                            tenant + ".example",
                            "/broker/" + tenant + "-entra/endpoint");
            WebSite.assertAccessible(page, "a council sign-in linked");
            WebSite.screenshot(page, "admin-council-sign-in-" + seed);

            page.fill("#alias", tenant + "-entra");
            page.fill("#displayName", "Again");
            page.fill("#issuer", "https://login.example/v2.0");
            page.fill("#authorizationUrl", "https://login.example/authorize");
            page.fill("#tokenUrl", "https://login.example/token");
            page.fill("#clientId", "trust-platform");
            page.fill("#clientSecret", "again");
            page.click("button:has-text('Link the council')");
            assertThat(page.locator("#alias-error").innerText()).contains("already linked as " + tenant + "-entra");
        }
        String organisation = TestKeycloak.realm()
                .organizations()
                .searchByAttribute("trust.tenant:" + tenant)
                .getFirst()
                .getId();
        List<IdentityProviderRepresentation> providers = TestKeycloak.realm()
                .organizations()
                .get(organisation)
                .identityProviders()
                .getIdentityProviders();
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider.getAlias()).isEqualTo(tenant + "-entra");
            assertThat(provider.getDisplayName()).isEqualTo("Council staff");
            assertThat(provider.getConfig()).containsEntry("kc.org.domain", tenant + ".example");
        });
    }

    private record Agency(UUID id, String name) {}

    /** A new agency of the partnership; its name is the one given with the seeds' own suffix. */
    private Agency agency(String tenant, String name) {
        UUID id = seeds.agency(tenant, name);
        String named = seeds.admin(tenant)
                .query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
                        Map.of("id", GlobalId.encode("PartnerOrganisation", id)))
                .data()
                .path("node")
                .path("name")
                .asText();
        return new Agency(id, named);
    }

    /** The partnership's draft documents, every kind's, counted from the API. */
    private static int drafts(ApiCaller admin) {
        JsonNode data = admin.query("""
                        {
                          standardsFrameworks { edges { node { status } } }
                          strategies { edges { node { status } } }
                          actionPlanTemplates { edges { node { status } } }
                          charters { edges { node { status } } }
                          pledges { edges { node { status } } }
                          guidance { edges { node { status } } }
                          vocabularies { status }
                        }""").data();
        long documents = data.valueStream()
                .flatMap(kind -> kind.has("edges")
                        ? kind.path("edges").valueStream().map(edge -> edge.path("node"))
                        : Stream.of(kind))
                .filter(document -> document.path("status").asText().equals("DRAFT"))
                .count();
        return (int) documents;
    }

    private static String registered(ApiCaller admin, UUID agency, String name) {
        return admin.mutate(
                        "registerPartnerIntegration",
                        "RegisterPartnerIntegrationInput",
                        Map.of("partnerOrganisationId", GlobalId.encode("PartnerOrganisation", agency), "name", name),
                        "clientId")
                .path("clientId")
                .asText();
    }

    private static List<String> integrations(ApiCaller admin) {
        return admin.query("{ partnerIntegrations { clientId } }")
                .data()
                .path("partnerIntegrations")
                .valueStream()
                .map(integration -> integration.path("clientId").asText())
                .toList();
    }
}
