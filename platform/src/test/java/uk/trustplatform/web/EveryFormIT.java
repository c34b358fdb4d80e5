package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.SeedPartnerships;
import uk.trustplatform.testing.SeedPartnerships.Person;
import uk.trustplatform.testing.TenantSnapshot;
import uk.trustplatform.testing.WebSite;

/**
 * Every form the web pages accept, found from the router rather than listed by hand: posted by a
 * signed-in member without the form token, each is refused and nothing of the partnership changes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryFormIT implements TestPropertyProvider {

    private final WebSite site = WebSite.onFreePort();

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return site.platformProperties();
    }

    @Test
    void every_form_post_without_its_token_is_refused_and_changes_nothing() {
        SeedPartnerships seeds = new SeedPartnerships(server);
        seeds.open("medway");
        UUID agency = seeds.agency("medway", "Medway Youth Service");
        Person lead = seeds.person("lead", "medway", agency, Role.PARTNER_LEAD);
        List<String> forms = router.uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.POST)
                .filter(route -> route.getTargetMethod()
                        .getDeclaringType()
                        .getPackageName()
                        .equals(EveryFormIT.class.getPackageName()))
                .map(UriRouteInfo::getUriMatchTemplate)
                .map(Object::toString)
                .sorted()
                .toList();
        assertThat(forms).as("the web pages' forms").hasSizeGreaterThan(10).contains("/sign-out");
        String someId = GlobalId.encode("PartnerOrganisation", agency);
        UUID medway = GlobalId.decode(
                        new ApiCaller(server)
                                .query("{ tenant(slug: \"medway\") { id } }")
                                .data()
                                .path("tenant")
                                .path("id")
                                .asText(),
                        "Tenant")
                .orElseThrow();
        String before = TenantSnapshot.of(medway);

        try (BrowserContext browser = site.browser()) {
            Page page = browser.newPage();
            site.signIn(page, "medway", lead.username(), lead.password());
            for (String form : forms) {
                String address = form.replace("{tenant}", "medway").replaceAll("\\{[^}]+}", someId);
                int status = page.request()
                        .post(
                                site.url(address),
                                RequestOptions.create()
                                        .setHeader("Content-Type", "application/x-www-form-urlencoded")
                                        .setData("_csrf=not-this-sessions&name=Smuggled&description=Smuggled"))
                        .status();

                assertThat(status).as("POST %s without its form token", address).isIn(403, 404);
                if (!form.matches(".*\\{(?!tenant)[^}]+}.*")) {
                    assertThat(status)
                            .as("POST %s, with nothing else to look up first", address)
                            .isEqualTo(403);
                }
            }
        }

        assertThat(TenantSnapshot.of(medway)).as("nothing of Medway changed").isEqualTo(before);
        System.out.printf("Every form: %d web forms refused without their token.%n", forms.size());
    }
}
