package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.LocalDate;
import java.util.Map;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TestKeycloak;

/** What the members' journeys share: a person's own API calls, and forms posted as a browser would. */
final class MemberJourneys {

    private MemberJourneys() {}

    /** The person's own calls to the API, with a token from the same Keycloak they sign in to. */
    static ApiCaller api(EmbeddedServer server, Person person) {
        return new ApiCaller(server).withToken(TestKeycloak.passwordToken(person.username(), person.password()));
    }

    /** The signed-in session's form token, from any page's sign-out form. */
    static String csrf(Page page) {
        return page.locator("input[name=_csrf]").first().inputValue();
    }

    /** Posts a form as the browser's session, without following a redirect. */
    static APIResponse post(Page page, String url, Map<String, String> fields) {
        FormData form = FormData.create();
        fields.forEach(form::set);
        return page.request().post(url, RequestOptions.create().setForm(form).setMaxRedirects(0));
    }

    /** A mutation's payload, failing loudly when the API refused it or reported user errors. */
    static JsonNode ok(
            ApiCaller caller, String mutation, String inputType, Map<String, Object> input, String selection) {
        return caller.mutate(mutation, inputType, input, selection);
    }

    /** The agency's pledge invited by the admin, signed by its lead on {@code signedOn} and registered. */
    static void registeredPledge(
            EmbeddedServer server, ApiCaller admin, String agencyId, Person lead, LocalDate signedOn) {
        ok(
                admin,
                "invitePartnerToPledge",
                "InvitePartnerToPledgeInput",
                Map.of("partnerOrganisationId", agencyId),
                "pledgeRegistration { id }");
        JsonNode invited = pledge(admin, agencyId);
        ok(
                api(server, lead),
                "signPledge",
                "SignPledgeInput",
                Map.of(
                        "id",
                        invited.path("id").asText(),
                        "version",
                        invited.path("version").asInt(),
                        "signatory",
                        "Jo Lead",
                        "postHeld",
                        "Director",
                        "onBehalfOf",
                        "The agency",
                        "signedOn",
                        signedOn.toString()),
                "pledgeRegistration { id }");
        JsonNode signed = pledge(admin, agencyId);
        ok(
                admin,
                "registerPledge",
                "PledgeTransitionInput",
                Map.of(
                        "id",
                        signed.path("id").asText(),
                        "version",
                        signed.path("version").asInt()),
                "pledgeRegistration { id }");
    }

    private static JsonNode pledge(ApiCaller admin, String agencyId) {
        return admin.query(
                        "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { pledge { id version } } } }",
                        Map.of("id", agencyId))
                .data()
                .path("node")
                .path("pledge");
    }
}
