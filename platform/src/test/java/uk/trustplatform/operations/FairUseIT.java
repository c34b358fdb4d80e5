package uk.trustplatform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The rate limits, on a platform of its own whose limits are low: a caller over its limit is
 * refused while its tenant's other callers are not; a tenant over its limit is refused while other
 * tenants are not; an address sending without signing in is limited on pages and the API alike.
 * Every refusal is a 429 with Retry-After, never a 5xx, and once Retry-After has passed the
 * refused caller is served again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FairUseIT implements TestPropertyProvider {

    /** A token every 2 s for callers and addresses; bursts of 3 for each caller and address, 6 for a tenant. */
    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "trust.rate-limits.caller.per-minute", "30",
                "trust.rate-limits.caller.burst", "3",
                "trust.rate-limits.tenant.per-minute", "30",
                "trust.rate-limits.tenant.burst", "6",
                "trust.rate-limits.address.per-minute", "30",
                "trust.rate-limits.address.burst", "3");
    }

    private static final String SETTINGS = "{ partnershipSettings { version } }";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** More than any burst above, even with a token or two refilled while the requests are sent. */
    private static final int ENOUGH = 12;

    @Inject
    EmbeddedServer server;

    @Test
    void a_caller_over_its_limit_gets_429_while_another_caller_of_its_tenant_is_still_served() throws Exception {
        TestTenant tenant = TestTenants.active("fair");
        ApiCaller looping = member(tenant, "partner-system");
        ApiCaller person = member(tenant, "person");

        List<Reply> replies = untilRefused(() -> looping.query(SETTINGS));
        Reply refused = replies.getLast();
        Reply other = person.query(SETTINGS);

        assertNeverServerError(replies);
        assertThat(replies).as("served up to its burst of 3, then refused").hasSizeBetween(4, ENOUGH);
        assertRateLimited(refused, "caller");
        assertThat(refused.firstError().path("message").asText()).contains("one caller", "30 a minute");
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        assertThat(other.data().path("partnershipSettings").path("version").isNumber())
                .isTrue();

        Thread.sleep(retryAfterMillis(refused));
        Reply again = looping.query(SETTINGS);
        assertThat(again.status()).as("after Retry-After: " + again.text()).isEqualTo(200);
        System.out.printf(
                "Fair use: a caller was refused after %d requests (Retry-After %s s) and served again after it.%n",
                replies.size() - 1, refused.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void a_tenant_over_its_limit_gets_429_while_another_tenant_is_still_served() {
        TestTenant busy = TestTenants.active("fair-busy");
        TestTenant quiet = TestTenants.active("fair-quiet");
        List<ApiCaller> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(member(busy, "caller-" + i));
        }

        // Two requests from each caller, below any caller's own limit: only the tenant's can refuse them.
        List<Reply> replies = new ArrayList<>();
        for (int round = 0; round < 2 && !refusedIn(replies); round++) {
            for (ApiCaller caller : callers) {
                replies.add(caller.query(SETTINGS));
                if (refusedIn(replies)) {
                    break;
                }
            }
        }
        Reply refused = replies.getLast();
        Reply otherTenant = member(quiet, "caller-0").query(SETTINGS);

        assertNeverServerError(replies);
        assertRateLimited(refused, "tenant");
        assertThat(refused.firstError().path("message").asText()).contains("Your partnership", "30 a minute");
        assertThat(replies)
                .as("served up to the tenant's burst of 6, then refused")
                .hasSizeBetween(7, ENOUGH);
        assertThat(otherTenant.status()).as(otherTenant.text()).isEqualTo(200);
    }

    @Test
    void an_address_without_a_token_is_limited_on_public_pages_and_the_api_but_not_on_health_or_files()
            throws Exception {
        ApiCaller anonymous = new ApiCaller(server).fromAddress("127.0.0.11").withHeader("Accept", BROWSER_ACCEPT);
        ApiCaller neighbour = new ApiCaller(server).fromAddress("127.0.0.12").withHeader("Accept", BROWSER_ACCEPT);

        List<Reply> pages = untilRefused(() -> anonymous.get("/accessibility", Map.of()));
        Reply refusedPage = pages.getLast();
        Reply api = anonymous.withHeader("Accept", "application/json").query("{ __typename }");
        Reply health = anonymous.get("/health/readiness", Map.of());
        Reply stylesheet = anonymous.get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css", Map.of());
        Reply neighbours = neighbour.get("/accessibility", Map.of());

        assertNeverServerError(pages);
        assertThat(pages.getFirst().status()).isEqualTo(200);
        assertThat(refusedPage.status()).isEqualTo(429);
        assertThat(refusedPage.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(refusedPage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refusedPage.text())
                .contains("govuk-heading-l", "Sorry, there have been too many requests", "from your address")
                .doesNotContain("Exception");
        assertRateLimited(api, "address");
        assertThat(health.status()).as("readiness is never limited").isEqualTo(200);
        assertThat(stylesheet.status()).as("static files are never limited").isEqualTo(200);
        assertThat(neighbours.status()).as("another address is served").isEqualTo(200);

        Thread.sleep(retryAfterMillis(refusedPage));
        assertThat(anonymous.get("/accessibility", Map.of()).status())
                .as("after Retry-After")
                .isEqualTo(200);
    }

    private ApiCaller member(TestTenant tenant, String subject) {
        return ApiCaller.member(server, subject, Role.TENANT_ADMIN, tenant.slug(), null);
    }

    private static List<Reply> untilRefused(Supplier<Reply> request) {
        List<Reply> replies = new ArrayList<>();
        while (replies.size() < ENOUGH && !refusedIn(replies)) {
            replies.add(request.get());
        }
        return replies;
    }

    private static boolean refusedIn(List<Reply> replies) {
        return !replies.isEmpty() && replies.getLast().status() == 429;
    }

    private static void assertNeverServerError(List<Reply> replies) {
        assertThat(replies)
                .extracting(Reply::status)
                .as("every reply is served or refused, never a 5xx")
                .allMatch(status -> status == 200 || status == 429);
    }

    private static void assertRateLimited(Reply reply, String limit) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(429);
        assertThat(reply.headers().firstValue("Retry-After")).isPresent();
        assertThat(reply.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(reply.firstError().path("extensions").path("limit").asText()).isEqualTo(limit);
        assertThat(reply.text()).doesNotContain("Exception").doesNotContainIgnoringCase("sql");
    }

    private static long retryAfterMillis(Reply refused) {
        return Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) * 1000;
    }
}
