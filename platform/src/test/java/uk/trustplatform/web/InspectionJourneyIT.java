package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.DocumentAdminJourneyIT.submit;
import static uk.trustplatform.web.ParticipationJourneyIT.errorSummary;
import static uk.trustplatform.web.ParticipationJourneyIT.fillDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestKeycloak;
import uk.trustplatform.testing.WebSite;

/**
 * A Medway partner lead, the participation worker who facilitated it, records an inspection by
 * young inspectors in Chromium with JavaScript off (signed in through Keycloak's own page): the
 * young inspectors added one at a time, answers to Medway's five Young Inspectors questions,
 * findings and recommendations; reports it with the kite mark; records the service's response.
 * The lead gives the young inspectors a feedback code; with it one of them reads the report and
 * the service's response, and answers. The public then sees the kite mark on the pledge register,
 * with its date and the day it expires, and no inspector; once it has expired, the public no
 * longer sees it and the lead's inspection page says it expired.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionJourneyIT implements TestPropertyProvider {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String INSPECTIONS = "{ inspections { edges { node { status kiteMarkAwarded reportedOn"
            + " inspectors { name ageBand } answers { question answer } findings"
            + " recommendations { number text response respondedOn } } } } }";

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private Person medwayLead;
    private Person medwayAdmin;
    private UUID youthService;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void medwayWithAnAgencyAndItsLead() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        seeds.open("medway");
        youthService = seeds.agency("medway", "Medway Youth Service");
        medwayLead = seeds.person("lead", "medway", youthService, Role.PARTNER_LEAD);
        medwayAdmin = seeds.person("admin", "medway", null, Role.TENANT_ADMIN);
    }

    @Test
    void a_lead_records_reports_and_responds_to_an_inspection_and_the_public_sees_only_the_kite_mark() {
        JsonNode saved;
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", medwayLead.username(), medwayLead.password());
            page.click("nav >> text=Inspections");

            assertThat(page.url()).isEqualTo(site.url("/medway/inspections"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Inspections by young inspectors");
            assertThat(page.locator("body").innerText()).contains("No inspections are recorded yet.");
            WebSite.assertAccessible(page, "the inspections");

            page.click("text=Record an inspection");
            assertThat(page.url()).isEqualTo(site.url("/medway/inspections/new"));
            assertThat(page.locator("label[for^=inspection-answers-]").allInnerTexts())
                    .as("Medway's five questions, in the seed's words")
                    .containsExactly(
                            "Is the service accessible?",
                            "Is the service welcoming?",
                            "Is it clear what the service does?",
                            "Are you/ young people satisfied with the service?",
                            "Are young people involved in making the service better?");
            assertThat(page.locator("#inspection-findings-hint").innerText()).contains("Do not name any child");
            WebSite.assertAccessible(page, "recording an inspection");

            page.fill("#inspection-serviceName", "Youth club on Canterbury Street");
            Response added = submit(page, "Add another young inspector");
            assertThat(added.status()).isEqualTo(200);
            page.fill("#inspection-inspectors-0-name", "Priya Shah");
            page.selectOption("#inspection-inspectors-0-ageBand", "Young people");
            submit(page, "Add another young inspector");
            assertThat(page.inputValue("#inspection-inspectors-0-name"))
                    .as("what was typed survives adding a row, without JavaScript")
                    .isEqualTo("Priya Shah");
            assertThat(page.inputValue("#inspection-serviceName")).isEqualTo("Youth club on Canterbury Street");
            page.fill("#inspection-inspectors-1-name", "Jo");
            fillDate(page, "inspection-inspectedOn", TODAY.minusDays(3));
            page.fill("#inspection-answers-accessible", "Yes, but the ramp was blocked by bikes.");
            page.fill("#inspection-answers-welcoming", "Staff said hello and showed us round.");
            page.fill("#inspection-findings", "The ramp was blocked and the opening times were hard to find.");
            submit(page, "Add another recommendation");
            page.fill("#inspection-recommendations-0", "Put the opening times on the door.");

            Response fullName = submit(page, "Record the inspection");
            assertThat(fullName.status()).isEqualTo(400);
            assertThat(page.title()).startsWith("Error: Record an inspection");
            assertThat(errorSummary(page))
                    .as("selects left at their empty first option are refused, not sent as their first choice")
                    .containsExactly(
                            "Select which organisation was inspected.",
                            "Young inspector 1's name must be a first name or chosen name only: one word of"
                                    + " letters (a hyphen or apostrophe may join two), up to 30 characters, with no"
                                    + " surname, email or number.",
                            "Select young inspector 2's age band.");
            assertThat(page.locator("#inspection-inspectors-0-name-error").innerText())
                    .contains("first name or chosen name only");
            WebSite.assertAccessible(page, "an inspector named in full");

            page.fill("#inspection-inspectors-0-name", "Priya");
            page.selectOption("#inspection-partnerOrganisationId", new SelectOption().setIndex(1));
            page.selectOption("#inspection-inspectors-1-ageBand", "Young people with a severe disability");
            submit(page, "Record the inspection");
            assertThat(page.url()).contains("/medway/inspections/").endsWith("?done=recorded");
            assertThat(page.locator(".govuk-notification-banner").innerText()).contains("Inspection recorded");
            assertThat(page.locator("#inspectors").innerText())
                    .contains("Priya (Young people)", "Jo (Young people with");
            assertThat(page.locator("#answers").innerText())
                    .contains("Is the service accessible?", "the ramp was blocked by bikes");
            WebSite.assertAccessible(page, "a draft inspection");

            page.click("text=Report the inspection");
            WebSite.assertAccessible(page, "reporting an inspection");
            Response undecided = submit(page, "Report the inspection");
            assertThat(undecided.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly("Say whether the inspection awards the kite mark or withholds it.");
            WebSite.assertAccessible(page, "a report without its kite mark decision");
            page.check("#kiteMarkAwarded");
            submit(page, "Report the inspection");
            assertThat(page.locator("#inspection-status").innerText()).contains("Reported", "Kite mark awarded");
            String kiteMark = page.locator("#kite-mark").innerText();
            assertThat(page.locator("text=Change the inspection").count())
                    .as("a report is final")
                    .isZero();
            WebSite.assertAccessible(page, "a reported inspection");

            page.click("text=Record the response");
            assertThat(page.locator("h1").innerText()).isEqualTo("Record the service's response to recommendation 1");
            WebSite.assertAccessible(page, "recording the service's response");
            Response empty = submit(page, "Save the response");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly(
                            "Give the service's response to the recommendation.",
                            "Give the date the service responded.");
            WebSite.assertAccessible(page, "a response without its words or date");
            page.fill("#response", "The opening times are on the door now.");
            fillDate(page, "respondedOn", TODAY);
            submit(page, "Save the response");
            assertThat(page.locator("#inspection-status").innerText()).contains("Responded");
            assertThat(page.locator("#recommendations").innerText())
                    .contains("The service responded on " + Dates.day(TODAY), "on the door now");
            WebSite.assertAccessible(page, "an inspection responded to");

            String inspectionPage = page.url();
            assertThat(counts(page)).as("yes, not yet, no").containsExactly("0", "0", "0");
            page.click("text=Give the participants a feedback code");
            assertThat(page.locator(".govuk-caption-l").innerText())
                    .startsWith("Youth club on Canterbury Street, Medway Youth Service");
            Response issued = submit(page, "Issue a code");
            assertThat(issued.status()).isEqualTo(200);
            String code = page.locator("#feedback-code").innerText().strip();
            WebSite.assertAccessible(page, "an inspection's code just issued");

            try (BrowserContext inspector = site.browser()) {
                Page heard = inspector.newPage();
                heard.navigate(site.url("/medway/heard-back"));
                heard.fill("#code", code);
                submit(heard, "Continue");
                assertThat(heard.locator("h1").innerText())
                        .startsWith("Youth club on Canterbury Street at Medway Youth Service");
                assertThat(heard.locator("#responses").innerText())
                        .contains(
                                "Put the opening times on the door.",
                                "The service said on " + Dates.day(TODAY),
                                "The opening times are on the door now.");
                assertThat(heard.locator("#kite-mark").innerText())
                        .isEqualTo("Your inspection awarded the service the kite mark.");
                assertThat(heard.locator("main").innerText()).doesNotContain("Priya");
                WebSite.assertAccessible(heard, "an inspection's report, read with its code");
                heard.getByLabel("Yes").check();
                submit(heard, "Send your answer");
                assertThat(heard.locator("h1").innerText()).isEqualTo("Thank you");
            }
            page.navigate(inspectionPage);
            assertThat(counts(page)).containsExactly("1", "0", "0");

            String inspection = page.url().replaceFirst("\\?.*", "");

            saved = inspection();
            LocalDate reportedOn = LocalDate.parse(saved.path("reportedOn").asText());
            String expires = Dates.day(reportedOn.plusMonths(12));
            assertThat(kiteMark).as("Medway keeps the default 12 months").isEqualTo("Awarded; expires on " + expires);
            try (BrowserContext anyone = site.browser()) {
                Page register = anyone.newPage();
                register.navigate(site.url("/medway/pledge-register"));
                assertThat(register.locator("#kite-marks tr:has-text('Medway Youth Service')")
                                .innerText())
                        .contains("Youth club on Canterbury Street", Dates.day(reportedOn), expires);
                assertThat(register.locator("body").innerText()).doesNotContain("Priya", "ramp");
                WebSite.assertAccessible(register, "the pledge register with a kite mark");

                // Awarded on 1 March 2024 for 12 months: expired on 1 March 2025.
                TenantData.change(
                        TenantData.tenantOf("medway"),
                        "UPDATE inspection SET inspected_on = '2024-02-20', reported_on = '2024-03-01',"
                                + " kite_mark_expires_on = '2025-03-01' WHERE partner_organisation_id = '"
                                + youthService + "'");
                register.reload();
                assertThat(register.locator("#kite-marks tr:has-text('Medway Youth Service')")
                                .count())
                        .as("an expired kite mark is no longer public")
                        .isZero();
            }
            page.navigate(inspection);
            assertThat(page.locator("#kite-mark").innerText())
                    .isEqualTo("Awarded; expired on 1 March 2025, so it is no longer on the public pledge register");
            assertThat(page.locator("#inspection-status").innerText()).contains("Kite mark expired");
            WebSite.assertAccessible(page, "an inspection whose kite mark expired");
        }

        assertThat(saved.path("status").asText()).isEqualTo("RESPONDED");
        assertThat(saved.path("reportedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(saved.path("inspectors").toString())
                .isEqualTo("[{\"name\":\"Priya\",\"ageBand\":\"Young people\"},"
                        + "{\"name\":\"Jo\",\"ageBand\":\"Young people with a severe disability\"}]");
        assertThat(saved.path("answers").findValuesAsText("question")).containsExactly("accessible", "welcoming");
        assertThat(saved.path("recommendations").path(0).path("respondedOn").asText())
                .isEqualTo(TODAY.toString());
    }

    /** The latest inspection as the admin reads it from the API. */
    private JsonNode inspection() {
        return new ApiCaller(server)
                .withToken(TestKeycloak.passwordToken(medwayAdmin.username(), medwayAdmin.password()))
                .query(INSPECTIONS)
                .data()
                .path("inspections")
                .path("edges")
                .path(0)
                .path("node");
    }

    private static List<String> counts(Page page) {
        return page.locator("#heard-back .govuk-summary-list__value").allInnerTexts().stream()
                .map(String::strip)
                .toList();
    }
}
