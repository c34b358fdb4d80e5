package uk.trustplatform.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PublishedDocuments;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * "You said, we did" over the API: anyone reads, by a partnership's slug, the feedback its
 * partners gave participants, and nothing else: no activity still waiting for feedback, no person,
 * never another partnership's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YouSaidWeDidIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String READ = "query ($s: String!) { youSaidWeDid(tenantSlug: $s) { agencyName title purpose"
            + " ageBands audienceGroups startsOn endsOn youSaid weDid givenOn } }";
    private static final String LEAD_NAME = "Jo Kavanagh";
    private static final String SAVE =
            "mutation ($i: SaveParticipationActivityInput!) { saveParticipationActivity(input: $i)"
                    + " { participationActivity { id version } userErrors { field message } } }";
    private static final String FEEDBACK =
            "mutation ($i: RecordParticipationFeedbackInput!) { recordParticipationFeedback(input: $i)"
                    + " { participationActivity { id } userErrors { field message } } }";

    @Inject
    EmbeddedServer server;

    private TestTenant medway;
    private TestTenant kent;
    private ApiCaller anyone;

    /** Two partnerships, each with a partner that told participants what it did, and one activity still waiting. */
    @BeforeAll
    void twoPartnershipsWithFeedbackGiven() {
        anyone = new ApiCaller(server);
        medway = TestTenants.active("medway");
        kent = TestTenants.active("kent");
        String youthService = partnerWithVocabularies(medway, "Medway Youth Service");
        String earlyHelp = partnerWithVocabularies(kent, "Kent Early Help");
        ApiCaller medwayLead = lead(medway, youthService);
        ApiCaller kentLead = lead(kent, earlyHelp);
        told(
                medwayLead,
                activity(youthService, "Youth club opening times", TODAY.minusDays(60), "Young people", "young-carers"),
                "Open later, after we have helped at home.",
                "The youth club now opens at 6pm on Thursdays.",
                TODAY.minusDays(40));
        told(
                medwayLead,
                activity(youthService, "Parents' evening survey", TODAY.minusDays(30), "Children", "parents-carers"),
                "Evenings are hard with small children.",
                "Parents' meetings are now on Saturday mornings, with a creche.",
                TODAY.minusDays(5));
        saved(medwayLead.query(
                SAVE,
                Map.of(
                        "i",
                        activity(
                                youthService, "Still listening", TODAY.minusDays(3), "Young people", "young-carers"))));
        told(
                kentLead,
                activity(earlyHelp, "Kent bus passes", TODAY.minusDays(20), "Young people", "young-carers"),
                "Bus passes cost too much.",
                "Kent now gives young carers a free bus pass.",
                TODAY.minusDays(2));
    }

    @Test
    void anyone_reads_the_feedback_given_newest_first_in_the_partnerships_own_words_and_naming_nobody() {
        Reply reply = anyone.query(READ, Map.of("s", medway.slug()));
        JsonNode feedback = reply.data().path("youSaidWeDid");

        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        assertThat(feedback.findValuesAsText("title"))
                .as("newest feedback first; the activity still waiting is not there")
                .containsExactly("Parents' evening survey", "Youth club opening times");
        JsonNode newest = feedback.path(0);
        assertThat(newest.path("agencyName").asText()).isEqualTo("Medway Youth Service");
        assertThat(newest.path("purpose").asText()).isEqualTo("To hear what they need from the service.");
        assertThat(newest.path("ageBands").toString()).isEqualTo("[\"Children\"]");
        assertThat(newest.path("audienceGroups").toString())
                .as("the group's label, not its code")
                .isEqualTo("[\"Parents and carers\"]");
        assertThat(newest.path("startsOn").asText())
                .isEqualTo(TODAY.minusDays(30).toString());
        assertThat(newest.path("endsOn").asText()).isEqualTo(TODAY.minusDays(28).toString());
        assertThat(newest.path("youSaid").asText()).isEqualTo("Evenings are hard with small children.");
        assertThat(newest.path("weDid").asText())
                .isEqualTo("Parents' meetings are now on Saturday mornings, with a creche.");
        assertThat(newest.path("givenOn").asText()).isEqualTo(TODAY.minusDays(5).toString());
        assertThat(reply.text())
                .as("no person: not the partner lead who recorded it, nor their sign-in")
                .doesNotContain(LEAD_NAME, "lead-" + medway.slug());
    }

    @Test
    void every_caller_reads_the_same_and_one_partnerships_feedback_never_appears_under_another() {
        Reply ofMedway = anyone.query(READ, Map.of("s", medway.slug()));
        Reply ofKent = anyone.query(READ, Map.of("s", kent.slug()));
        Reply kentAdminReadingMedway = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, kent.slug(), null)
                .query(READ, Map.of("s", medway.slug()));
        Reply medwayBoardReadingKent = ApiCaller.member(server, "board", Role.BOARD_MEMBER, medway.slug(), null)
                .query(READ, Map.of("s", kent.slug()));

        assertThat(ofKent.data().path("youSaidWeDid").findValuesAsText("title")).containsExactly("Kent bus passes");
        assertThat(ofKent.text()).doesNotContain("Medway", "Youth club", "Parents' evening");
        assertThat(ofMedway.text()).doesNotContain("Kent", "bus pass");
        assertThat(kentAdminReadingMedway.data()).isEqualTo(ofMedway.data());
        assertThat(medwayBoardReadingKent.data()).isEqualTo(ofKent.data());
    }

    @Test
    void a_partnership_that_is_not_open_or_does_not_exist_has_no_feedback_to_read() {
        TestTenant suspended = TestTenants.active("suspended");
        String partner = partnerWithVocabularies(suspended, "Suspended Youth Service");
        told(
                lead(suspended, partner),
                activity(partner, "Closed survey", TODAY.minusDays(10), "Young people", "young-carers"),
                "Said.",
                "Done.",
                TODAY.minusDays(1));
        TestTenants.setStatus(suspended, "SUSPENDED");

        Reply closed = anyone.query(READ, Map.of("s", suspended.slug()));
        Reply missing = anyone.query(READ, Map.of("s", "no-such-partnership"));

        assertThat(closed.body().has("errors")).as(closed.text()).isFalse();
        assertThat(closed.data().path("youSaidWeDid").isNull())
                .as(closed.text())
                .isTrue();
        assertThat(missing.data()).isEqualTo(closed.data());
    }

    @Test
    void bad_input_is_refused_naming_the_argument_and_reads_nothing() {
        Reply nul = anyone.query(READ, Map.of("s", medway.slug() + "\u0000"));
        Reply surrogate = anyone.query(READ, Map.of("s", "\uD800" + medway.slug()));
        Reply noSlug = anyone.query("{ youSaidWeDid { title } }");
        Reply notText = anyone.query("{ youSaidWeDid(tenantSlug: 42) { title } }");
        Reply unknownField = anyone.query("{ youSaidWeDid(tenantSlug: \"medway\") { recordedBy } }");
        Reply huge = anyone.query(READ, Map.of("s", "m".repeat(10_000)));
        Reply sqlish = anyone.query(READ, Map.of("s", medway.slug() + "' OR '1'='1"));

        for (Reply refused : List.of(nul, surrogate)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
            assertThat(refused.firstError().path("message").asText())
                    .startsWith("Argument 'tenantSlug' of field 'youSaidWeDid' contains");
            assertThat(refused.body().has("data")).isFalse();
        }
        for (Reply invalid : List.of(noSlug, notText, unknownField)) {
            assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
            assertThat(invalid.errorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        }
        assertThat(huge.body().has("errors")).as(huge.text()).isFalse();
        assertThat(huge.data().path("youSaidWeDid").isNull()).isTrue();
        assertThat(sqlish.body().has("errors")).as(sqlish.text()).isFalse();
        assertThat(sqlish.data().path("youSaidWeDid").isNull()).isTrue();
    }

    /** The partnership's vocabularies in force and a partner organisation of it; the partner's global id. */
    private String partnerWithVocabularies(TestTenant tenant, String name) {
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        new PublishedDocuments(admin)
                .publish(
                        "saveVocabularies",
                        "SaveVocabulariesInput",
                        "vocabularies",
                        Map.of(
                                "partnerCategories",
                                List.of(Map.of("code", "statutory", "label", "Statutory partner")),
                                "ageBands",
                                List.of(
                                        Map.of("label", "Children", "fromAge", 0, "toAge", 11),
                                        Map.of("label", "Young people", "fromAge", 12, "toAge", 18)),
                                "audienceGroups",
                                List.of(
                                        Map.of("code", "young-carers", "label", "Young carers"),
                                        Map.of("code", "parents-carers", "label", "Parents and carers"))));
        return new PledgeFixture(admin).partner(name, "statutory", true);
    }

    /** The partner's lead, signed in with a person's name. */
    private ApiCaller lead(TestTenant tenant, String partner) {
        return new ApiCaller(server)
                .withToken(TestIdentityProvider.token("lead-" + tenant.slug())
                        .roles(Role.PARTNER_LEAD)
                        .organisations(tenant.slug())
                        .partnerOrganisation(
                                GlobalId.decode(partner).orElseThrow().uuid())
                        .claim("name", LEAD_NAME)
                        .sign());
    }

    private static Map<String, Object> activity(
            String partner, String title, LocalDate start, String ageBand, String group) {
        return Map.of(
                "partnerOrganisationId",
                partner,
                "title",
                title,
                "purpose",
                "To hear what they need from the service.",
                "startsOn",
                start.toString(),
                "endsOn",
                start.plusDays(2).toString(),
                "ageBands",
                List.of(ageBand),
                "audienceGroups",
                List.of(group));
    }

    /** Records the activity as the lead, then the feedback its participants were given. */
    private static void told(ApiCaller lead, Map<String, Object> activity, String youSaid, String weDid, LocalDate on) {
        JsonNode recorded = saved(lead.query(SAVE, Map.of("i", activity)));
        Reply feedback = lead.query(
                FEEDBACK,
                Map.of(
                        "i",
                        Map.of(
                                "id",
                                recorded.path("id").asText(),
                                "version",
                                recorded.path("version").asInt(),
                                "youSaid",
                                youSaid,
                                "weDid",
                                weDid,
                                "givenOn",
                                on.toString())));
        assertThat(feedback.data().path("recordParticipationFeedback").path("userErrors"))
                .as(feedback.text())
                .isEmpty();
    }

    private static JsonNode saved(Reply reply) {
        JsonNode payload = reply.data().path("saveParticipationActivity");
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("participationActivity");
    }
}
