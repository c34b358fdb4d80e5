package uk.trustplatform.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.tenancy.TenantTransactions;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The pledge register: its lifecycle and the transitions it refuses, badges and their
 * verification, the renewal job, and the public register.
 */
@MicronautTest(transactional = false)
class PledgeRegisterIT {

    private static final LocalDate TODAY = TestCalendar.today();
    private static final String FIELDS =
            "id status version signatory postHeld onBehalfOf signedOn registeredOn renewalDueOn endedOn withdrawnReason"
                    + " badge { code imageUrl verificationUrl } partnerOrganisation { name }";

    @Inject
    EmbeddedServer server;

    @Inject
    PledgeRenewals renewals;

    @Inject
    TenantTransactions transactions;

    private TestTenant luton;
    private ApiCaller admin;
    private PledgeFixture fixture;

    @BeforeEach
    void lutonWithItsPledge() {
        luton = TestTenants.active("luton");
        admin = as("admin", Role.TENANT_ADMIN, null);
        fixture = new PledgeFixture(admin);
        fixture.publishPledge();
    }

    @Test
    void a_partner_is_invited_signs_is_registered_with_a_badge_renews_and_withdraws_each_step_audited() {
        String agency = fixture.partner("Luton Youth Offending Service", "statutory-lscb-member", true);
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, uuid(agency));

        JsonNode invited = registration(
                admin.query(
                        mutation("invitePartnerToPledge", "InvitePartnerToPledgeInput"),
                        input(Map.of("partnerOrganisationId", agency))),
                "invitePartnerToPledge");
        String id = invited.path("id").asText();
        JsonNode signed = registration(
                lead.query(mutation("signPledge", "SignPledgeInput"), input(signature(id, 0, TODAY.minusDays(3)))),
                "signPledge");
        JsonNode registered = registration(
                admin.query(mutation("registerPledge", "PledgeTransitionInput"), input(Map.of("id", id, "version", 1))),
                "registerPledge");
        JsonNode renewed = registration(
                lead.query(mutation("renewPledge", "SignPledgeInput"), input(signature(id, 2, TODAY))), "renewPledge");
        JsonNode withdrawn = registration(
                lead.query(
                        mutation("withdrawPledge", "PledgeTransitionInput"),
                        input(Map.of("id", id, "version", 3, "reason", "The service is closing."))),
                "withdrawPledge");

