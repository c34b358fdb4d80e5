package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.MemberJourneys.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.WebSite;

/**
 * The pledge register as the board keeps it, in Chromium with JavaScript off, through Keycloak's
 * own sign-in page, on two seed partnerships that publish a pledge (a copy of Luton, with its own
 * safeguarding pledge; a copy of Medway, with the nine-standard starter kit's): the tenant admin
 * invites an agency, its partner lead signs, the admin registers it and sees its badge, records a
 * renewal and a withdrawal (refused without a reason), and the agency's history keeps each
 * registration, as the API's pledgeRegistrations say; a decision on a version someone else
 * replaced; a board member reads the register and downloads it and the plans, but is offered none
 * of the admin's actions; a partner lead and another partnership's board find no page and no
 * file; a partnership without a published pledge says so.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPledgeRegisterJourneyIT implements TestPropertyProvider {

    private static final String KIT = "nine-standard-safeguarding-pledge";

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    /** Copies, so that each register holds only this test's agencies. */
    private String luton;

    private String medway;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsThatPublishAPledge() {
        seeds = new SeedPartnerships(server);
        luton = seeds.openCopy("luton");
        medway = seeds.openCopy("medway");
        seeds.publishStarterKit(seeds.admin(medway), KIT);
    }

    @AfterAll
    void howManyChecks() {
        System.out.println("BoardPledgeRegisterJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore)
                + " pages and error states");
    }

    /** A new agency of the partnership, its name as registered, and its partner lead. */
    private record Agency(UUID id, String name, Person lead) {

        String globalId() {
            return GlobalId.encode("PartnerOrganisation", id);
        }
    }

    private Agency agency(String tenant, ApiCaller admin, String name) {
        UUID id = seeds.agency(tenant, name);
        String named = admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
                        Map.of("id", GlobalId.encode("PartnerOrganisation", id)))
                .data()
                .path("node")
                .path("name")
                .asText();
        return new Agency(id, named, seeds.person("lead", tenant, id, Role.PARTNER_LEAD));
    }

    @Test
    void the_admin_invites_registers_renews_and_withdraws_and_the_history_keeps_each_registration_in_luton() {
        keepTheRegister(luton, "THE LUTON ‘SAFEGUARDING CHILDREN’ PLEDGE", true);
    }

    @Test
    void the_admin_invites_registers_renews_and_withdraws_and_the_history_keeps_each_registration_in_medway() {
        keepTheRegister(medway, "The ‘Safeguarding Children’ Pledge", false);
    }

    private void keepTheRegister(String tenant, String pledgeWords, boolean screenshots) {
        Person admin = seeds.person("admin", tenant, null, Role.TENANT_ADMIN);
        ApiCaller adminApi = MemberJourneys.api(server, admin);
        Agency scouts = agency(tenant, adminApi, "Scout Group");
        Agency club = agency(tenant, adminApi, "Boxing Club");

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, tenant, admin.username(), admin.password());
            page.click(".govuk-service-navigation__link:has-text('Pledges')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Pledge register");
            assertThat(page.locator("[aria-current=page]").innerText()).isEqualTo("Pledges");
            assertThat(page.locator("main").innerText()).contains(pledgeWords);
            assertThat(rowOf(page, scouts).innerText()).contains("Not invited");
            assertThat(rowOf(page, club).innerText()).contains("Not invited");
            WebSite.assertAccessible(page, "the board's pledge register");
            if (screenshots) {
                WebSite.screenshot(page, "board-pledges");
            }

            page.selectOption("#status", "NOT_INVITED");
            WebSite.loadedBy(page, () -> page.click("button:has-text('Show agencies')"));
            assertThat(page.url()).contains("status=NOT_INVITED");
            assertThat(page.locator("tbody").innerText()).contains(scouts.name(), club.name());
            WebSite.assertAccessible(page, "the register filtered by status");

            rowOf(page, scouts).locator("a").first().click();
            assertThat(page.locator("h1").innerText()).isEqualTo(scouts.name());
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Not invited");
            assertThat(page.locator("main").innerText()).contains("The organisation has had no pledge registration.");
            WebSite.assertAccessible(page, "an agency never invited");

            submit(page, "Invite the organisation");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The organisation is invited to sign the pledge");
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Invited");
            WebSite.assertAccessible(page, "an agency invited");
            assertThat(pledgeOf(adminApi, scouts).path("status").asText()).isEqualTo("INVITED");

            JsonNode invited = pledgeOf(adminApi, scouts);
            signs(MemberJourneys.api(server, scouts.lead()), "signPledge", invited, "Asha Patel", "Group Scout Leader");
            page.reload();
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Signed");
            assertThat(page.locator(".govuk-summary-list").first().innerText())
                    .contains("Asha Patel, Group Scout Leader");
            WebSite.assertAccessible(page, "a signed pledge waiting to be registered");

            submit(page, "Register the pledge and issue its badge");
            assertThat(page.locator("h1").innerText()).isEqualTo("Pledge registered");
            JsonNode registered = pledgeOf(adminApi, scouts);
            assertThat(registered.path("status").asText()).isEqualTo("REGISTERED");
            JsonNode badge = registered.path("badge");
            assertThat(page.locator("#badge-code").innerText())
                    .isEqualTo(badge.path("code").asText());
            assertThat(page.locator("main img").getAttribute("src"))
                    .isEqualTo(badge.path("imageUrl").asText());
            assertThat(page.locator("#verification").getAttribute("href"))
                    .isEqualTo(badge.path("verificationUrl").asText());
            assertThat(page.locator("main").innerText())
                    .contains("due for renewal by "
                            + Dates.day(TestCalendar.today().plusMonths(12)));
            assertThat(page.request().get(badge.path("imageUrl").asText()).status())
                    .isEqualTo(200);
            WebSite.assertAccessible(page, "a registered pledge and its badge");
            if (screenshots) {
                WebSite.screenshot(page, "board-pledge-registered");
            }

            page.click("text=Back to the organisation's pledge");
            page.click("text=Record a renewal");
            assertThat(page.locator("h1").innerText()).isEqualTo("Record a renewal");
            WebSite.assertAccessible(page, "recording a renewal");
            Response empty = submit(page, "Record the renewal");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Record a renewal");
            assertThat(page.locator("#signedOn-error").innerText()).contains("Enter the date of signing");
            WebSite.assertAccessible(page, "a renewal without its signature block");
            page.fill("#signatory", "Sam Okoro");
            page.fill("#postHeld", "District Commissioner");
            page.fill("#onBehalfOf", scouts.name());
            fillDate(page, "signedOn", TestCalendar.today());
            submit(page, "Record the renewal");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The renewal is recorded");
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Registered");
            assertThat(pledgeOf(adminApi, scouts).path("signatory").asText()).isEqualTo("Sam Okoro");

            page.click("text=Record a withdrawal");
            assertThat(page.locator("h1").innerText()).isEqualTo("Record a withdrawal");
            WebSite.assertAccessible(page, "recording a withdrawal");
            Response noReason = submit(page, "Record the withdrawal");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(page.locator("#reason-error").innerText()).contains("Say why the pledge is withdrawn");
            WebSite.assertAccessible(page, "a withdrawal without its reason");
            if (screenshots) {
                WebSite.screenshot(page, "board-pledge-withdraw-without-reason");
            }
            page.fill("#reason", "The group has merged with another district.");
            submit(page, "Record the withdrawal");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The withdrawal is recorded");
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Withdrawn");
            WebSite.assertAccessible(page, "a withdrawn pledge");

            submit(page, "Invite the organisation");
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Invited");
            List<String> history = page.locator("#history + table tbody tr").allInnerTexts();
            assertThat(history).hasSize(2);
            assertThat(history.get(0)).contains("Invited");
            assertThat(history.get(1))
                    .contains(
                            "Withdrawn",
                            "Sam Okoro",
                            Dates.day(TestCalendar.today()),
                            "The group has merged with another district.");
            WebSite.assertAccessible(page, "an agency's pledge history");
            if (screenshots) {
                WebSite.screenshot(page, "board-pledge-history");
            }
            List<JsonNode> fromTheApi = registrationsOf(adminApi, scouts);
            assertThat(fromTheApi.stream().map(node -> node.path("status").asText()))
                    .containsExactly("INVITED", "WITHDRAWN");
            assertThat(fromTheApi.get(1).path("withdrawnReason").asText())
                    .isEqualTo("The group has merged with another district.");

            page.click("text=Back to the pledge register");
            assertThat(rowOf(page, scouts).innerText()).contains("Invited");
            assertThat(rowOf(page, club).innerText()).contains("Not invited");
        }
    }

    @Test
    void a_decision_on_a_pledge_someone_else_changed_first_shows_who_did_and_changes_nothing() {
        Person admin = seeds.person("admin", medway, null, Role.TENANT_ADMIN);
        ApiCaller adminApi = MemberJourneys.api(server, admin);
        Agency trust = agency(medway, adminApi, "Sports Trust");
        Agency hub = agency(medway, adminApi, "Music Hub");
        MemberJourneys.registeredPledge(
                server,
                adminApi,
                hub.globalId(),
                hub.lead(),
                TestCalendar.today().minusMonths(2));
        ok(
                adminApi,
                "invitePartnerToPledge",
                "InvitePartnerToPledgeInput",
                Map.of("partnerOrganisationId", trust.globalId()),
                "pledgeRegistration { id }");
        JsonNode invited = pledgeOf(adminApi, trust);
        ApiCaller trustLead = MemberJourneys.api(server, trust.lead());
        signs(trustLead, "signPledge", invited, "Jo Lead", "Director");

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway, admin.username(), admin.password());
            page.navigate(site.url(BoardPledgePages.agencyHref(medway, trust.globalId())));
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Signed");
            JsonNode signed = pledgeOf(adminApi, trust);
            ok(
                    trustLead,
                    "withdrawPledge",
                    "PledgeTransitionInput",
                    Map.of(
                            "id", signed.path("id").asText(),
                            "version", signed.path("version").asInt(),
                            "reason", "Signed by mistake"),
                    "pledgeRegistration { id }");
            Response late = submit(page, "Register the pledge and issue its badge");
            assertThat(late.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("changed this pledge after you opened it: it is now withdrawn");
            assertThat(page.locator("#conflict").innerText()).contains("Status", "Withdrawn", "Registered");
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Withdrawn");
            WebSite.assertAccessible(page, "registering a pledge withdrawn meanwhile");
            WebSite.screenshot(page, "board-pledge-conflict");
            assertThat(pledgeOf(adminApi, trust).path("status").asText()).isEqualTo("WITHDRAWN");

            page.navigate(site.url(BoardPledgePages.agencyHref(medway, hub.globalId()) + "/renew"));
            page.fill("#signatory", "Kim Typed");
            page.fill("#postHeld", "Head of Music");
            page.fill("#onBehalfOf", hub.name());
            fillDate(page, "signedOn", TestCalendar.today());
            JsonNode current = pledgeOf(adminApi, hub);
            signs(MemberJourneys.api(server, hub.lead()), "renewPledge", current, "Lee Renewed", "Director");
            Response stale = submit(page, "Record the renewal");
            assertThat(stale.status()).isEqualTo(400);
            assertThat(page.locator("#conflict").innerText()).contains("Lee Renewed", "Kim Typed");
            assertThat(page.locator("#signatory").inputValue())
                    .as("kept as typed")
                    .isEqualTo("Kim Typed");
            WebSite.assertAccessible(page, "a renewal recorded on a version renewed meanwhile");
            assertThat(pledgeOf(adminApi, hub).path("signatory").asText()).isEqualTo("Lee Renewed");
        }
    }

    @Test
    void a_board_member_reads_the_register_and_downloads_it_and_the_plans_but_is_offered_no_admin_action()
            throws IOException {
        ApiCaller adminApi = seeds.admin(luton);
        Agency foodbank = agency(luton, adminApi, "Foodbank");
        MemberJourneys.registeredPledge(
                server,
                adminApi,
                foodbank.globalId(),
                foodbank.lead(),
                TestCalendar.today().minusMonths(1));
        Person board = seeds.person("board", luton, null, Role.BOARD_MEMBER);
        ApiCaller boardApi = MemberJourneys.api(server, board);
        int registrations = boardApi.query("{ pledgeRegistrations(first: 100) { edges { node { id } } } }")
                .data()
                .path("pledgeRegistrations")
                .path("edges")
                .size();

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, luton, board.username(), board.password());
            page.click(".govuk-service-navigation__link:has-text('Pledges')");
            String badge =
                    pledgeOf(adminApi, foodbank).path("badge").path("code").asText();
            assertThat(rowOf(page, foodbank).innerText()).contains("Registered", badge);
            assertThat(page.locator("main").innerText())
                    .contains("The partnership's admin invites agencies, registers signed pledges");
            WebSite.assertAccessible(page, "the register as a board member reads it");

            APIResponse csv = page.request()
                    .get(site.url(
                            page.locator("a:has-text('Pledge register (CSV)')").getAttribute("href")));
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.headers().get("content-type")).startsWith("text/csv");
            assertThat(csv.headers().get("content-disposition")).contains("pledge-register.csv");
            List<CSVRecord> rows = csvRows(csv.body());
            assertThat(rows).hasSize(registrations);
            assertThat(rows)
                    .anySatisfy(row -> assertThat(row.get("Organisation")).isEqualTo(foodbank.name()))
                    .anySatisfy(row -> assertThat(row.get("Status")).isEqualTo("REGISTERED"));

            APIResponse xlsx = page.request()
                    .get(site.url(
                            page.locator("a:has-text('Pledge register (Excel')").getAttribute("href")));
            assertThat(xlsx.status()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = workbook.getSheet("Pledge register");
                assertThat(sheet.getLastRowNum()).isEqualTo(registrations);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Organisation");
            }

            rowOf(page, foodbank).locator("a").first().click();
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Registered");
            assertThat(page.locator("main form button").count())
                    .as("no decision offered")
                    .isZero();
            assertThat(page.locator("main").innerText()).doesNotContain("Record a withdrawal", "Record a renewal");
            WebSite.assertAccessible(page, "an agency's pledge as a board member reads it");
            for (String step : List.of("/renew", "/withdraw", "/sign")) {
                Response refused =
                        page.navigate(site.url(BoardPledgePages.agencyHref(luton, foodbank.globalId()) + step));
                assertThat(refused.status()).as(step).isEqualTo(404);
            }
            page.navigate(site.url(BoardPledgePages.agencyHref(luton, foodbank.globalId())));
            JsonNode before = pledgeOf(adminApi, foodbank);
            APIResponse withdrawal = MemberJourneys.post(
                    page,
                    site.url(BoardPledgePages.agencyHref(luton, foodbank.globalId()) + "/withdraw"),
                    Map.of(
                            "_csrf", MemberJourneys.csrf(page),
                            "id", before.path("id").asText(),
                            "version", before.path("version").asText(),
                            "reason", "Not the board's to withdraw"));
            assertThat(withdrawal.status()).as("the API refuses a board member").isEqualTo(404);
            assertThat(pledgeOf(adminApi, foodbank).path("status").asText()).isEqualTo("REGISTERED");

            page.navigate(site.url("/" + luton + "/plans"));
            APIResponse plans = page.request()
                    .get(site.url(
                            page.locator("a:has-text('Action plans (CSV)')").getAttribute("href")));
            assertThat(plans.status()).isEqualTo(200);
            assertThat(new String(plans.body(), StandardCharsets.UTF_8)).contains("Organisation,Period start");
            APIResponse plansXlsx = page.request()
                    .get(site.url(
                            page.locator("a:has-text('Action plans (Excel')").getAttribute("href")));
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(plansXlsx.body()))) {
                assertThat(workbook.getSheet("Action plans")).isNotNull();
            }
            WebSite.assertAccessible(page, "the plans with their downloads");
        }
    }

    @Test
    void a_partner_lead_and_another_partnerships_board_find_no_register_and_no_file() {
        ApiCaller adminApi = seeds.admin(luton);
        Agency theatre = agency(luton, adminApi, "Youth Theatre");
        Person otherBoard = seeds.person("board", medway, null, Role.BOARD_MEMBER);
        List<String> addresses = List.of(
                "/" + luton + "/board/pledges",
                BoardPledgePages.agencyHref(luton, theatre.globalId()),
                BoardDownloads.href(luton, "pledge-register.csv"),
                BoardDownloads.href(luton, "pledge-register.xlsx"),
                BoardDownloads.href(luton, "action-plans.csv"));
        List<Person> strangers = List.of(theatre.lead(), otherBoard);
        List<String> tenants = List.of(luton, medway);
        for (int i = 0; i < strangers.size(); i++) {
            try (BrowserContext browser = site.browser()) {
                Page page = browser.newPage();
                site.signIn(
                        page,
                        tenants.get(i),
                        strangers.get(i).username(),
                        strangers.get(i).password());
                for (String address : addresses) {
                    APIResponse file = page.request().get(site.url(address));
                    assertThat(file.status()).as(address).isEqualTo(404);
                    assertThat(file.headers().get("content-type")).as(address).startsWith("text/html");
                }
                page.navigate(site.url(BoardDownloads.href(luton, "pledge-register.csv")));
                assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
                WebSite.assertAccessible(page, "a download the visitor may not have, not found");
            }
        }
        Person board = seeds.person("board", luton, null, Role.BOARD_MEMBER);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, luton, board.username(), board.password());
            assertThat(page.request()
                            .get(site.url(BoardDownloads.href(luton, "partners.csv")))
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void a_partnership_without_a_published_pledge_says_so_and_offers_no_invitation() {
        String kent = seeds.openCopy("kent");
        Person admin = seeds.person("admin", kent, null, Role.TENANT_ADMIN);
        Agency library = agency(kent, MemberJourneys.api(server, admin), "Library Service");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, kent, admin.username(), admin.password());
            page.navigate(site.url("/" + kent + "/board/pledges"));
            assertThat(page.locator(".govuk-warning-text").innerText())
                    .contains("The partnership has not published a pledge", "nine-standard safeguarding pledge");
            assertThat(rowOf(page, library).innerText()).contains("Not invited");
            WebSite.assertAccessible(page, "a register without a published pledge");
            rowOf(page, library).locator("a").first().click();
            assertThat(page.locator("main").innerText())
                    .contains("The partnership has not published a pledge, so the organisation cannot be invited");
            assertThat(page.locator("button:has-text('Invite')").count()).isZero();
            WebSite.assertAccessible(page, "an agency's pledge without a published pledge");
        }
    }

    /** The partner lead signs the registration ({@code signPledge}) or signs it again ({@code renewPledge}) today. */
    private static void signs(ApiCaller lead, String mutation, JsonNode registration, String signatory, String post) {
        ok(
                lead,
                mutation,
                "SignPledgeInput",
                Map.of(
                        "id",
                        registration.path("id").asText(),
                        "version",
                        registration.path("version").asInt(),
                        "signatory",
                        signatory,
                        "postHeld",
                        post,
                        "onBehalfOf",
                        "The agency",
                        "signedOn",
                        TestCalendar.today().toString()),
                "pledgeRegistration { id }");
    }

    private static com.microsoft.playwright.Locator rowOf(Page page, Agency agency) {
        return page.locator("tbody tr", new Page.LocatorOptions().setHasText(agency.name()));
    }

    private static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:has-text('" + button + "')"));
    }

    private static void fillDate(Page page, String name, LocalDate day) {
        page.fill("#" + name + "-day", String.valueOf(day.getDayOfMonth()));
        page.fill("#" + name + "-month", String.valueOf(day.getMonthValue()));
        page.fill("#" + name + "-year", String.valueOf(day.getYear()));
    }

    private static List<CSVRecord> csvRows(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    private static JsonNode pledgeOf(ApiCaller caller, Agency agency) {
        return caller.query("""
                        query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { pledge {
                          id status version signatory badge { code imageUrl verificationUrl } } } } }""", Map.of("id", agency.globalId()))
                .data()
                .path("node")
                .path("pledge");
    }

    /** The agency's registrations as the API's register lists them, newest invitation first. */
    private static List<JsonNode> registrationsOf(ApiCaller caller, Agency agency) {
        List<JsonNode> registrations = new ArrayList<>();
        caller.query("{ pledgeRegistrations(first: 100) { edges { node { status withdrawnReason"
                        + " partnerOrganisation { id } } } } }")
                .data()
                .path("pledgeRegistrations")
                .path("edges")
                .forEach(edge -> {
                    if (edge.path("node")
                            .path("partnerOrganisation")
                            .path("id")
                            .asText()
                            .equals(agency.globalId())) {
                        registrations.add(edge.path("node"));
                    }
                });
        return registrations;
    }
}
