package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.runtime.server.EmbeddedServer;
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
}