        assertThat(invited.path("status").asText()).isEqualTo("INVITED");
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.path("signatory").asText()).isEqualTo("Catherine Barrett");
        assertThat(registered.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(registered.path("registeredOn").asText()).isEqualTo(TODAY.toString());
        assertThat(registered.path("renewalDueOn").asText())
                .isEqualTo(TODAY.minusDays(3).plusMonths(12).toString());
        assertThat(registered.path("badge").path("code").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(registered.path("badge").path("verificationUrl").asText())
                .endsWith("/pledges/" + luton.slug() + "/"
                        + registered.path("badge").path("code").asText());
        assertThat(renewed.path("renewalDueOn").asText())
                .isEqualTo(TODAY.plusMonths(12).toString());
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("endedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(
                        TenantData.query(
                                luton.id(),
                                "SELECT action || ' by ' || actor FROM audit_event WHERE action LIKE 'PledgeRegistration.%' ORDER BY occurred_at"))
                .containsExactly(
                        "PledgeRegistration.invited by admin-" + luton.slug(),
                        "PledgeRegistration.signed by lead-" + luton.slug(),
                        "PledgeRegistration.registered by admin-" + luton.slug(),
                        "PledgeRegistration.renewed by lead-" + luton.slug(),
                        "PledgeRegistration.withdrawn by lead-" + luton.slug());
        assertThat(TenantData.query(
                        luton.id(),
                        "SELECT kind || ' ' || (summary->>'status') || ' ' || (partner_organisation_id = '"
                                + uuid(agency) + "') FROM domain_event WHERE subject_id = '" + uuid(id)
                                + "' ORDER BY position"))
                .containsExactly(
                        "pledge.invited INVITED true",
                        "pledge.signed SIGNED true",
                        "pledge.registered REGISTERED true",
                        "pledge.renewed REGISTERED true",
                        "pledge.withdrawn WITHDRAWN true");
    }

    @Test
    void transitions_the_state_or_the_role_does_not_allow_are_refused_with_the_reason_and_change_nothing() {
        String agency = fixture.partner("Luton Libraries", "pvi-community", false);
        ApiCaller lead = as("lead", Role.PARTNER_LEAD, uuid(agency));
        String id = registration(
                        admin.query(
                                mutation("invitePartnerToPledge", "InvitePartnerToPledgeInput"),
                                input(Map.of("partnerOrganisationId", agency))),
                        "invitePartnerToPledge")
                .path("id")
                .asText();

        JsonNode registerUnsigned = payload(
                admin.query(mutation("registerPledge", "PledgeTransitionInput"), input(Map.of("id", id, "version", 0))),
                "registerPledge");
        JsonNode invitedTwice = payload(
                admin.query(
                        mutation("invitePartnerToPledge", "InvitePartnerToPledgeInput"),
                        input(Map.of("partnerOrganisationId", agency))),
                "invitePartnerToPledge");
        JsonNode signedTomorrow = payload(
                lead.query(mutation("signPledge", "SignPledgeInput"), input(signature(id, 0, TODAY.plusDays(1)))),
                "signPledge");
        Reply leadRegisters =
                lead.query(mutation("registerPledge", "PledgeTransitionInput"), input(Map.of("id", id, "version", 0)));
        JsonNode withdrawnWithoutReason = payload(
                lead.query(mutation("withdrawPledge", "PledgeTransitionInput"), input(Map.of("id", id, "version", 0))),
                "withdrawPledge");
        Reply boardSigns = as("board", Role.BOARD_MEMBER, null)
                .query(mutation("signPledge", "SignPledgeInput"), input(signature(id, 0, TODAY)));

        assertThat(registerUnsigned.path("userErrors").path(0).path("message").asText())
                .isEqualTo("The pledge is INVITED; only a pledge that is SIGNED can be registered.");
        assertThat(invitedTwice.path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_ALLOWED");
        assertThat(signedTomorrow.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"signedOn\"]");
        assertThat(leadRegisters.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(withdrawnWithoutReason
                        .path("userErrors")
                        .path(0)
                        .path("field")
                        .toString())
                .isEqualTo("[\"input\",\"reason\"]");
        assertThat(boardSigns.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(TenantData.query(luton.id(), "SELECT status || ' ' || version FROM pledge_registration"))
                .containsExactly("INVITED 0");
        assertThat(TenantData.query(luton.id(), "SELECT kind FROM domain_event WHERE kind LIKE 'pledge.%'"))
                .as("a refused step announces nothing")
                .containsExactly("pledge.invited");
    }

    /** Found by the malformed-input fuzz test: registering ignored the reason, so one of any length was accepted. */
    @Test
    void a_reason_longer_than_the_limit_is_refused_by_every_step_and_nothing_changes() {
        String agency = fixture.partner("Luton Sports Trust", "pvi-community", false);
        String id = registration(
                        admin.query(
                                mutation("invitePartnerToPledge", "InvitePartnerToPledgeInput"),
                                input(Map.of("partnerOrganisationId", agency))),
                        "invitePartnerToPledge")
                .path("id")
                .asText();
        registration(
                admin.query(mutation("signPledge", "SignPledgeInput"), input(signature(id, 0, TODAY))), "signPledge");
        String tooLong = "Registered at the board. ".repeat(100);

        JsonNode register = payload(
                admin.query(
                        mutation("registerPledge", "PledgeTransitionInput"),
                        input(Map.of("id", id, "version", 1, "reason", tooLong))),
                "registerPledge");
        JsonNode withdraw = payload(
                admin.query(
                        mutation("withdrawPledge", "PledgeTransitionInput"),
                        input(Map.of("id", id, "version", 1, "reason", tooLong))),
                "withdrawPledge");

        for (JsonNode refused : List.of(register, withdraw)) {
            assertThat(refused.path("userErrors").toString())
                    .isEqualTo("[{\"field\":[\"input\",\"reason\"],\"message\":\"The reason is longer than 2000"
                            + " characters.\",\"code\":\"TOO_LONG\"}]");
        }
        assertThat(TenantData.query(luton.id(), "SELECT status || ' ' || version FROM pledge_registration"))
                .containsExactly("SIGNED 1");
    }

    @Test
    void a_badge_verifies_as_current_lapsed_or_withdrawn_and_a_made_up_code_only_as_not_found() throws Exception {
        String current = badgeOf(fixture.partner("Current Charity", "pvi-community", false), TODAY.minusMonths(1));
        String lapsed = badgeOf(fixture.partner("Lapsed Nursery", "pvi-community", false), TODAY.minusMonths(13));
        String withdrawnPartner = fixture.partner("Withdrawn Club", "pvi-community", false);
        String withdrawn = badgeOf(withdrawnPartner, TODAY.minusMonths(2));
        String registration = registrationOf(withdrawnPartner);
        admin.query(
                mutation("withdrawPledge", "PledgeTransitionInput"),
                input(Map.of("id", registration, "version", 2, "reason", "Stopped working with children.")));
        ApiCaller anyone = new ApiCaller(server);
        String verify = "query ($t: String!, $c: String!) { verifyPledge(tenantSlug: $t, code: $c)"
                + " { result tenantName organisationName pledgeTitle registeredOn renewalDueOn } }";

        JsonNode ofCurrent = anyone.query(verify, Map.of("t", luton.slug(), "c", current))
                .data()
                .path("verifyPledge");
        JsonNode ofLapsed = anyone.query(verify, Map.of("t", luton.slug(), "c", lapsed))
                .data()
                .path("verifyPledge");
        JsonNode ofWithdrawn = anyone.query(verify, Map.of("t", luton.slug(), "c", withdrawn))
                .data()
                .path("verifyPledge");
        JsonNode madeUp = anyone.query(verify, Map.of("t", luton.slug(), "c", "bm90LWEtcmVhbC1jb2RlXw"))
                .data()
                .path("verifyPledge");
        JsonNode otherTenant = anyone.query(verify, Map.of("t", "no-such-tenant", "c", current))
                .data()
                .path("verifyPledge");
        HttpResponse<String> svg = get("/pledges/" + luton.slug() + "/" + current + "/badge.svg");
        HttpResponse<String> page = get("/pledges/" + luton.slug() + "/" + lapsed);
        HttpResponse<String> missingPage = get("/pledges/" + luton.slug() + "/bm90LWEtcmVhbC1jb2RlXw");

        assertThat(ofCurrent.path("result").asText()).isEqualTo("CURRENT");
        assertThat(ofCurrent.path("organisationName").asText()).isEqualTo("Current Charity");
        assertThat(ofCurrent.path("pledgeTitle").asText()).isEqualTo("The Luton Safeguarding Children Pledge");
        assertThat(ofLapsed.path("result").asText()).isEqualTo("LAPSED");
        assertThat(ofWithdrawn.path("result").asText()).isEqualTo("WITHDRAWN");
        assertThat(madeUp.toString())
                .isEqualTo("{\"result\":\"NOT_FOUND\",\"tenantName\":null,\"organisationName\":null,"
                        + "\"pledgeTitle\":null,\"registeredOn\":null,\"renewalDueOn\":null}");
        assertThat(otherTenant).isEqualTo(madeUp);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(svg.body())
                .startsWith("<svg")
                .contains("Current Charity", "Test Trust " + luton.slug(), "/pledges/" + luton.slug() + "/" + current);
        assertThat(page.body()).contains("data-result=\"LAPSED\"", "Lapsed Nursery");
        assertThat(missingPage.statusCode()).isEqualTo(404);
        assertThat(missingPage.body()).contains("No pledge has this address.").doesNotContain("Luton");
    }

    @Test
    void the_renewal_job_marks_due_and_lapsed_pledges_once_even_when_run_twice_at_once() throws Exception {
        String due = fixture.partner("Due Trust", "pvi-community", false);
        String gone = fixture.partner("Gone Trust", "pvi-community", false);
        String fine = fixture.partner("Fine Trust", "pvi-community", false);
        badgeOf(due, TODAY.minusMonths(11));
        badgeOf(gone, TODAY.minusMonths(13));
        badgeOf(fine, TODAY.minusMonths(1));
        JsonNode listed = admin.query("{ pledgesDueForRenewal { partnerOrganisation { name } renewalDueOn status } }")
                .data()
                .path("pledgesDueForRenewal");
        CountDownLatch ready = new CountDownLatch(2);
        List<Callable<PledgeRenewals.Marked>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(() -> {
                ready.countDown();
                ready.await();
                return transactions.inTenant(luton.id(), false, () -> renewals.mark(luton.id(), TODAY));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<PledgeRenewals.Marked> marked = new ArrayList<>();
        try {
            for (Future<PledgeRenewals.Marked> run : pool.invokeAll(runs)) {
                marked.add(run.get());
            }
        } finally {
            pool.shutdown();
        }
        PledgeRenewals.Marked again = transactions.inTenant(luton.id(), false, () -> renewals.mark(luton.id(), TODAY));

        assertThat(listed.findValuesAsText("name")).containsExactly("Due Trust");
        assertThat(listed.findValuesAsText("status")).containsExactly("RENEWAL_DUE");
        assertThat(marked.stream().mapToInt(m -> m.lapsed().size()).sum()).isEqualTo(1);
        assertThat(marked.stream().mapToInt(m -> m.renewalDue().size()).sum()).isEqualTo(1);
        assertThat(again.lapsed()).isEmpty();
        assertThat(again.renewalDue()).isEmpty();
        assertThat(TenantData.query(luton.id(), "SELECT status FROM pledge_registration ORDER BY renewal_due_on"))
                .containsExactly("LAPSED", "RENEWAL_DUE", "REGISTERED");
        assertThat(
                        TenantData.query(
                                luton.id(),
                                "SELECT action FROM audit_event WHERE action IN ('PledgeRegistration.lapsed', 'PledgeRegistration.renewalDue') ORDER BY action"))
                .containsExactly("PledgeRegistration.lapsed", "PledgeRegistration.renewalDue");
        assertThat(TenantData.query(
                        luton.id(),
                        "SELECT kind || ' ' || (summary->>'renewalDueOn') FROM domain_event"
                                + " WHERE kind IN ('pledge.lapsed', 'pledge.renewal_due') ORDER BY kind"))
                .containsExactly(
                        "pledge.lapsed " + TODAY.minusMonths(13).plusMonths(12),
                        "pledge.renewal_due " + TODAY.minusMonths(11).plusMonths(12));
    }

    @Test
    void a_partners_pledge_in_the_listing_follows_the_renewal_notice_the_tenant_saved() {
        badgeOf(fixture.partner("Notice Trust", "pvi-community", false), TODAY.minusMonths(8));
        String listing = "{ partnerOrganisations { edges { node { name pledge { status } } } } }";

        JsonNode byDefault = admin.query(listing).data().findValue("pledge");
        Reply saved = admin.query(
                "mutation ($i: UpdatePartnershipSettingsInput!) { updatePartnershipSettings(input: $i)"
                        + " { partnershipSettings { renewalNoticeDays } userErrors { code } } }",
                Map.of("i", Map.of("version", 0, "minimumParticipationChampions", 1, "renewalNoticeDays", 180)));
        JsonNode bySaved = admin.query(listing).data().findValue("pledge");

        assertThat(byDefault.path("status").asText())
                .as("due in four months, outside the default 60 days' notice")
                .isEqualTo("REGISTERED");
        assertThat(saved.data().path("updatePartnershipSettings").path("userErrors"))
                .as(saved.text())
                .isEmpty();
        assertThat(bySaved.path("status").asText())
                .as("within the 180 days' notice saved")
                .isEqualTo("RENEWAL_DUE");
    }

    @Test
    void a_lapsed_partner_is_invited_again_and_the_history_stays() {
        String partner = fixture.partner("Returning Charity", "pvi-community", false);
        badgeOf(partner, TODAY.minusMonths(14));

        JsonNode again = registration(
                admin.query(
                        mutation("invitePartnerToPledge", "InvitePartnerToPledgeInput"),
                        input(Map.of("partnerOrganisationId", partner))),
                "invitePartnerToPledge");

        assertThat(again.path("status").asText()).isEqualTo("INVITED");
        assertThat(TenantData.query(luton.id(), "SELECT status FROM pledge_registration ORDER BY invited_at"))
                .containsExactly("LAPSED", "INVITED");
    }

    @Test
    void the_public_register_shows_current_agencies_name_category_and_date_and_nothing_more() {
        badgeOf(fixture.partner("Luton Borough Council", "statutory-lscb-member", true), TODAY.minusMonths(2));
        badgeOf(fixture.partner("Lapsed Nursery", "pvi-community", false), TODAY.minusMonths(13));
        String invitedOnly = fixture.partner("Invited Club", "pvi-community", false);
        admin.query(
                mutation("invitePartnerToPledge", "InvitePartnerToPledgeInput"),
                input(Map.of("partnerOrganisationId", invitedOnly)));

        JsonNode register = new ApiCaller(server)
                .query(
                        "query ($t: String!) { publicPledgeRegister(tenantSlug: $t) { tenant { slug }"
                                + " entries { name category categoryLabel registeredOn } } }",
                        Map.of("t", luton.slug()))
                .data()
                .path("publicPledgeRegister");
        Reply unknown =
                new ApiCaller(server).query("{ publicPledgeRegister(tenantSlug: \"nowhere\") { tenant { slug } } }");

        assertThat(register.path("entries").toString())
                .isEqualTo("[{\"name\":\"Luton Borough Council\",\"category\":\"statutory-lscb-member\","
                        + "\"categoryLabel\":\"Statutory members of the Luton Safeguarding Children Board\","
                        + "\"registeredOn\":\"" + TODAY + "\"}]");
        assertThat(unknown.data().path("publicPledgeRegister").isNull()).isTrue();
    }

    private String badgeOf(String partner, LocalDate signedOn) {
        return fixture.registered(partner, signedOn);
    }

    private String registrationOf(String partner) {
        return admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { pledge { id } } } }",
                        Map.of("id", partner))
                .data()
                .path("node")
                .path("pledge")
                .path("id")
                .asText();
    }

    private static Map<String, Object> signature(String id, long version, LocalDate on) {
        return new HashMap<>(Map.of(
                "id",
                id,
                "version",
                version,
                "signatory",
                "Catherine Barrett",
                "postHeld",
                "Chief Executive",
                "onBehalfOf",
                "The organisation",
                "signedOn",
                on.toString()));
    }

    private static String mutation(String field, String inputType) {
        return "mutation ($input: " + inputType + "!) { " + field + "(input: $input) { pledgeRegistration { " + FIELDS
                + " } userErrors { field message code } } }";
    }

    private static Map<String, Object> input(Map<String, Object> input) {
        return Map.of("input", input);
    }

    private static JsonNode payload(Reply reply, String field) {
        return reply.data().path(field);
    }

    private static JsonNode registration(Reply reply, String field) {
        JsonNode payload = payload(reply, field);
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("pledgeRegistration");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.getURI() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static UUID uuid(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    private ApiCaller as(String subject, Role role, UUID partner) {
        return ApiCaller.member(server, subject, role, luton.slug(), partner);
    }
}
