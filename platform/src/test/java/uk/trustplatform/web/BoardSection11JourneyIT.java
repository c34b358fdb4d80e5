package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.MemberJourneys.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.WebSite;

/**
 * The board's Section 11 pages in Chromium with JavaScript off, through Keycloak's own sign-in
 * page, on Luton (its own nine standards) and a copy of Kent (the kit's nine-standard pledge,
 * published): a statutory partner's audit made and submitted through the API is found in the
 * round's list, read in full, returned without a comment (refused) and with one, submitted again,
 * moderated (one criterion amber, with a comment) and accepted, the API confirming each state; the
 * round's summary equals the figures computed from the API's audits; a decision on a version
 * someone else replaced; a partner lead finds no board page; a board member of one partnership
 * cannot reach another's audits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardSection11JourneyIT implements TestPropertyProvider {

    private static final int ROUND = TestCalendar.today().getYear();
    private static final String AUDIT = "query ($id: ID!) { node(id: $id) { ... on Section11Audit { id version status"
            + " moderationComment entries { id version criterion rag moderatedRag moderatorComment } } } }";
    private static final String AUDITS = "query ($after: String) { section11Audits(first: 100, after: $after) {"
            + " edges { node { round status framework entries { standard rag moderatedRag } } }"
            + " pageInfo { hasNextPage endCursor } } }";

    private final WebSite site = WebSite.onFreePort();
    private final int axeBefore = WebSite.axeChecks();

    @Inject
    EmbeddedServer server;

    private SeedPartnerships seeds;
    private String kent;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void lutonAndACopyOfKentWithThePledgesStandardsPublished() {
        seeds = new SeedPartnerships(server);
        seeds.open("luton");
        // Kent's own documents have no pledge: a copy whose admin has published the kit's.
        kent = seeds.openCopy("kent");
        seeds.publishStarterKit(seeds.admin(kent), "nine-standard-safeguarding-pledge");
    }

    @AfterAll
    void howManyChecks() {
        System.out.println("BoardSection11JourneyIT: axe checked " + (WebSite.axeChecks() - axeBefore)
                + " pages and error states");
    }

    /** A statutory agency of the partnership: its id, its name and its partner lead. */
    private record Agency(String id, String name, Person lead) {}

    @Test
    void lutons_board_finds_an_audit_reads_it_returns_it_with_a_comment_and_accepts_it_moderated() {
        journey("luton", "luton", "Luton Children and Families");
    }

    @Test
    void kents_board_does_the_same_against_the_kits_nine_standards() {
        journey(kent, "kent", "Kent Children's Services");
    }

    /** @param seed the seed partnership's name, for the screenshots: Kent's copy has a slug of its own */
    private void journey(String slug, String seed, String agencyName) {
        Agency agency = statutoryAgency(slug, agencyName);
        Agency police = statutoryAgency(slug, "Police");
        Agency missing = statutoryAgency(slug, "Probation Service");
        ApiCaller lead = MemberJourneys.api(server, agency.lead());
        String id = submittedAudit(lead, agency, "AMBER");
        submittedAudit(MemberJourneys.api(server, police.lead()), police, "GREEN");
        ApiCaller admin = seeds.admin(slug);
        Person board = seeds.person("board", slug, null, Role.BOARD_MEMBER);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, slug, board.username(), board.password());
            page.click(".govuk-service-navigation__link:has-text('Section 11 audits')");
            assertThat(page.url()).isEqualTo(site.url("/" + slug + "/board/section-11"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Section 11 audits " + ROUND);
            assertThat(page.locator("[aria-current=page]").allInnerTexts())
                    .as("one menu item is current: not the dashboard's, whose address this page is below")
                    .containsExactly("Section 11 audits");
            assertThat(page.locator(".govuk-service-navigation__link").allInnerTexts())
                    .as("a board member with no agency of their own keeps no audit and has no organisation page")
                    .contains("Your work")
                    .doesNotContain("Section 11", "Your organisation");
            Locator row = page.locator("#audits tbody tr", new Page.LocatorOptions().setHasText(agency.name()));
            int criteria = audit(admin, id).path("entries").size();
            assertThat(row.innerText()).contains("Submitted");
            assertThat(row.locator("td").allInnerTexts().subList(3, 6))
                    .as("red, amber and green criteria")
                    .containsExactly("0", "1", String.valueOf(criteria - 1));
            assertThat(page.locator("#audits tbody tr").first().innerText())
                    .as("audits submitted to the board come first")
                    .contains("Submitted");
            assertThat(page.locator("#missing-partners").innerText())
                    .contains(missing.name())
                    .doesNotContain(agency.name());
            WebSite.assertAccessible(page, slug + "'s Section 11 audits");
            WebSite.screenshot(page, "board-section-11-" + seed);

            page.selectOption("#round", String.valueOf(ROUND));
            WebSite.loadedBy(page, () -> page.click("button:has-text('Show audits')"));
            assertThat(page.url()).endsWith("?round=" + ROUND);
            assertThat(page.locator("#audits").innerText()).contains(agency.name());

            page.locator("#audits a", new Page.LocatorOptions().setHasText(agency.name()))
                    .click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Section 11 self-audit " + ROUND);
            assertThat(page.locator("#audit-status").innerText()).isEqualTo("Submitted");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Standard 1: Strategic Lead",
                            "Our strategic lead is the director of children's services.",
                            "Evidence: Safeguarding Children Policy, approved by the board");
            WebSite.assertAccessible(page, "an audit submitted to the board, in full");
            WebSite.screenshot(page, "board-section-11-audit-" + seed);

            page.click("text=Moderate the audit");
            assertThat(page.locator("h1").innerText()).isEqualTo("Moderate the audit");
            WebSite.assertAccessible(page, "moderating an audit");
            WebSite.screenshot(page, "board-section-11-moderate-" + seed);
            Response undecided = submit(page, "Save the moderation");
            assertThat(undecided.status()).isEqualTo(400);
            assertThat(page.locator("#decision-error").innerText())
                    .contains("Select whether to accept the audit or return it to the partner");
            WebSite.assertAccessible(page, "a moderation without a decision");

            page.check("#decision-1");
            Response withoutComment = submit(page, "Save the moderation");
            assertThat(withoutComment.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Moderate the audit");
            assertThat(page.locator(".govuk-error-summary").innerText()).contains("Say why the audit is returned.");
            assertThat(page.locator("#comment-error").innerText()).contains("Say why the audit is returned.");
            assertThat(page.locator("#decision-1").isChecked())
                    .as("kept as chosen")
                    .isTrue();
            WebSite.assertAccessible(page, "a return without a comment");
            WebSite.screenshot(page, "board-section-11-return-without-comment-" + seed);
            assertThat(audit(admin, id).path("status").asText()).isEqualTo("SUBMITTED");

            page.fill("#comment", "Say which staff have had safeguarding training.");
            submit(page, "Save the moderation");
            assertThat(page.locator(".govuk-notification-banner").innerText())
                    .contains("The audit is returned to the partner");
            assertThat(page.locator("#audit-status").innerText()).isEqualTo("Returned");
            assertThat(page.locator("#moderation-comment").innerText())
                    .isEqualTo("Say which staff have had safeguarding training.");
            assertThat(page.locator("text=Moderate the audit").count()).isZero();
            WebSite.assertAccessible(page, "an audit the board returned");
            JsonNode returned = audit(admin, id);
            assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
            assertThat(returned.path("moderationComment").asText())
                    .isEqualTo("Say which staff have had safeguarding training.");

            submit(lead, id, returned.path("version").asInt());
            page.reload();
            assertThat(page.locator("#audit-status").innerText()).isEqualTo("Submitted");
            page.click("text=Moderate the audit");
            page.check("#rag-0-2");
            page.fill("#comment-0", "No training records seen for the strategic lead.");
            page.check("#decision");
            submit(page, "Save the moderation");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("The audit is moderated");
            assertThat(page.locator("#audit-status").innerText()).isEqualTo("Moderated");
            assertThat(page.locator("#standard-1 + dl .govuk-summary-list__row")
                            .first()
                            .innerText())
                    .contains("The board's rating: Amber", "No training records seen for the strategic lead.");
            WebSite.assertAccessible(page, "an audit the board accepted");
            WebSite.screenshot(page, "board-section-11-moderated-" + seed);
            JsonNode moderated = audit(admin, id);
            assertThat(moderated.path("status").asText()).isEqualTo("MODERATED");
            JsonNode first = moderated.path("entries").path(0);
            assertThat(first.path("criterion").asText()).isEqualTo("1.1");
            assertThat(first.path("moderatedRag").asText()).isEqualTo("AMBER");
            assertThat(first.path("moderatorComment").asText())
                    .isEqualTo("No training records seen for the strategic lead.");
            assertThat(moderated.path("entries").path(1).path("moderatedRag").isNull())
                    .as("a criterion the board did not rate keeps the partner's rating alone")
                    .isTrue();

            page.click("text=Back to the " + ROUND + " audits");
            page.click("text=The " + ROUND + " summary");
            assertThat(page.locator("h1").innerText()).isEqualTo("Section 11 summary " + ROUND);
            assertThat(page.locator("[aria-current=page]").allInnerTexts()).containsExactly("Section 11 audits");
            Map<String, List<String>> expected = summaryFromTheApi(admin);
            Map<String, List<String>> shown = new LinkedHashMap<>();
            for (Locator each : page.locator("#standards-table tbody tr").all()) {
                List<String> cells = each.locator("th, td").allInnerTexts();
                // "Standard 1: Strategic Lead": the standard's number, its title checked below.
                shown.put(cells.getFirst().split(":")[0], cells.subList(1, cells.size()));
            }
            assertThat(shown).as("the summary is the API's audits counted").isEqualTo(expected);
            assertThat(page.locator("#standards-table tbody th").first().innerText())
                    .startsWith("Standard 1: Strategic Lead");
            assertThat(page.locator("#standards-chart").innerText())
                    .contains("Standard 1: Strategic Lead", "% green (");
            assertThat(Integer.parseInt(shown.values().iterator().next().getFirst()))
                    .as("this agency, now amber on standard 1, and the police, green, are among those counted")
                    .isGreaterThanOrEqualTo(2);
            WebSite.assertAccessible(page, slug + "'s Section 11 summary");
            WebSite.screenshot(page, "board-section-11-summary-" + seed);
        }
    }

    @Test
    void a_moderation_of_an_audit_someone_else_moderated_first_shows_who_did_and_changes_nothing() {
        Agency agency = statutoryAgency("luton", "Luton Borough Council Housing");
        String id = submittedAudit(MemberJourneys.api(server, agency.lead()), agency, "GREEN");
        ApiCaller admin = seeds.admin("luton");
        Person board = seeds.person("board", "luton", null, Role.BOARD_MEMBER);
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "luton", board.username(), board.password());
            page.navigate(site.url("/luton/board/section-11/" + id + "/moderate"));
            ok(
                    admin,
                    "moderateSection11Audit",
                    "ModerateSection11AuditInput",
                    Map.of(
                            "id",
                            id,
                            "version",
                            audit(admin, id).path("version").asInt(),
                            "decision",
                            "RETURN",
                            "comment",
                            "Add the housing officers' DBS checks."),
                    "section11Audit { status }");
            page.check("#decision");
            Response conflict = submit(page, "Save the moderation");

            assertThat(conflict.status()).isEqualTo(400);
            assertThat(page.locator("#conflict h2").innerText()).contains(" changed this on ");
            assertThat(page.locator("#conflict table").innerText())
                    .contains("Returned", "Moderated", "Add the housing officers' DBS checks.");
            assertThat(page.locator(".govuk-error-summary").innerText())
                    .contains("changed this audit after you opened it: it is now returned");
            WebSite.assertAccessible(page, "a moderation of an audit someone else moderated first");
            WebSite.screenshot(page, "board-section-11-conflict");
        }
        assertThat(audit(admin, id).path("status").asText()).isEqualTo("RETURNED");
    }

    @Test
    void a_partner_lead_finds_no_board_page_and_kents_board_cannot_reach_lutons_audits() {
        Agency agency = statutoryAgency("luton", "Luton Youth Offending Service");
        ApiCaller lead = MemberJourneys.api(server, agency.lead());
        String id = submittedAudit(lead, agency, "GREEN");
        ApiCaller admin = seeds.admin("luton");
        String before = audit(admin, id).toString();
        Person kentBoard = seeds.person("board", kent, null, Role.BOARD_MEMBER);
        for (Person person : List.of(agency.lead(), kentBoard)) {
            String home = person == kentBoard ? kent : "luton";
            try (BrowserContext browser = site.browser()) {
                Page page = browser.newPage();
                site.signIn(page, home, person.username(), person.password());
                if (person == agency.lead()) {
                    assertThat(page.locator(".govuk-service-navigation__list").innerText())
                            .contains("Section 11")
                            .doesNotContain("Section 11 audits");
                }
                String token = MemberJourneys.csrf(page);
                List<String> paths = new ArrayList<>(List.of(
                        "/luton/board/section-11",
                        "/luton/board/section-11/summary",
                        "/luton/board/section-11/" + id,
                        "/luton/board/section-11/" + id + "/moderate"));
                if (person == kentBoard) {
                    paths.add("/" + kent + "/board/section-11/" + id);
                    paths.add("/" + kent + "/board/section-11/" + id + "/moderate");
                }
                for (String path : paths) {
                    assertThat(page.navigate(site.url(path)).status()).as(path).isEqualTo(404);
                    assertThat(page.locator("h1").innerText()).as(path).isEqualTo("Page not found");
                }
                WebSite.assertAccessible(page, "a board's Section 11 audit, not found for " + person.username());
                for (String partnership : List.of("luton", home)) {
                    assertThat(MemberJourneys.post(
                                            page,
                                            site.url("/" + partnership + "/board/section-11/" + id + "/moderate"),
                                            Map.of("_csrf", token, "version", "1", "decision", "ACCEPT"))
                                    .status())
                            .isEqualTo(404);
                }
            }
        }
        assertThat(audit(admin, id).toString()).as("nothing changed").isEqualTo(before);
    }

    /**
     * The round's summary as the page should show it, by standard number, from the API's own audits: of those
     * submitted or moderated, per standard, the agencies whose criteria are all green, any red, or
     * else amber, each criterion by the board's rating where it gave one.
     */
    private static Map<String, List<String>> summaryFromTheApi(ApiCaller admin) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("after", after);
            JsonNode page = admin.query(AUDITS, variables).data().path("section11Audits");
            for (JsonNode audit : page.path("edges").findValues("node")) {
                if (audit.path("round").asInt() != ROUND
                        || !List.of("SUBMITTED", "MODERATED")
                                .contains(audit.path("status").asText())) {
                    continue;
                }
                Map<String, List<String>> ratings = new LinkedHashMap<>();
                for (JsonNode entry : audit.path("entries")) {
                    String rag = entry.path("moderatedRag").isNull()
                            ? entry.path("rag").asText()
                            : entry.path("moderatedRag").asText();
                    ratings.computeIfAbsent(
                                    audit.path("framework").asText() + "/"
                                            + entry.path("standard").asText(),
                                    ignored -> new ArrayList<>())
                            .add(rag);
                }
                ratings.forEach((standard, rags) -> counts.computeIfAbsent(standard, ignored -> new int[3])[
                        rags.contains("RED") ? 2 : rags.stream().allMatch("GREEN"::equals) ? 0 : 1]++);
            }
            more = page.path("pageInfo").path("hasNextPage").asBoolean();
            after = page.path("pageInfo").path("endCursor").asText();
        }
        Map<String, List<String>> summary = new LinkedHashMap<>();
        counts.forEach((standard, count) -> {
            int agencies = count[0] + count[1] + count[2];
            List<String> row = new ArrayList<>(List.of(String.valueOf(agencies)));
            for (int rating : count) {
                row.add(String.valueOf(rating));
                row.add(Math.round(100.0 * rating / agencies) + "%");
            }
            summary.put("Standard " + standard.substring(standard.lastIndexOf('/') + 1), row);
        });
        return summary;
    }

    private Agency statutoryAgency(String slug, String name) {
        JsonNode registered = ok(
                        seeds.admin(slug),
                        "registerPartnerOrganisation",
                        "RegisterPartnerOrganisationInput",
                        Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6), "statutory", true),
                        "partnerOrganisation { id name }")
                .path("partnerOrganisation");
        String id = registered.path("id").asText();
        UUID uuid =
                uk.trustplatform.api.GlobalId.decode(id, "PartnerOrganisation").orElseThrow();
        return new Agency(id, registered.path("name").asText(), seeds.person("lead", slug, uuid, Role.PARTNER_LEAD));
    }

    /**
     * The agency's audit of this round, started, rated and submitted by its lead through the API:
     * criterion 1.1 green with a narrative and evidence, 2.1 (the second standard's first) rated
     * {@code second}, every other criterion green; its id.
     */
    private static String submittedAudit(ApiCaller lead, Agency agency, String second) {
        String id = ok(
                        lead,
                        "startSection11Audit",
                        "StartSection11AuditInput",
                        Map.of("partnerOrganisationId", agency.id(), "round", ROUND),
                        "section11Audit { id }")
                .path("section11Audit")
                .path("id")
                .asText();
        for (JsonNode entry : audit(lead, id).path("entries")) {
            boolean first = entry.path("criterion").asText().equals("1.1");
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", entry.path("id").asText());
            input.put("version", entry.path("version").asInt());
            input.put("rag", entry.path("criterion").asText().equals("2.1") ? second : "GREEN");
            input.put("narrative", first ? "Our strategic lead is the director of children's services." : "In place.");
            if (first) {
                input.put("evidence", "Safeguarding Children Policy, approved by the board in March");
            }
            ok(lead, "saveSection11Entry", "SaveSection11EntryInput", input, "section11Entry { version }");
        }
        submit(lead, id, 0);
        return id;
    }

    private static void submit(ApiCaller lead, String id, int version) {
        ok(
                lead,
                "submitSection11Audit",
                "Section11TransitionInput",
                Map.of("id", id, "version", version),
                "section11Audit { status }");
    }

    private static JsonNode audit(ApiCaller caller, String id) {
        return caller.query(AUDIT, Map.of("id", id)).data().path("node");
    }

    private static Response submit(Page page, String button) {
        return WebSite.loadedBy(page, () -> page.click("button:has-text('" + button + "')"));
    }
}
