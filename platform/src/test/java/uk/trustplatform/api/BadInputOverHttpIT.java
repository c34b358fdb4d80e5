package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * Input that once reached PostgreSQL or graphql-java's internals and came back as an internal
 * error: control characters in arguments and addresses, subscriptions, and aliases of
 * {@code __typename} that the limits did not count. Each is now a 4xx naming what was wrong.
 */
@MicronautTest(transactional = false)
class BadInputOverHttpIT {

    private static final String REGISTER = """
            mutation ($input: RegisterPartnerOrganisationInput!) {
              registerPartnerOrganisation(input: $input) { partnerOrganisation { id } userErrors { message } }
            }""";

    @Inject
    EmbeddedServer server;

    private ApiCaller anonymous;

    @BeforeEach
    void connect() {
        anonymous = new ApiCaller(server);
    }

    @Test
    void a_nul_in_an_anonymous_inline_argument_is_a_400_naming_the_argument() {
        Reply reply = anonymous.query("{ verifyPledge(tenantSlug: \"medway\", code: \"\\u0000\") { result } }");

        assertRefused(
                reply,
                400,
                "BAD_USER_INPUT",
                "Argument 'code' of field 'verifyPledge' contains a control character (U+0000); text may hold tabs"
                        + " and line breaks, but no other control characters and no unpaired surrogates.");
    }

    @Test
    void a_nul_in_a_variable_is_refused_the_same_way() {
        Reply reply = anonymous.query(
                "query ($slug: String!) { tenant(slug: $slug) { name } }", Map.of("slug", "medway\u0000"));

        assertRefused(
                reply,
                400,
                "BAD_USER_INPUT",
                "Argument 'slug' of field 'tenant' contains a control character (U+0000)");
    }

    @Test
    void control_characters_inside_a_mutations_input_are_refused_for_a_signed_in_admin_and_nothing_is_written() {
        TestTenant tenant = TestTenants.active("nul");
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);

        Reply nul = admin.query(REGISTER, Map.of("input", Map.of("name", "Youth\u0000Service")));
        Reply escape = admin.query(
                REGISTER, Map.of("input", Map.of("name", "Youth Service", "organisationIdentifier", "GB-CHC-\u001b1")));
        Reply surrogate = admin.query(REGISTER, Map.of("input", Map.of("name", "Youth \ud800Service")));

        assertRefused(
                nul,
                400,
                "BAD_USER_INPUT",
                "Argument 'input.name' of field 'registerPartnerOrganisation' contains a control character (U+0000)");
        assertRefused(
                escape,
                400,
                "BAD_USER_INPUT",
                "Argument 'input.organisationIdentifier' of field 'registerPartnerOrganisation' contains a control"
                        + " character (U+001B)");
        assertRefused(
                surrogate,
                400,
                "BAD_USER_INPUT",
                "Argument 'input.name' of field 'registerPartnerOrganisation' contains an unpaired surrogate (U+D800)");
        assertThat(TenantData.rows(tenant.id(), "partner_organisation")).isZero();
        assertThat(TenantData.audit(tenant.id())).isEmpty();
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_that_says_so_with_a_code() {
        Reply reply = anonymous.postJson("{\"query\": \"" + "x".repeat(2_000_000) + "\"}");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(reply.firstError().path("message").asText()).contains("larger than the server accepts");
    }

    @Test
    void a_subscription_is_a_validation_error_since_the_schema_has_none() {
        Reply alone = anonymous.query("subscription { tenant(slug: \"medway\") { name } }");
        Reply beside = anonymous.postJson(
                "{\"query\": \"query Q { __typename } subscription S { __typename }\"," + " \"operationName\": \"Q\"}");

        for (Reply reply : List.of(alone, beside)) {
            assertRefused(
                    reply,
                    400,
                    "GRAPHQL_VALIDATION_FAILED",
                    "This API has no subscription operations; send a query or a mutation.");
        }
    }

    @Test
    void aliases_of_typename_count_towards_the_alias_root_field_and_complexity_limits() {
        String rootAliases = IntStream.range(0, 101)
                .mapToObj(i -> "a" + i + ": __typename")
                .collect(Collectors.joining(" ", "query { ", " }"));
        String pageAliases = IntStream.range(0, 1000)
                .mapToObj(i -> "a" + i + ": __typename")
                .collect(Collectors.joining(" ", "{ partnerOrganisations(first: 100) { edges { node { ", " } } } }"));
        TestTenant tenant = TestTenants.active("aliases");
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);

        Reply root = anonymous.query(rootAliases);
        Reply page = admin.query(pageAliases);

        assertRefused(root, 400, "LIMIT_EXCEEDED", "Query refused: aliases is 101, over the limit of 15.");
        assertThat(root.text()).contains("root fields is 101, over the limit of 10");
        assertRefused(page, 400, "LIMIT_EXCEEDED", "Query refused: complexity is 100201, over the limit of 2500.");
        assertThat(page.text()).contains("aliases is 1000, over the limit of 15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pledges/medway/%00", "/pledges/medway/%00/badge.svg", "/pledges/%00/abc/badge.svg"})
    void a_badge_address_with_a_nul_is_a_plain_400_that_quotes_no_sql(String path) {
        Reply reply = anonymous.get(path, Map.of());

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(reply.text())
                .isEqualTo("This address contains a control character (U+0000), which no page or file of the"
                        + " platform has in its address.")
                .doesNotContain("SQL");
        assertThat(reply.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void a_control_character_in_a_query_parameter_of_any_other_route_is_a_plain_400() {
        Reply export = anonymous.get("/exports/action-plans.csv", Map.of("periodStart", "\u0001"));
        Reply name = anonymous.get("/pledges/medway/abc?%00=x", Map.of());

        for (Reply reply : List.of(export, name)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.text()).startsWith("This address contains a control character");
        }
    }

    private static void assertRefused(Reply reply, int status, String code, String messagePart) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.text()).isEqualTo(code);
        assertThat(reply.firstError().path("message").asText()).as(reply.text()).contains(messagePart);
        assertThat(reply.body().has("data")).as("refused before execution").isFalse();
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("SQL");
    }
}
