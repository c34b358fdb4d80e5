package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * What a partnership publishes, read by a visitor who has not signed in, in Chromium with
 * JavaScript off: its strategy, charter, standards, guidance, pledge register, the badge check,
 * and "You said, we did". Medway and Luton (and Cumbria for its outcome framework) as their seed documents
 * have them, and a partnership of the test's own with what no seed has: two strategies and charter
 * reviews.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesIT implements TestPropertyProvider {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final List<String> PUBLISHED_PAGES =
            List.of("/strategy", "/charter", "/standards", "/guidance", "/pledge-register", "/you-said-we-did");

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private String reviewshire;
    private String currentAgency;
    private String currentBadge;
    private String lapsedBadge;
    private String withdrawnBadge;
    private Person medwayLead;
    private Person lutonLead;
    private int journeys;
    private final int axeChecksBefore = WebSite.axeChecks();

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void seedPartnershipsWithPledgesAndFeedback() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        seeds.open("medway");
        seeds.open("luton");
        seeds.open("cumbria");
        seeds.open("cambridgeshire");
        reviewshire = onboard(REVIEWSHIRE);

        ApiCaller lutonAdmin = seeds.admin("luton");
        PledgeFixture luton = new PledgeFixture(lutonAdmin);
        String suffix = " " + UUID.randomUUID().toString().substring(0, 4);
        currentAgency = "Luton Youth Charity" + suffix;
        currentBadge = luton.registered(luton.partner(currentAgency, "pvi-community", false), TODAY.minusMonths(1));
        lapsedBadge = luton.registered(
                luton.partner("Lapsed Nursery" + suffix, "pvi-community", false), TODAY.minusMonths(13));
        String withdrawn = luton.partner("Withdrawn Club" + suffix, "pvi-community", false);
        withdrawnBadge = luton.registered(withdrawn, TODAY.minusMonths(2));
        withdraw(lutonAdmin, withdrawn);

        UUID youthService = seeds.agency("medway", "Medway Youth Service");
        medwayLead = seeds.person("lead", "medway", youthService, Role.PARTNER_LEAD);
        toldParticipants(
                medwayLead,
                youthService,
                "Youth club opening times",
                Map.of("ageBands", List.of("Young people"), "audienceGroups", List.of("parents-carers")),
                "Open later, after we have helped at home.",
                "The youth club now opens at 6pm on Thursdays.");
        UUID earlyHelp = seeds.agency("luton", "Luton Early Help");
        lutonLead = seeds.person("lead", "luton", earlyHelp, Role.PARTNER_LEAD);
        toldParticipants(
                lutonLead,
                earlyHelp,
                "Holiday club survey",
                Map.of("ageBands", List.of("Children")),
                "There is nothing to do in the summer holidays.",
                "The holiday club now runs every week of the summer.");
    }

    @Test
    void the_strategy_page_reads_as_medways_strategy_and_luton_has_published_none() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            Response medway = page.navigate(site.url("/medway/strategy"));
            String text = page.locator("main").innerText();

            assertThat(medway.status()).isEqualTo(200);
            assertThat(page.title())
                    .isEqualTo("Participation strategy 2011 to 2014 – Medway Children's Trust – Trust Platform");
            assertThat(page.locator("h1").innerText())
                    .isEqualTo("Medway Children's Trust Participation and Engagement Strategy");
            assertThat(page.locator("[aria-current=page]").innerText()).isEqualTo("Strategy");
            assertThat(text)
                    .contains(
                            "2011 to 2014",
                            "We want all children, young people and their families to have the opportunity",
                            "provide a framework for Children’s Trust partners",
                            "Take part and influence decisions, which affect them as individuals",
                            "Participation is asking children, young people and their families",
                            "Article 12 of the United Nations Convention of the Right of the Child (UNCRC)",
                            "For Medway as a whole",
                            "Active engagement in communities later in life (active citizenship)",
                            "Medway Young Commissioners (MYC)",
                            "once a month",
                            "The Research and Information Team at Medway Council",
                            "Identify participation champions.",
                            "October 2011",
                            "consultation fatigue");
            assertThat(page.locator("table tbody tr").count())
                    .as("the fourteen rows of the Implementation Plan 2011")
                    .isEqualTo(14);
            WebSite.assertAccessible(page, "Medway's participation strategy");
            WebSite.screenshot(page, "strategy");

            Response luton = page.navigate(site.url("/luton/strategy"));

            assertThat(luton.status()).isEqualTo(200);
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Luton Safeguarding Children Partnership has not published a participation strategy yet.");
            WebSite.assertAccessible(page, "a partnership with no strategy");

            page.navigate(site.url("/cambridgeshire/strategy"));
            assertThat(page.locator(".govuk-summary-list").first().innerText())
                    .as("a review the document dates only by its season")
                    .contains("To be reviewed\tautumn 2011");
        }
        journeys++;
    }

    @Test
    void the_outcome_framework_reads_with_the_partnerships_own_level_names() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            page.navigate(site.url("/cumbria/strategy"));

            assertThat(page.locator("#outcome-framework + p + ol").innerText())
                    .contains("Strategic priority", "Strategic outcome", "District delivery outcome", "Benefit");
            String priority = page.locator("li:has(> span:text-is('Strategic priority:'))")
                    .filter(new Locator.FilterOptions().setHasText("All children are ready for school by the age of 5"))
                    .innerText();
            assertThat(priority)
                    .as("an outcome nests under the outcome it contributes to")
                    .contains("Strategic outcome: Reduction in gaps in school readiness for children aged up to 5");
            assertThat(summary(page.locator(".govuk-summary-card")
                            .filter(new Locator.FilterOptions().setHasText("Youth Councils and Youth Forums"))))
                    .containsEntry("Timescale", "Start April 2011")
                    .containsEntry("Meets", "Meet monthly")
                    .hasEntrySatisfying(
                            "Responsible partners",
                            partners -> assertThat(partners).contains("District Councils", "Elected Members"));
            WebSite.assertAccessible(page, "Cumbria's strategy and its outcome framework");
            WebSite.screenshot(page, "strategy-outcome-framework");
        }
        journeys++;
    }

    @Test
    void several_strategies_are_listed_the_newest_shown_and_each_reachable_by_its_period() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            page.navigate(site.url("/" + reviewshire + "/strategy"));

            assertThat(page.locator("h1").innerText()).isEqualTo("Our second participation strategy");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Our second participation strategy, 2012 to 2015 (you are reading this one)",
                            "1 September 2014");
            WebSite.assertAccessible(page, "the newest of two strategies");

            page.click("text=Our first participation strategy, 2009 to 2012");

            assertThat(page.url()).isEqualTo(site.url("/" + reviewshire + "/strategy?period=2009-2012"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Our first participation strategy");
            assertThat(page.locator("main").innerText()).contains("Children are heard.");
            WebSite.assertAccessible(page, "an earlier strategy");

            Response none = page.navigate(site.url("/" + reviewshire + "/strategy?period=1999-2000"));
            assertThat(none.status()).isEqualTo(404);
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
        }
        journeys++;
    }

    @Test
    void the_charter_shows_each_value_with_its_belief_and_commitment_and_its_reviews() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            Response none = page.navigate(site.url("/medway/charter"));
            assertThat(none.status()).isEqualTo(200);
            assertThat(page.locator("main").innerText())
                    .as("Medway writes no charter; the kit's copy is a draft until its admin publishes it")
                    .contains("Medway Children's Trust has not published a charter of values yet.");
            WebSite.assertAccessible(page, "a partnership without a charter");
            Response charter = page.navigate(site.url("/cambridgeshire/charter"));

            assertThat(charter.status()).isEqualTo(200);
            assertThat(page.locator("h1").innerText()).isEqualTo("Charter of Shared Values");
            assertThat(page.locator(".govuk-summary-card__title").allInnerTexts())
                    .containsExactly("Rights", "Listening", "Equal Opportunities", "Resources", "Privacy");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "Listening to children and young people gives us the ability to improve our service",
                            "We will listen to children and young people in order to improve our service",
                            "No review of the charter with children and young people has been recorded yet.");
            WebSite.assertAccessible(page, "Cambridgeshire's own charter");
            WebSite.screenshot(page, "charter");

            page.navigate(site.url("/" + reviewshire + "/charter"));

            assertThat(page.locator("table tbody tr").allInnerTexts())
                    .containsExactly("12 March 2025\tChildren in Care Council", "3 February 2026\tYouth Assembly");
            WebSite.assertAccessible(page, "a charter with its reviews");
            WebSite.screenshot(page, "charter-reviews");
        }
        journeys++;
    }

    @Test
    void the_standards_page_lists_each_numbered_standard_with_its_criteria() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            Response luton = page.navigate(site.url("/luton/standards"));

            assertThat(luton.status()).isEqualTo(200);
            assertThat(page.locator("h3").allInnerTexts())
                    .as("Luton's nine standards")
                    .hasSize(9)
                    .startsWith("Standard 1: Strategic Lead", "Standard 2: Staff Responsibilities and Competencies")
                    .endsWith("Standard 9: Service User Confidentiality and Information Sharing.");
            assertThat(page.locator("dt").allInnerTexts()).startsWith("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "A Safeguarding Children Policy (see Appendix B, page 14)",
                            "be able to identify and report child abuse and neglect");
            WebSite.assertAccessible(page, "Luton's standards");
            WebSite.screenshot(page, "standards");

            page.navigate(site.url("/cambridgeshire/standards"));

            assertThat(page.locator("h2").allInnerTexts()).contains("Hear By Right");
            assertThat(page.locator("h3").allInnerTexts()).contains("Standard 7: Style of leadership");
            WebSite.assertAccessible(page, "Cambridgeshire's Hear by Right standards");
        }
        journeys++;
    }

    @Test
    void the_guidance_library_lists_each_document_with_its_audience_and_review_and_each_reads_as_its_seed() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            page.navigate(site.url("/medway"));
            page.click("main >> text=Guidance");

            assertThat(page.url()).isEqualTo(site.url("/medway/guidance"));
            assertThat(page.title()).isEqualTo("Guidance – Medway Children's Trust – Trust Platform");
            assertThat(page.locator("[aria-current=page]").innerText()).isEqualTo("Guidance");
            assertThat(page.locator("table tbody tr").allInnerTexts())
                    .containsExactly("Safeguarding\tStaff working with children or young people, or on behalf of"
                            + " children and young people\tNot stated");
            WebSite.assertAccessible(page, "Medway's guidance library");
            WebSite.screenshot(page, "guidance-library");

            page.click("text=Safeguarding");

            assertThat(page.url()).isEqualTo(site.url("/medway/guidance/safeguarding-guidance-for-staff"));
            assertThat(page.title()).isEqualTo("Safeguarding – Medway Children's Trust – Trust Platform");
            assertThat(page.locator("[aria-current=page]").innerText())
                    .as("a document is a page below the library's menu item")
                    .isEqualTo("Guidance");
            assertThat(page.locator("h2").allInnerTexts())
                    .containsSubsequence(
                            "Staff are aware of procedures to follow when they are concerned about the welfare of a child",
                            "Staff are aware of organisational processes to follow to ensure children are kept safe",
                            "Staff are aware of procedures to follow when they are concerned about the welfare of a child",
                            "Staff are aware of ‘safe working ‘ practices with children to protect staff from allegations");
            assertThat(page.locator("main h3").allInnerTexts())
                    .containsExactly(
                            "Staff Recruitment",
                            "Equal opportunities",
                            "Consents",
                            "Risk assessments",
                            "Information",
                            "Safe working Behaviour",
                            "Relationships with children",
                            "Lone working");
            assertThat(summary(page.locator("main dl")))
                    .containsEntry("To be reviewed", "Not stated")
                    .hasEntrySatisfying(
                            "Source",
                            source -> assertThat(source)
                                    .contains("Guidance developed with reference to Medway’s Safeguarding Procedures"));
            assertThat(page.locator("main").innerText())
                    .contains(
                            "These principles apply to all staff including unpaid employees.",
                            "2.8 Do undertake a risk assessment of the premises/activity",
                            "4.19 Ensure you make arrangements with your line manager to track your whereabouts");
            WebSite.assertAccessible(page, "Medway's safeguarding guidance for staff");
            WebSite.screenshot(page, "guidance");

            page.click("text=All guidance");
            assertThat(page.url()).isEqualTo(site.url("/medway/guidance"));

            page.navigate(site.url("/cumbria/guidance/online-code-of-conduct"));
            String code = page.locator("main").innerText();

            assertThat(code.indexOf("Examples of such problematic usage of publicly accessible social networking"))
                    .as("the section reads paragraph, list, paragraph, as the code does")
                    .isLessThan(code.indexOf("Staff referring to forthcoming trips/visits"));
            assertThat(code.indexOf("Staff referring to forthcoming trips/visits"))
                    .isLessThan(code.indexOf("This code of conduct is designed to protect staff"));
            WebSite.assertAccessible(page, "Cumbria's online code of conduct");

            page.navigate(site.url("/cumbria/guidance"));

            assertThat(page.locator("table tbody tr").allInnerTexts())
                    .containsExactly(
                            "Online Communication Code of Conduct for Staff Working with Children\tStaff working with"
                                    + " children\tNot stated",
                            "UNCRC Articles 1-42\tNot stated\tNot stated");
            page.click("text=UNCRC Articles 1-42");
            assertThat(page.locator("h2").allInnerTexts()).contains("Article 1", "Article 12", "Article 42");
            assertThat(page.locator("main").innerText())
                    .contains("Articles 1-42 set out how children should be treated.");
            WebSite.assertAccessible(page, "the UNCRC articles");

            page.navigate(site.url("/cambridgeshire/guidance"));

            assertThat(page.locator("table tbody tr").allInnerTexts())
                    .containsExactly("Children and Young People's Participation Champion role description"
                            + "\tParticipation Champions\tautumn 2011");
            WebSite.assertAccessible(page, "Cambridgeshire's guidance library");

            Response none = page.navigate(site.url("/luton/guidance"));
            assertThat(none.status()).isEqualTo(200);
            assertThat(page.locator("main").innerText())
                    .contains("Luton Safeguarding Children Partnership has not published any guidance yet.");
            assertThat(page.locator("table").count()).isZero();
            WebSite.assertAccessible(page, "a partnership with no guidance");

            for (String missing : List.of(
                    "/medway/guidance/no-such-guidance",
                    "/luton/guidance/online-code-of-conduct",
                    "/no-such-partnership/guidance/online-code-of-conduct")) {
                Response notFound = page.navigate(site.url(missing));
                assertThat(notFound.status()).as(missing).isEqualTo(404);
                assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            }
            WebSite.assertAccessible(page, "guidance that is not published");
        }
        journeys++;
    }

    @Test
    void the_pledge_register_lists_the_agencies_with_a_current_pledge_and_the_pledge_they_signed() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            Response luton = page.navigate(site.url("/luton/pledge-register"));
            List<String> rows = page.locator("table tbody tr").allInnerTexts();
            String text = page.locator("main").innerText();

            assertThat(luton.status()).isEqualTo(200);
            assertThat(page.locator("table thead").innerText().strip()).isEqualTo("Agency\tCategory\tRegistered since");
            assertThat(rows)
                    .contains(currentAgency + "\tPrivate, voluntary, Independent and Community groups/agencies\t"
                            + Dates.day(TODAY));
            assertThat(text)
                    .as("only current pledges are listed")
                    .doesNotContain("Lapsed Nursery", "Withdrawn Club")
                    .as("the register names agencies, not who signed for them")
                    .doesNotContain("Catherine Barrett", "Chief Executive");
            assertThat(text)
                    .contains(
                            "THE LUTON ‘SAFEGUARDING CHILDREN’ PLEDGE",
                            "I agree to ensure that the following 9 Standards are promoted and delivered",
                            "Standard 1: Strategic Lead",
                            "All partner organisations have a strategic lead person appointed");
            WebSite.assertAccessible(page, "Luton's pledge register");
            WebSite.screenshot(page, "pledge-register");

            // A partnership of this test's own: the seeds' registers fill as other journeys sign pledges.
            page.navigate(site.url("/" + reviewshire + "/pledge-register"));

            assertThat(page.locator("main").innerText()).contains("No agency holds a current pledge yet.");
            assertThat(page.locator("table").count()).isZero();
            WebSite.assertAccessible(page, "an empty pledge register");
        }
        journeys++;
    }

    @Test
    void a_badge_address_says_current_lapsed_or_withdrawn_and_any_other_is_not_found_in_the_same_words() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            Response current = page.navigate(site.url("/pledges/luton/" + currentBadge));
            assertThat(current.status()).isEqualTo(200);
            assertThat(page.locator("#verdict").getAttribute("data-result")).isEqualTo("CURRENT");
            assertThat(page.locator("main").innerText())
                    .contains(
                            "This pledge is current.",
                            currentAgency,
                            "Luton Safeguarding Children Partnership",
                            "THE LUTON ‘SAFEGUARDING CHILDREN’ PLEDGE",
                            Dates.day(TODAY.minusMonths(1).plusMonths(12)));
            assertThat(page.locator(".govuk-tag").innerText()).isEqualTo("Current");
            WebSite.assertAccessible(page, "a current pledge's check");
            WebSite.screenshot(page, "pledge-check-current");

            Response lapsed = page.navigate(site.url("/pledges/luton/" + lapsedBadge));
            assertThat(lapsed.status()).isEqualTo(200);
            assertThat(page.locator("#verdict").innerText())
                    .isEqualTo("This pledge has lapsed: it was not renewed by its renewal date.");
            WebSite.assertAccessible(page, "a lapsed pledge's check");

            Response withdrawn = page.navigate(site.url("/pledges/luton/" + withdrawnBadge));
            assertThat(withdrawn.status()).isEqualTo(200);
            assertThat(page.locator("#verdict").innerText()).isEqualTo("This pledge has been withdrawn.");
            WebSite.assertAccessible(page, "a withdrawn pledge's check");

            List<String> notFound = new ArrayList<>();
            for (String address : List.of(
                    "/pledges/luton/bm90LWEtcmVhbC1jb2RlXw",
                    "/pledges/medway/" + currentBadge,
                    "/pledges/no-such-partnership/" + currentBadge,
                    "/pledges/luton/not-a-code",
                    "/pledges/NOT_A_SLUG/" + currentBadge)) {
                Response missing = page.navigate(site.url(address));
                assertThat(missing.status()).as(address).isEqualTo(404);
                notFound.add(page.content());
            }
            assertThat(notFound).as("the same page whatever the reason").containsOnly(notFound.getFirst());
            assertThat(page.locator("#verdict").innerText()).isEqualTo("No pledge has this address.");
            assertThat(page.locator("main").innerText()).doesNotContain("Luton", currentAgency);
            WebSite.assertAccessible(page, "a badge address that holds no badge");
            WebSite.screenshot(page, "pledge-check-not-found");

            var badge = page.request().get(site.url("/pledges/luton/" + currentBadge + "/badge.svg"));
            assertThat(badge.status()).isEqualTo(200);
            assertThat(badge.headers().get("content-type")).startsWith("image/svg+xml");
            assertThat(badge.text()).contains(currentAgency);
        }
        journeys++;
    }

    @Test
    void you_said_we_did_shows_the_feedback_recorded_through_the_api_and_never_another_partnerships() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();

            Response medway = page.navigate(site.url("/medway/you-said-we-did"));
            String text = page.locator("main").innerText();

            assertThat(medway.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-summary-card__title").allInnerTexts())
                    .contains("Youth club opening times")
                    .doesNotContain("Holiday club survey");
            Map<String, String> card = summary(page.locator(".govuk-summary-card")
                    .filter(new Locator.FilterOptions().setHasText("Youth club opening times")));
            assertThat(card)
                    .containsEntry("You said", "Open later, after we have helped at home.")
                    .containsEntry("We did", "The youth club now opens at 6pm on Thursdays.")
                    .containsEntry("What we asked about", "To hear what would make the service better.")
                    .containsEntry("Who we asked", "Young people, Parents and carers")
                    .containsEntry(
                            "When we asked", Dates.day(TODAY.minusDays(20)) + " to " + Dates.day(TODAY.minusDays(18)))
                    .containsEntry("When we told you", Dates.day(TODAY.minusDays(2)));
            assertThat(card.get("Who asked")).startsWith("Medway Youth Service");
            assertThat(text)
                    .as("no staff: not the partner lead who recorded it")
                    .doesNotContain(medwayLead.username(), "Demo")
                    .doesNotContain("nothing to do in the summer holidays");
            WebSite.assertAccessible(page, "Medway's you said, we did");
            WebSite.screenshot(page, "you-said-we-did");

            page.navigate(site.url("/luton/you-said-we-did"));

            assertThat(summary(page.locator(".govuk-summary-card")
                            .filter(new Locator.FilterOptions().setHasText("Holiday club survey"))))
                    .containsEntry("You said", "There is nothing to do in the summer holidays.")
                    .containsEntry("Who we asked", "Children");
            assertThat(page.locator("main").innerText())
                    .doesNotContain("Youth club opening times", "Medway", lutonLead.username());
            WebSite.assertAccessible(page, "Luton's you said, we did");

            page.navigate(site.url("/" + reviewshire + "/you-said-we-did"));

            assertThat(page.locator("main").innerText()).contains("There is nothing here yet.");
            WebSite.assertAccessible(page, "a partnership with no feedback given yet");
        }
        journeys++;
    }

    @Test
    void a_member_signed_in_to_one_partnership_reads_anothers_published_pages_as_the_public_does() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());

            Response luton = page.navigate(site.url("/luton/you-said-we-did"));

            assertThat(luton.status()).isEqualTo(200);
            assertThat(page.locator(".govuk-summary-card__title").allInnerTexts())
                    .contains("Holiday club survey")
                    .doesNotContain("Youth club opening times");
            assertThat(page.locator("nav").innerText()).doesNotContain("Your work");
            WebSite.assertAccessible(page, "another partnership's you said, we did, signed in");

            page.navigate(site.url("/medway/you-said-we-did"));

            assertThat(page.locator("nav").innerText()).contains("Your work", "Sign out");
            assertThat(page.locator(".govuk-summary-card__title").allInnerTexts())
                    .contains("Youth club opening times")
                    .doesNotContain("Holiday club survey");
        }
        journeys++;
    }

    @Test
    void an_address_naming_no_open_partnership_is_page_not_found_on_every_published_page() {
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            List<String> answers = new ArrayList<>();
            for (String published : PUBLISHED_PAGES) {
                for (String partnership : List.of("no-such-partnership", "Not_A_Slug")) {
                    Response missing = page.navigate(site.url("/" + partnership + published));
                    assertThat(missing.status()).as(partnership + published).isEqualTo(404);
                    answers.add(page.locator("main").innerText());
                }
            }
            assertThat(answers).containsOnly(answers.getFirst());
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            WebSite.assertAccessible(page, "a published page of no partnership");
        }
        journeys++;
    }

    @AfterAll
    void report() {
        System.out.printf(
                "Public pages: %d journeys, %d axe checks.%n", journeys, WebSite.axeChecks() - axeChecksBefore);
    }

    /** A summary list as its keys and values, as a visitor reads them. */
    private static Map<String, String> summary(Locator list) {
        Map<String, String> rows = new LinkedHashMap<>();
        Locator row = list.locator(".govuk-summary-list__row");
        for (int i = 0; i < row.count(); i++) {
            rows.put(
                    row.nth(i).locator("dt").innerText().strip(),
                    row.nth(i).locator("dd").innerText().strip());
        }
        return rows;
    }

    /** A partnership with what no seed has: two strategies, and charter reviews with children and young people. */
    private static final String REVIEWSHIRE = """
            slug: %1$s
            name: Reviewshire Children's Partnership
            kind: STRATEGIC_PARTNERSHIP
            region: SOUTH_WEST
            councils:
              - gssCode: E06000035
                name: Test Council
            emailDomains: [%1$s.example]
            admin: { email: admin@%1$s.example, firstName: Test, lastName: Admin }
            configuration:
              strategies:
                - title: Our first participation strategy
                  periodStart: 2009
                  periodEnd: 2012
                  vision: Children are heard.
                - title: Our second participation strategy
                  periodStart: 2012
                  periodEnd: 2015
                  vision: Children and young people shape our services.
                  reviewDate: 2014-09-01
              charter:
                title: Our charter
                values:
                  - { name: Listening, belief: Listening helps us improve., commitment: We will listen. }
                reviews:
                  - { date: 2025-03-12, withGroup: Children in Care Council }
                  - { date: 2026-02-03, withGroup: Youth Assembly }
            """;

    /** Onboards and opens a partnership from a definition of the test's own; its slug. */
    private String onboard(String definition) {
        String slug = "reviewshire-" + UUID.randomUUID().toString().substring(0, 8);
        ApiCaller operator = new ApiCaller(server)
                .withToken(TestKeycloak.personToken("operator", List.of(Role.PLATFORM_OPERATOR), null, null));
        Reply onboarded = operator.query(
                "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { tenant { slug } userErrors { message } } }",
                Map.of("d", definition.formatted(slug)));
        assertThat(onboarded
                        .data()
                        .path("onboardTenant")
                        .path("tenant")
                        .path("slug")
                        .asText())
                .as(onboarded.text())
                .isEqualTo(slug);
        operator.query(
                "mutation ($i: SetTenantStatusInput!) { setTenantStatus(input: $i) { tenant { status } } }",
                Map.of("i", Map.of("slug", slug, "status", "ACTIVE")));
        return slug;
    }

    private static void withdraw(ApiCaller admin, String partner) {
        JsonNode registration = admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { pledge { id version } } } }",
                        Map.of("id", partner))
                .data()
                .path("node")
                .path("pledge");
        Reply withdrawn = admin.query(
                "mutation ($i: PledgeTransitionInput!) { withdrawPledge(input: $i) { userErrors { message } } }",
                Map.of(
                        "i",
                        Map.of(
                                "id",
                                registration.path("id").asText(),
                                "version",
                                registration.path("version").asInt(),
                                "reason",
                                "No longer works with children.")));
        assertThat(withdrawn.data().path("withdrawPledge").path("userErrors"))
                .as(withdrawn.text())
                .isEmpty();
    }

    /**
     * The partner lead, signed in to the API with their own Keycloak token, records an activity of
     * twenty days ago, then the feedback its participants were given two days ago.
     */
    private void toldParticipants(
            Person lead, UUID agency, String title, Map<String, Object> audience, String youSaid, String weDid) {
        ApiCaller api = new ApiCaller(server).withToken(TestKeycloak.passwordToken(lead.username(), lead.password()));
        Map<String, Object> activity = new HashMap<>(Map.of(
                "partnerOrganisationId",
                GlobalId.encode("PartnerOrganisation", agency),
                "title",
                title,
                "purpose",
                "To hear what would make the service better.",
                "startsOn",
                TODAY.minusDays(20).toString(),
                "endsOn",
                TODAY.minusDays(18).toString()));
        activity.putAll(audience);
        Reply saved = api.query(
                "mutation ($i: SaveParticipationActivityInput!) { saveParticipationActivity(input: $i)"
                        + " { participationActivity { id version } userErrors { field message } } }",
                Map.of("i", activity));
        JsonNode recorded = saved.data().path("saveParticipationActivity");
        assertThat(recorded.path("userErrors")).as(saved.text()).isEmpty();
        Reply fedBack = api.query(
                "mutation ($i: RecordParticipationFeedbackInput!) { recordParticipationFeedback(input: $i)"
                        + " { participationActivity { id } userErrors { field message } } }",
                Map.of(
                        "i",
                        Map.of(
                                "id",
                                recorded.path("participationActivity")
                                        .path("id")
                                        .asText(),
                                "version",
                                recorded.path("participationActivity")
                                        .path("version")
                                        .asInt(),
                                "youSaid",
                                youSaid,
                                "weDid",
                                weDid,
                                "givenOn",
                                TODAY.minusDays(2).toString())));
        assertThat(fedBack.data().path("recordParticipationFeedback").path("userErrors"))
                .as(fedBack.text())
                .isEmpty();
    }
}
