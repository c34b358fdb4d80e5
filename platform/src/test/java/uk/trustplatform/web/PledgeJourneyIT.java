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
import java.time.LocalDate;
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
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.WebSite;

/**
 * The pledge in Chromium with JavaScript off, through Keycloak's own sign-in page, on two seed
 * partnerships whose definitions publish one (Luton its own safeguarding pledge, Medway the
 * nine-standard starter kit's): reading it, signing its signature block, the badge once
 * registered, renewal when due, a lapsed and a withdrawn pledge, each state as a tag; another
 * agency's pledge as not found, and a form without its token refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PledgeJourneyIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private ApiCaller lutonAdmin;
    /** A copy of Medway whose admin has published the safeguarding pledge kit: Medway writes no pledge of its own. */
    private String medway;

    private ApiCaller medwayAdmin;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsWithPledges() {
        seeds = new SeedPartnerships(server);
        seeds.open("luton");
        medway = seeds.openCopy("medway");
        lutonAdmin = seeds.admin("luton");
        medwayAdmin = seeds.admin(medway);
        seeds.publishStarterKit(medwayAdmin, "nine-standard-safeguarding-pledge");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println(
                "PledgeJourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore) + " pages and error states");
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
    void a_partner_lead_reads_the_pledge_signs_its_signature_block_and_downloads_the_badge_once_registered() {
        Agency scouts = agency("luton", "Luton Scouts");
        invite(lutonAdmin, scouts);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", scouts.lead().username(), scouts.lead().password());
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Invited");

            page.click("text=The pledge");
            assertThat(page.locator("h1").innerText()).isEqualTo("Our pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Invited");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "THE LUTON ‘SAFEGUARDING CHILDREN’ PLEDGE",
                            "I agree to ensure that the following 9 Standards are promoted and delivered",
                            "All partner organisations have a strategic lead person appointed");
            WebSite.assertAccessible(page, "an invited agency's pledge");
            WebSite.screenshot(page, "pledge-invited");

            page.click("text=Sign the pledge");
            assertThat(page.locator("label[for=signatory]").innerText()).isEqualTo("Signed");
            assertThat(page.locator("label[for=postHeld]").innerText()).isEqualTo("Post Held");
            assertThat(page.locator("label[for=onBehalfOf]").innerText()).isEqualTo("Organisation");
            assertThat(page.locator("fieldset legend").innerText()).isEqualTo("Date");
            WebSite.assertAccessible(page, "the pledge's signature block");
            WebSite.screenshot(page, "pledge-sign");

            Response noDate = submit(page, "Sign the pledge");
            assertThat(noDate.status()).isEqualTo(400);
            assertThat(page.locator("#signedOn-error").innerText()).contains("Enter the date of signing");
            WebSite.assertAccessible(page, "a signature without its date");

            fillDate(page, "signedOn", "30", "2", "2026");
            page.fill("#postHeld", "Group Scout Leader");
            Response impossible = submit(page, "Sign the pledge");
            assertThat(impossible.status()).isEqualTo(400);
            assertThat(page.locator("#signedOn-error").innerText()).contains("The date of signing must be a real date");
            assertThat(page.locator("#postHeld").inputValue()).isEqualTo("Group Scout Leader");
            WebSite.assertAccessible(page, "a signature with an impossible date");

            LocalDate tomorrow = TestCalendar.today().plusDays(1);
            fillDate(page, "signedOn", tomorrow);
            Response refused = submit(page, "Sign the pledge");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("The signatory must not be empty.", "A pledge is signed today or earlier.");
            WebSite.assertAccessible(page, "a signature refused");
            WebSite.screenshot(page, "pledge-sign-refused");

            page.fill("#signatory", "Asha Patel");
            page.fill("#onBehalfOf", "1st Luton Scout Group");
            fillDate(page, "signedOn", TestCalendar.today());
            submit(page, "Sign the pledge");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("You have signed the pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Signed");
            assertThat(page.locator(".govuk-summary-list").innerText())
                    .contains("Signed", "Asha Patel", "Post Held", "Group Scout Leader", "1st Luton Scout Group");
            WebSite.assertAccessible(page, "a signed pledge");

            JsonNode signed = pledgeOf(lutonAdmin, scouts);
            ok(
                    lutonAdmin,
                    "registerPledge",
                    "PledgeTransitionInput",
                    Map.of(
                            "id",
                            signed.path("id").asText(),
                            "version",
                            signed.path("version").asInt()),
                    "pledgeRegistration { status }");
            page.reload();
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Registered");
            String code =
                    pledgeOf(lutonAdmin, scouts).path("badge").path("code").asText();
            String badge = page.locator("a:has-text('Download the badge')").getAttribute("href");
            assertThat(badge).isEqualTo(site.url("/pledges/luton/" + code + "/badge.svg"));
            assertThat(page.locator("main img").getAttribute("src")).isEqualTo(badge);
            assertThat(page.locator(".govuk-summary-list").innerText())
                    .contains("Renewal due", day(TestCalendar.today().plusMonths(12)));
            APIResponse svg = page.request().get(badge);
            assertThat(svg.status()).isEqualTo(200);
            assertThat(svg.headers().get("content-type")).startsWith("image/svg+xml");
            assertThat(svg.text()).contains("Luton Scouts", "Luton Safeguarding Children Partnership");
            WebSite.assertAccessible(page, "a registered pledge with its badge");
            WebSite.screenshot(page, "pledge-registered");

            page.navigate(site.url("/luton/start"));
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Registered");
        }
        assertThat(pledgeOf(lutonAdmin, scouts).path("signatory").asText()).isEqualTo("Asha Patel");
        assertThat(pledgeOf(lutonAdmin, scouts).path("postHeld").asText()).isEqualTo("Group Scout Leader");
        assertThat(pledgeOf(lutonAdmin, scouts).path("signedOn").asText())
                .isEqualTo(TestCalendar.today().toString());
    }

    @Test
    void renewal_due_lapsed_withdrawn_and_not_invited_each_show_their_tag_and_a_pledge_due_is_renewed() {
        Agency dueForRenewal = agency(medway, "Medway Sports Trust");
        Agency lapsed = agency(medway, "Medway Music Hub");
        Agency withdrawing = agency(medway, "Medway Dance Academy");
        Agency notInvited = agency(medway, "Medway Chess Club");
        MemberJourneys.registeredPledge(
                server,
                medwayAdmin,
                dueForRenewal.globalId(),
                dueForRenewal.lead(),
                TestCalendar.today().minusMonths(11));
        MemberJourneys.registeredPledge(
                server,
                medwayAdmin,
                lapsed.globalId(),
                lapsed.lead(),
                TestCalendar.today().minusMonths(13));
        invite(medwayAdmin, withdrawing);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    medway,
                    dueForRenewal.lead().username(),
                    dueForRenewal.lead().password());
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Renewal due");
            page.click("text=The pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Renewal due");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Renew the pledge by "
                            + day(TestCalendar.today().minusMonths(11).plusMonths(12)));
            WebSite.assertAccessible(page, "a pledge due for renewal");
            WebSite.screenshot(page, "pledge-renewal-due");
            page.click("a:has-text('Renew the pledge')");
            assertThat(page.locator("h1").innerText()).isEqualTo("Renew the pledge");
            WebSite.assertAccessible(page, "renewing the pledge");
            page.fill("#signatory", "Sam Okoro");
            page.fill("#postHeld", "Chief Executive");
            page.fill("#onBehalfOf", "Medway Sports Trust");
            fillDate(page, "signedOn", TestCalendar.today());
            submit(page, "Renew the pledge");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("You have renewed the pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Registered");
            assertThat(page.locator(".govuk-summary-list").innerText())
                    .contains("Renewal due", day(TestCalendar.today().plusMonths(12)));
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway, lapsed.lead().username(), lapsed.lead().password());
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Lapsed");
            page.click("text=The pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Lapsed");
            assertThat(page.locator("main").innerText())
                    .contains("The pledge lapsed on", "Ask the partnership to invite");
            assertThat(page.locator("a:has-text('Download the badge')").count()).isZero();
            WebSite.assertAccessible(page, "a lapsed pledge");
            WebSite.screenshot(page, "pledge-lapsed");
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    medway,
                    withdrawing.lead().username(),
                    withdrawing.lead().password());
            page.navigate(site.url("/" + medway + "/pledge"));
            page.click("text=Withdraw the pledge");
            WebSite.assertAccessible(page, "withdrawing the pledge");
            Response noReason = submit(page, "Withdraw the pledge");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(page.locator("#reason-error").innerText()).contains("Say why the pledge is withdrawn");
            WebSite.assertAccessible(page, "a withdrawal without its reason");
            page.fill("#reason", "The academy is closing at the end of term.");
            submit(page, "Withdraw the pledge");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("You have withdrawn the pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Withdrawn");
            assertThat(page.locator("main").innerText()).contains("The academy is closing at the end of term.");
            WebSite.assertAccessible(page, "a withdrawn pledge");
        }
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    medway,
                    notInvited.lead().username(),
                    notInvited.lead().password());
            assertThat(page.locator("#pledge-status").innerText()).isEqualTo("Not invited yet");
            page.click("text=The pledge");
            assertThat(page.locator("main .govuk-tag").first().innerText()).isEqualTo("Not invited");
            assertThat(page.locator("main").innerText()).contains("I agree to ensure that the following 9 Standards");
            WebSite.assertAccessible(page, "a pledge the agency has not been invited to sign");
        }
        JsonNode renewed = pledgeOf(medwayAdmin, dueForRenewal);
        assertThat(renewed.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(renewed.path("renewalDueOn").asText())
                .isEqualTo(TestCalendar.today().plusMonths(12).toString());
        assertThat(pledgeOf(medwayAdmin, withdrawing).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void another_agencys_pledge_is_not_found_and_posting_to_it_changes_nothing() {
        Agency ours = agency("luton", "Luton Youth Football League");
        Agency theirs = agency("luton", "Luton Foodbank");
        Agency elsewhere = agency(medway, "Medway Swimming Club");
        invite(lutonAdmin, ours);
        invite(lutonAdmin, theirs);
        invite(medwayAdmin, elsewhere);
        JsonNode their = pledgeOf(lutonAdmin, theirs);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", ours.lead().username(), ours.lead().password());
            String token = MemberJourneys.csrf(page);
            Map<String, String> signature = Map.of(
                    "_csrf", token,
                    "id", their.path("id").asText(),
                    "version", "0",
                    "signatory", "Not theirs to sign",
                    "postHeld", "Nobody",
                    "onBehalfOf", "Luton Foodbank",
                    "signedOn-day", "1",
                    "signedOn-month", "1",
                    "signedOn-year", "2025");
            for (String step : List.of("sign", "renew")) {
                assertThat(MemberJourneys.post(page, site.url("/luton/pledge/" + step), signature)
                                .status())
                        .as(step)
                        .isEqualTo(404);
            }
            assertThat(MemberJourneys.post(
                                    page,
                                    site.url("/luton/pledge/withdraw"),
                                    Map.of(
                                            "_csrf",
                                            token,
                                            "id",
                                            their.path("id").asText(),
                                            "version",
                                            "0",
                                            "reason",
                                            "Not ours"))
                            .status())
                    .isEqualTo(404);
            for (String path : List.of(
                    "/" + medway + "/pledge", "/" + medway + "/pledge/sign", "/" + medway + "/pledge/withdraw")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
            }
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            WebSite.assertAccessible(page, "another partnership's pledge, not found");
            assertThat(MemberJourneys.post(page, site.url("/" + medway + "/pledge/sign"), signature)
                            .status())
                    .isEqualTo(404);
        }
        assertThat(pledgeOf(lutonAdmin, theirs).path("status").asText()).isEqualTo("INVITED");
        assertThat(pledgeOf(lutonAdmin, theirs).path("signatory").isNull()).isTrue();
        assertThat(pledgeOf(lutonAdmin, ours).path("status").asText())
                .as("nor its own")
                .isEqualTo("INVITED");
        assertThat(pledgeOf(medwayAdmin, elsewhere).path("status").asText()).isEqualTo("INVITED");
    }

    @Test
    void a_form_without_its_token_is_refused_and_changes_nothing() {
        Agency hospice = agency("luton", "Luton Children's Hospice");
        invite(lutonAdmin, hospice);
        JsonNode invited = pledgeOf(lutonAdmin, hospice);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", hospice.lead().username(), hospice.lead().password());
            APIResponse refused = MemberJourneys.post(
                    page,
                    site.url("/luton/pledge/sign"),
                    Map.of(
                            "id", invited.path("id").asText(),
                            "version", "0",
                            "signatory", "Without a token",
                            "postHeld", "Director",
                            "onBehalfOf", "Luton Children's Hospice",
                            "signedOn-day", "1",
                            "signedOn-month", "1",
                            "signedOn-year", "2025"));
            assertThat(refused.status()).isEqualTo(403);
        }
        assertThat(pledgeOf(lutonAdmin, hospice).path("status").asText()).isEqualTo("INVITED");
    }

    private static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:has-text('" + button + "')"));
    }

    private static void fillDate(Page page, String name, LocalDate day) {
        fillDate(
                page,
                name,
                String.valueOf(day.getDayOfMonth()),
                String.valueOf(day.getMonthValue()),
                String.valueOf(day.getYear()));
    }

    private static void fillDate(Page page, String name, String day, String month, String year) {
        page.fill("#" + name + "-day", day);
        page.fill("#" + name + "-month", month);
        page.fill("#" + name + "-year", year);
    }

    private static String day(LocalDate date) {
        return Dates.day(date);
    }

    private static void invite(ApiCaller admin, Agency agency) {
        ok(
                admin,
                "invitePartnerToPledge",
                "InvitePartnerToPledgeInput",
                Map.of("partnerOrganisationId", agency.globalId()),
                "pledgeRegistration { id }");
    }

    private static JsonNode pledgeOf(ApiCaller admin, Agency agency) {
        return admin.query("""
                        query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { pledge {
                          id status version signatory postHeld onBehalfOf signedOn renewalDueOn
                          badge { code imageUrl } } } } }""", Map.of("id", agency.globalId()))
                .data()
                .path("node")
                .path("pledge");
    }
}
