package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.ParticipationJourneyIT.errorSummary;
import static uk.trustplatform.web.ParticipationJourneyIT.post;
import static uk.trustplatform.web.ParticipationJourneyIT.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * A statutory partner's Section 11 self-audit in Chromium with JavaScript off, signed in through
 * Keycloak's own page, against the standards of each seed partnership's pledge: Luton's own nine
 * safeguarding standards, and Medway's copy of them from the starter kit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Section11JourneyIT implements TestPropertyProvider {

    private static final int ROUND = TestCalendar.today().getYear();
    private static final String AUDIT = "query ($id: ID!) { node(id: $id) { ... on Section11Audit { id version status"
            + " entries { id version criterion rag narrative evidence } } } }";
    private static final String START =
            "mutation ($i: StartSection11AuditInput!) { startSection11Audit(input: $i) { section11Audit { id }"
                    + " userErrors { message } } }";
    private static final String RATE =
            "mutation ($i: SaveSection11EntryInput!) { saveSection11Entry(input: $i) { section11Entry { version }"
                    + " userErrors { message } } }";
    private static final String AUDITS =
            "{ section11Audits(first: 100) { edges { node { id round partnerOrganisation { id } } } } }";

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private final Map<String, Partnership> partnerships = new HashMap<>();

    /** A seed partnership with a statutory agency and its partner lead, its admin and a board member. */
    private record Partnership(String slug, UUID agency, Person lead, Person admin, Person board) {}

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void lutonAndMedwayEachWithAStatutoryAgency() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        seeds.open("luton");
        // Medway writes no pledge of its own: a copy of Medway whose admin has published the kit's.
        String medway = seeds.openCopy("medway");
        for (String slug : List.of("luton", medway)) {
            Person admin = seeds.person("admin", slug, null, Role.TENANT_ADMIN);
            if (slug.equals(medway)) {
                seeds.publishStarterKit(api(admin), "nine-standard-safeguarding-pledge");
            }
            UUID agency = statutoryAgency(
                    admin, slug.equals("luton") ? "Luton Children and Families" : "Medway Children's Services");
            partnerships.put(
                    slug.equals("luton") ? "luton" : "medway",
                    new Partnership(
                            slug,
                            agency,
                            seeds.person("lead", slug, agency, Role.PARTNER_LEAD),
                            admin,
                            seeds.person("board", slug, null, Role.BOARD_MEMBER)));
        }
    }

    @Test
    void a_luton_statutory_partner_starts_rates_checks_and_submits_its_audit_and_reads_the_boards_moderation() {
        journey(partnerships.get("luton"), "Strategic Lead");
    }

    @Test
    void a_medway_statutory_partner_does_the_same_against_medways_copy_of_the_standards() {
        journey(partnerships.get("medway"), "Strategic Lead");
    }

    private void journey(Partnership partnership, String firstStandard) {
        String slug = partnership.slug();
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page,
                    slug,
                    partnership.lead().username(),
                    partnership.lead().password());
            page.click("nav >> text=Section 11");

            assertThat(page.url()).isEqualTo(site.url("/" + slug + "/section-11"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Section 11 self-audit");
            WebSite.assertAccessible(page, slug + "'s Section 11 page");
            WebSite.screenshot(page, "section-11-" + slug);

            Response started = submit(page, "Start the " + ROUND + " audit");
            assertThat(started.status()).isEqualTo(200);
            assertThat(page.url()).endsWith("?saved=started");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("Your " + ROUND + " audit is started");
            String id = page.url()
                    .substring(page.url().lastIndexOf('/') + 1, page.url().indexOf('?'));
            ApiCaller lead = api(partnership.lead());
            JsonNode entries = audit(lead, id).path("entries");
            assertThat(entries.size()).isGreaterThan(9);
            assertThat(page.locator(".govuk-task-list__item").count()).isEqualTo(entries.size());
            assertThat(page.locator("main").innerText())
                    .contains("Standard 1: " + firstStandard, "You have rated 0 of " + entries.size() + " criteria.");
            WebSite.assertAccessible(page, slug + "'s audit, just started");
            WebSite.screenshot(page, "section-11-audit-" + slug);

            page.click("text=Check your answers and submit");
            WebSite.assertAccessible(page, "checking an audit with criteria not rated");
            Response tooSoon = submit(page, "Submit the audit");
            assertThat(tooSoon.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly(
                            entries.size() + " criteria are not rated yet; rate every criterion before submitting.");
            WebSite.assertAccessible(page, "submitting an audit with criteria not rated");

            page.click("text=Back to the audit");
            page.click(".govuk-task-list__link >> nth=0");
            assertThat(page.locator("h1").innerText()).isEqualTo("Criterion 1.1");
            WebSite.assertAccessible(page, "rating criterion 1.1");
            WebSite.screenshot(page, "section-11-criterion-" + slug);
            page.getByLabel("Green").check();
            page.fill("#narrative", "x".repeat(4001));
            page.fill("#evidence", "Safeguarding Children Policy, approved by the board in March");
            Response tooLong = submit(page, "Save and return to the audit");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("The narrative is longer than 4000 characters.");
            assertThat(page.inputValue("#evidence"))
                    .isEqualTo("Safeguarding Children Policy, approved by the board in March");
            assertThat(page.getByLabel("Green").isChecked()).isTrue();
            WebSite.assertAccessible(page, "a narrative too long");

            page.fill("#narrative", "Our strategic lead is the director of children's services.");
            Response rated = submit(page, "Save and return to the audit");
            assertThat(rated.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Criterion 1.1 saved");
            assertThat(page.locator(".govuk-task-list__status >> nth=0").innerText())
                    .isEqualTo("Green");
            WebSite.assertAccessible(page, "an audit with a criterion rated");

            rateTheRest(lead, id);
            page.click("text=Check your answers and submit");
            assertThat(page.locator("main").innerText())
                    .contains("Our strategic lead is the director of children's services.", "Evidence: Safeguarding");
            WebSite.assertAccessible(page, "checking a fully rated audit");
            WebSite.screenshot(page, "section-11-check-" + slug);
            Response submitted = submit(page, "Submit the audit");

            assertThat(submitted.status()).isEqualTo(200);
            assertThat(page.url()).endsWith("/section-11/" + id + "/submitted");
            assertThat(page.locator(".govuk-panel__title").innerText()).isEqualTo("Audit submitted");
            assertThat(audit(lead, id).path("status").asText()).isEqualTo("SUBMITTED");
            WebSite.assertAccessible(page, "an audit submitted");
            WebSite.screenshot(page, "section-11-submitted-" + slug);

            returnedByTheBoard(partnership, id);
            page.click("text=See the audit you submitted");
            String main = page.locator("main").innerText();
            assertThat(main)
                    .contains("The board's moderation", "Returned", "Say which staff have had safeguarding training.")
                    .contains("No training records seen.");
            assertThat(page.locator("table tr", new Page.LocatorOptions().setHasText("No training records seen."))
                            .innerText())
                    .contains("1.1", "Green", "Amber");
            WebSite.assertAccessible(page, "an audit the board returned");
            WebSite.screenshot(page, "section-11-moderated-" + slug);
        }
    }

    @Test
    void a_stale_rating_shows_who_rated_it_first_beside_what_was_typed_and_saves_on_the_second_try() {
        Partnership medway = partnerships.get("medway");
        UUID police = statutoryAgency(medway.admin(), "Kent Police, Medway district");
        Person policeLead = new SeedPartnerships(server).person("lead", medway.slug(), police, Role.PARTNER_LEAD);
        ApiCaller admin = api(medway.admin());
        String id = start(admin, police);
        JsonNode first = audit(admin, id).path("entries").path(0);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway.slug(), policeLead.username(), policeLead.password());
            page.navigate(site.url("/" + medway.slug() + "/section-11/" + id + "/criteria/"
                    + first.path("id").asText()));
            page.getByLabel("Green").check();
            page.fill("#narrative", "The district commander is our strategic lead.");

            assertThat(rate(admin, first.path("id").asText(), 0, "RED", "No strategic lead named yet."))
                    .isEmpty();
            Response stale = submit(page, "Save and return to the audit");

            assertThat(stale.status()).isEqualTo(400);
            assertThat(page.locator("#conflict").innerText())
                    .contains("Demo " + medway.admin().username() + " changed this on")
                    .contains("No strategic lead named yet.", "Red")
                    .contains("The district commander is our strategic lead.", "Green");
            assertThat(page.inputValue("#narrative")).isEqualTo("The district commander is our strategic lead.");
            assertThat(page.getByLabel("Green").isChecked()).isTrue();
            assertThat(audit(admin, id).path("entries").path(0).path("rag").asText())
                    .isEqualTo("RED");
            WebSite.assertAccessible(page, "a rating that met a newer one");
            WebSite.screenshot(page, "section-11-conflict");

            Response second = submit(page, "Save and return to the audit");

            assertThat(second.status()).isEqualTo(200);
            JsonNode saved = audit(admin, id).path("entries").path(0);
            assertThat(saved.path("rag").asText()).isEqualTo("GREEN");
            assertThat(saved.path("narrative").asText()).isEqualTo("The district commander is our strategic lead.");
        }
    }

    @Test
    void a_partner_that_is_not_statutory_is_not_offered_an_audit_and_cannot_start_one() {
        Partnership luton = partnerships.get("luton");
        SeedPartnerships seeds = new SeedPartnerships(server);
        UUID league = seeds.agency("luton", "Luton Youth Football League");
        Person leagueLead = seeds.person("lead", "luton", league, Role.PARTNER_LEAD);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", leagueLead.username(), leagueLead.password());
            page.navigate(site.url("/luton/section-11"));

            assertThat(page.locator(".govuk-inset-text").innerText()).contains("is not a statutory partner");
            assertThat(page.locator("button:has-text('Start the')").count()).isZero();
            WebSite.assertAccessible(page, "the Section 11 page of a partner that is not statutory");

            String token = page.locator("input[name=_csrf]").first().inputValue();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><body><form method=\"post\" action=\""
                    + site.url("/luton/section-11") + "\"><input type=\"hidden\" name=\"_csrf\" value=\"" + token
                    + "\"><button type=\"submit\">Start anyway</button></form></body></html>");
            Response forced = submit(page, "Start anyway");

            assertThat(forced.status()).isEqualTo(400);
            assertThat(errorSummary(page)).hasSize(1);
            assertThat(errorSummary(page).getFirst())
                    .matches("Luton Youth Football League \\S+ is not a statutory partner;"
                            + " only statutory partners complete the Section 11 audit\\.");
            WebSite.assertAccessible(page, "a forced start refused");
        }
        assertThat(api(luton.admin()).query(AUDITS).data().findValuesAsText("id"))
                .doesNotContain(GlobalId.encode("PartnerOrganisation", league));
    }

    @Test
    void another_agencys_audit_answers_page_not_found_and_a_post_to_it_changes_nothing() {
        Partnership medway = partnerships.get("medway");
        UUID trust = statutoryAgency(medway.admin(), "Medway NHS Foundation Trust");
        ApiCaller admin = api(medway.admin());
        String id = start(admin, trust);
        String entry = audit(admin, id).path("entries").path(0).path("id").asText();
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(
                    page, medway.slug(), medway.lead().username(), medway.lead().password());
            page.navigate(site.url("/" + medway.slug() + "/section-11"));
            String token = page.locator("input[name=_csrf]").first().inputValue();
            assertThat(page.locator("main").innerText()).doesNotContain("Medway NHS Foundation Trust");
            String base = "/" + medway.slug() + "/section-11/" + id;

            for (String path : List.of(base, base + "/check", base + "/criteria/" + entry, base + "/submitted")) {
                assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
            }
            WebSite.assertAccessible(page, "another agency's audit");
            APIResponse rating = post(
                    page,
                    base + "/criteria/" + entry,
                    Map.of("_csrf", token, "version", "0", "rag", "GREEN", "narrative", "Taken over"));
            APIResponse submitting = post(page, base + "/submit", Map.of("_csrf", token, "version", "0"));

            assertThat(rating.status()).isEqualTo(404);
            assertThat(submitting.status()).isEqualTo(404);
            JsonNode unchanged = audit(admin, id);
            assertThat(unchanged.path("status").asText()).isEqualTo("DRAFT");
            assertThat(unchanged.path("version").asInt()).isZero();
            assertThat(unchanged.path("entries").path(0).path("rag").isNull()).isTrue();
            assertThat(unchanged.path("entries").path(0).path("version").asInt())
                    .isZero();
        }
        Partnership luton = partnerships.get("luton");
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", luton.lead().username(), luton.lead().password());
            assertThat(page.navigate(site.url("/" + medway.slug() + "/section-11/" + id))
                            .status())
                    .isEqualTo(404);
            assertThat(page.navigate(site.url("/luton/section-11/" + id)).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void a_form_without_its_token_is_refused_and_starts_nothing() {
        Partnership luton = partnerships.get("luton");
        int before = api(luton.admin())
                .query(AUDITS)
                .data()
                .findValuesAsText("round")
                .size();
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", luton.lead().username(), luton.lead().password());

            APIResponse withoutToken = post(page, "/luton/section-11", Map.of());
            APIResponse wrongToken = post(page, "/luton/section-11", Map.of("_csrf", "not-the-token"));

            assertThat(withoutToken.status()).isEqualTo(403);
            assertThat(wrongToken.status()).isEqualTo(403);
        }
        assertThat(api(luton.admin()).query(AUDITS).data().findValuesAsText("round"))
                .hasSize(before);
    }

    private ApiCaller api(Person person) {
        return new ApiCaller(server).withToken(TestKeycloak.passwordToken(person.username(), person.password()));
    }

    private UUID statutoryAgency(Person admin, String name) {
        JsonNode registered = api(admin)
                .query(
                        "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i)"
                                + " { partnerOrganisation { id } userErrors { message } } }",
                        Map.of("i", Map.of("name", name, "statutory", true)))
                .data()
                .path("registerPartnerOrganisation");
        return GlobalId.decode(registered.path("partnerOrganisation").path("id").asText(), "PartnerOrganisation")
                .orElseThrow(() -> new IllegalStateException("Could not register " + name + ": " + registered));
    }

    private static String start(ApiCaller caller, UUID agency) {
        JsonNode payload = caller.query(
                        START,
                        Map.of(
                                "i",
                                Map.of(
                                        "partnerOrganisationId",
                                        GlobalId.encode("PartnerOrganisation", agency),
                                        "round",
                                        ROUND)))
                .data()
                .path("startSection11Audit");
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload.path("section11Audit").path("id").asText();
    }

    private static JsonNode rate(ApiCaller caller, String entry, int version, String rag, String narrative) {
        return caller.query(
                        RATE, Map.of("i", Map.of("id", entry, "version", version, "rag", rag, "narrative", narrative)))
                .data()
                .path("saveSection11Entry")
                .path("userErrors");
    }

    private static void rateTheRest(ApiCaller lead, String id) {
        for (JsonNode entry : audit(lead, id).path("entries")) {
            if (entry.path("rag").isNull()) {
                assertThat(rate(
                                lead,
                                entry.path("id").asText(),
                                entry.path("version").asInt(),
                                "AMBER",
                                "In place in most services; a plan for the rest."))
                        .isEmpty();
            }
        }
    }

    private void returnedByTheBoard(Partnership partnership, String id) {
        ApiCaller board = api(partnership.board());
        JsonNode audit = audit(board, id);
        JsonNode payload = board.query(
                        "mutation ($i: ModerateSection11AuditInput!) { moderateSection11Audit(input: $i)"
                                + " { section11Audit { status } userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "id",
                                        id,
                                        "version",
                                        audit.path("version").asInt(),
                                        "decision",
                                        "RETURN",
                                        "comment",
                                        "Say which staff have had safeguarding training.",
                                        "entries",
                                        List.of(Map.of(
                                                "id",
                                                audit.path("entries")
                                                        .path(0)
                                                        .path("id")
                                                        .asText(),
                                                "moderatedRag",
                                                "AMBER",
                                                "comment",
                                                "No training records seen.")))))
                .data()
                .path("moderateSection11Audit");
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        assertThat(payload.path("section11Audit").path("status").asText()).isEqualTo("RETURNED");
    }

    private static JsonNode audit(ApiCaller caller, String id) {
        return caller.query(AUDIT, Map.of("id", id)).data().path("node");
    }
}
