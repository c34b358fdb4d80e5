package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.web.ParticipationJourneyIT.errorSummary;
import static uk.trustplatform.web.ParticipationJourneyIT.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HexFormat;
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
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.WebSite;

/**
 * Closing the loop in Chromium with JavaScript off: a Medway partner lead, signed in through
 * Keycloak's page, issues a feedback code for an activity whose participants heard back; a
 * participant in a browser of their own, never signed in, enters it, reads "you said, we did" and
 * answers; the lead sees the answer counted. Then the same browser tries codes until the rate limit
 * answers; its refusals are cleared afterwards so that no later test is limited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackCodeJourneyIT implements TestPropertyProvider {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    private String medway;
    private Person lead;
    private String activity;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @BeforeAll
    void anActivityWhoseParticipantsHeardBack() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        medway = seeds.openCopy("medway");
        UUID agency = seeds.agency(medway, "Medway Youth Service");
        lead = seeds.person("lead", medway, agency, Role.PARTNER_LEAD);
        ApiCaller admin = seeds.admin(medway);
        JsonNode saved = admin.mutate(
                "saveParticipationActivity",
                "SaveParticipationActivityInput",
                Map.of(
                        "partnerOrganisationId",
                        GlobalId.encode("PartnerOrganisation", agency),
                        "title",
                        "Youth centre opening hours",
                        "purpose",
                        "To hear when young people can come.",
                        "startsOn",
                        TODAY.minusDays(20).toString(),
                        "ageBands",
                        List.of("Young people")),
                "participationActivity { id }");
        activity = saved.path("participationActivity").path("id").asText();
        admin.mutate(
                "recordParticipationFeedback",
                "RecordParticipationFeedbackInput",
                Map.of(
                        "id",
                        activity,
                        "version",
                        0,
                        "youSaid",
                        "Open later on Fridays.",
                        "weDid",
                        "The youth centre now stays open until 9pm on Fridays.",
                        "givenOn",
                        TODAY.minusDays(5).toString()),
                "participationActivity { id }");
    }

    @AfterAll
    void forgetTheBrowsersRefusals() throws Exception {
        try (Connection owner = TestDatabase.ownerConnection()) {
            for (String address : LOOPBACK) {
                owner.setAutoCommit(false);
                try (PreparedStatement name = owner.prepareStatement("SELECT set_config('app.client', ?, true)")) {
                    name.setString(
                            1,
                            HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("SHA-256")
                                            .digest(address.getBytes(StandardCharsets.UTF_8))));
                    name.execute();
                }
                owner.createStatement().executeUpdate("DELETE FROM feedback_code_refusal");
                owner.commit();
            }
        }
    }

    @Test
    void a_lead_issues_a_code_a_participant_answers_with_it_and_the_lead_sees_the_answer_counted() {
        String activityPage = "/" + medway + "/participation/activities/" + activity;
        String code;
        String address;
        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway, lead.username(), lead.password());
            page.navigate(site.url(activityPage));
            assertThat(counts(page)).containsExactly("0", "0", "0");
            WebSite.assertAccessible(page, "the activity with no answers yet");

            page.click("text=Give the participants a feedback code");
            assertThat(page.url()).isEqualTo(site.url(activityPage + "/feedback-code"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Feedback code");
            WebSite.assertAccessible(page, "the feedback code page before a code is issued");

            Response issued = submit(page, "Issue a code");
            assertThat(issued.status()).isEqualTo(200);
            assertThat(page.url())
                    .as("the code is never in an address")
                    .isEqualTo(site.url(activityPage + "/feedback-code"));
            code = page.locator("#feedback-code").innerText().strip();
            address = page.locator("#feedback-address").innerText().strip();
            assertThat(code).matches("[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}");
            assertThat(address).endsWith("/" + medway + "/heard-back");
            assertThat(page.locator("main").innerText())
                    .contains("The code works until "
                            + Dates.day(TODAY.plusDays(90).toString()));
            WebSite.assertAccessible(page, "the code just issued, to print");

            page.navigate(site.url(activityPage + "/feedback-code"));
            assertThat(page.locator("#code-status").innerText())
                    .isEqualTo("Its feedback code works until "
                            + Dates.day(TODAY.plusDays(90).toString()) + ".");
            assertThat(page.content()).as("shown only once").doesNotContain(code);
        }

        try (BrowserContext participant = site.browser()) {
            Page page = participant.newPage();
            page.navigate(site.url("/" + medway + "/heard-back"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Did you hear back?");
            assertThat(page.locator("header").innerText()).doesNotContain("Sign out");
            WebSite.assertAccessible(page, "entering a feedback code");

            Response empty = submit(page, "Continue");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(errorSummary(page)).containsExactly("Enter your feedback code.");
            WebSite.assertAccessible(page, "no code entered");

            page.fill("#code", "K7QM-4XHT-9PWC");
            Response madeUp = submit(page, "Continue");
            assertThat(madeUp.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly("This code is not recognised. Check it is the one you were given; codes stop"
                            + " working after a while.");
            WebSite.assertAccessible(page, "a code not recognised");

            page.fill("#code", code.toLowerCase().replace("-", " "));
            Response found = submit(page, "Continue");
            assertThat(found.status()).isEqualTo(200);
            assertThat(page.url())
                    .as("the code only in the form's body")
                    .isEqualTo(site.url("/" + medway + "/heard-back"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Youth centre opening hours");
            assertThat(page.locator("#you-said").innerText()).isEqualTo("Open later on Fridays.");
            assertThat(page.locator("#we-did").innerText())
                    .isEqualTo("The youth centre now stays open until 9pm on Fridays.");
            assertThat(page.locator("main").innerText())
                    .contains("We told the people who took part on "
                            + Dates.day(TODAY.minusDays(5).toString()));
            WebSite.assertAccessible(page, "what the participants were told, and the question");

            Response unanswered = submit(page, "Send your answer");
            assertThat(unanswered.status()).isEqualTo(400);
            assertThat(errorSummary(page))
                    .containsExactly("Say whether you heard what happened because of what you said.");
            WebSite.assertAccessible(page, "the question not answered");

            page.getByLabel("Yes").check();
            page.fill("#words", "I saw the poster at school.");
            Response answered = submit(page, "Send your answer");
            assertThat(answered.status()).isEqualTo(200);
            assertThat(page.locator("h1").innerText()).isEqualTo("Thank you");
            WebSite.assertAccessible(page, "the answer counted");

            for (int guess = 0; guess < 9; guess++) {
                page.navigate(site.url("/" + medway + "/heard-back"));
                page.fill("#code", "ZZZZ-ZZZZ-ZZ" + CODE_CHARACTERS.charAt(guess) + "Z");
                submit(page, "Continue");
            }
            page.navigate(site.url("/" + medway + "/heard-back"));
            page.fill("#code", code);
            Response limited = submit(page, "Continue");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(page.locator("h1").innerText()).isEqualTo("Too many codes tried");
            assertThat(page.locator("#limited").innerText())
                    .isEqualTo("Too many codes that were not recognised have come from your connection. Wait 15"
                            + " minutes, then try again.");
            assertThat(page.content()).doesNotContain("Youth centre opening hours");
            WebSite.assertAccessible(page, "too many codes tried");
        }

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, medway, lead.username(), lead.password());
            page.navigate(site.url(activityPage));
            assertThat(counts(page)).as("yes, not yet, no").containsExactly("1", "0", "0");
            assertThat(page.locator("#heard-back-words").innerText())
                    .contains("I saw the poster at school.")
                    .contains("yes");
        }
    }

    /** Characters a code may hold, for guesses that count towards the limit. */
    private static final String CODE_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    private static List<String> counts(Page page) {
        return page.locator("#heard-back .govuk-summary-list__value").allInnerTexts().stream()
                .map(String::strip)
                .toList();
    }
}
