package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestBrowser;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.WebSite;

/**
 * The public pages and signing in and out, in Chromium with JavaScript off, through Keycloak's
 * own sign-in page, on two seed partnerships.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInJourneyIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private Person medwayLead;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void twoSeedPartnershipsAndAPartnerLead() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        seeds.open("medway");
        seeds.open("luton");
        UUID agency = seeds.agency("medway", "Medway Youth Service");
        medwayLead = seeds.person("lead", "medway", agency, Role.PARTNER_LEAD);
    }

    @Test
    void anyone_sees_the_partnerships_and_a_partnerships_home() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            Response home = page.navigate(site.url("/"));

            assertThat(home.status()).isEqualTo(200);
            assertThat(page.title()).isEqualTo("Partnerships – Trust Platform");
            assertThat(page.locator("main").innerText()).contains("Medway Children's Trust", "Luton");
            WebSite.assertAccessible(page, "the partnerships");
            WebSite.screenshot(page, "partnerships");

            page.click("text=Medway Children's Trust");
            assertThat(page.url()).isEqualTo(site.url("/medway"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Medway Children's Trust");
            assertThat(page.locator("main").innerText()).contains("Medway Council", "E06000035");
            WebSite.assertAccessible(page, "a partnership's home");
            WebSite.screenshot(page, "partnership-home");
        }
    }

    @Test
    void a_partner_lead_signs_in_through_keycloak_lands_on_their_start_page_and_signs_out() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            page.navigate(site.url("/medway"));
            page.click("nav >> text=Sign in");

            String landed = site.signIn(page, "medway", medwayLead.username(), medwayLead.password());

            assertThat(landed).isEqualTo("/medway/start");
            assertThat(page.locator("main").innerText()).contains("Your work", "Medway Youth Service");
            Cookie session = browser.cookies().stream()
                    .filter(cookie -> cookie.name.equals("trust_session"))
                    .findFirst()
                    .orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite.name()).isEqualTo("LAX");
            WebSite.assertAccessible(page, "a partner lead's start page");
            WebSite.screenshot(page, "your-work");

            page.click("text=Sign out");
            assertThat(page.url()).isEqualTo(site.url("/signed-out"));
            WebSite.assertAccessible(page, "signed out");

            page.navigate(site.url("/medway/start"));
            assertThat(page.url())
                    .as("signed out of Keycloak too: its sign-in page again")
                    .doesNotStartWith(site.baseUrl());
            assertThat(page.locator("#username").count()).isEqualTo(1);
        }
    }

    @Test
    void a_member_of_two_partnerships_chooses_one_when_signing_in_elsewhere_and_works_in_each() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        seeds.open("cumbria");
        Person both = seeds.person("member-of-two", "medway", null, Role.BOARD_MEMBER);
        seeds.alsoMemberOf(both, "luton");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            String landed = site.signIn(page, "cumbria", both.username(), both.password());

            assertThat(landed).isEqualTo("/choose-partnership");
            assertThat(page.locator("main a").allInnerTexts())
                    .containsExactlyInAnyOrder("Medway Children's Trust", "Luton Safeguarding Children Partnership");
            WebSite.assertAccessible(page, "choose a partnership");
            page.click("text=Luton Safeguarding Children Partnership");
            assertThat(page.url()).isEqualTo(site.url("/luton/start"));
            assertThat(page.navigate(site.url("/medway/start")).status()).isEqualTo(200);
            assertThat(page.navigate(site.url("/cumbria/start")).status()).isEqualTo(404);
        }
    }

    @Test
    void another_partnerships_pages_answer_page_not_found_as_a_missing_one_does() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());

            Response luton = page.navigate(site.url("/luton/start"));
            String lutonPage = page.locator("main").innerText();
            Response missing = page.navigate(site.url("/nowhere-at-all/start"));

            assertThat(luton.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(page.locator("main").innerText()).isEqualTo(lutonPage).contains("Page not found");
            WebSite.assertAccessible(page, "page not found");
        }
    }

    @Test
    void with_javascript_a_warning_comes_two_minutes_before_the_session_would_time_out_and_staying_renews_it() {
        try (BrowserContext browser = TestBrowser.withJavaScript()) {
            Page page = browser.newPage();
            page.clock().install();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            assertThat(page.locator(".govuk-notification-banner").count()).isZero();

            page.clock().runFor(28 * 60 * 1000);

            assertThat(page.locator("[role=alert]").innerText()).contains("You will be signed out in 2 minutes");
            WebSite.assertAccessible(page, "the session timeout warning");
            page.click("text=Stay signed in");
            page.waitForCondition(() -> page.locator("[role=alert]").count() == 0);
            assertThat(page.request().get(site.url("/session/keep-alive")).status())
                    .isEqualTo(204);
        }
    }

    @Test
    void a_session_idle_for_longer_than_the_timeout_is_over() throws Exception {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            String cookie = sessionCookie(browser);
            idleFor(cookie, Duration.ofMinutes(31));

            assertThat(page.request().get(site.url("/session/keep-alive")).status())
                    .isEqualTo(401);
            List<String> visited = new ArrayList<>();
            page.onRequest(request -> visited.add(request.url()));
            page.navigate(site.url("/medway/start"));
            assertThat(visited)
                    .as("the old session is over: the page sends the browser to sign in again")
                    .anyMatch(url -> url.startsWith(site.url("/medway/sign-in")));
        }
    }

    @Test
    void the_access_token_is_renewed_with_the_refresh_token_shortly_before_it_expires() throws Exception {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            String cookie = sessionCookie(browser);
            String issued = inSession(
                    cookie,
                    "UPDATE web_session SET access_expires_at = now() + interval '10 seconds'"
                            + " RETURNING access_token");

            assertThat(page.navigate(site.url("/medway/start")).status()).isEqualTo(200);

            String renewed = inSession(
                    cookie,
                    "SELECT access_token FROM web_session WHERE access_expires_at > now() + interval '1 minute'");
            assertThat(renewed).isNotNull().isNotEqualTo(issued);
        }
    }

    private static String sessionCookie(BrowserContext browser) {
        return browser.cookies().stream()
                .filter(found -> found.name.equals("trust_session"))
                .findFirst()
                .orElseThrow()
                .value;
    }

    /** Moves the session's last use back in time, as the database holds it. */
    private static void idleFor(String cookie, Duration idle) throws Exception {
        assertThat(inSession(
                        cookie,
                        "UPDATE web_session SET last_seen_at = now() - make_interval(secs => " + idle.toSeconds()
                                + ") RETURNING 'moved'"))
                .isEqualTo("moved");
    }

    /** One statement on the session's row, named by its hash as the table's policy asks; its first value. */
    private static String inSession(String cookie, String sql) throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.UTF_8)));
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (var name = owner.prepareStatement("SELECT set_config('app.session', ?, true)")) {
                name.setString(1, hash);
                name.execute();
            }
            try (var statement = owner.createStatement();
                    var row = statement.executeQuery(sql)) {
                String value = row.next() ? row.getString(1) : null;
                owner.commit();
                return value;
            }
        }
    }

    @Test
    void a_form_without_its_token_is_refused_and_changes_nothing() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());

            var refused = page.request()
                    .post(
                            site.url("/sign-out"),
                            com.microsoft.playwright.options.RequestOptions.create()
                                    .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                    .setData("_csrf=not-the-token"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.navigate(site.url("/medway/start")).status())
                    .as("still signed in")
                    .isEqualTo(200);
            assertThat(page.url()).isEqualTo(site.url("/medway/start"));
        }
    }
}
