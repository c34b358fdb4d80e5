package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Tokens issued by the real Keycloak: one person or system per role in tenant A, and tenant B's
 * admin. What each may see of A's partner agency, partner integrations by client credentials,
 * suspension, and linking a council's identity provider.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakAccessIT implements TestPropertyProvider {

    private static final String LIST = "{ partnerOrganisations { edges { node { id name } } } }";

    @Inject
    EmbeddedServer server;

    private String a;
    private String b;
    private String agencyId;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private String bAdminToken;

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.platformProperties();
    }

    @BeforeAll
    void twoTenantsWithOnePersonPerRole() {
        a = onboardAndOpen("alpha");
        b = onboardAndOpen("bravo");
        tokens.put(Role.TENANT_ADMIN, token("admin", List.of(Role.TENANT_ADMIN), a, null));
        agencyId = register(tokens.get(Role.TENANT_ADMIN), "Alpha Youth Offending Service");
        UUID agency = GlobalId.decode(agencyId, "PartnerOrganisation").orElseThrow();
        register(tokens.get(Role.TENANT_ADMIN), "Alpha Community Health");
        tokens.put(Role.BOARD_MEMBER, token("board", List.of(Role.BOARD_MEMBER), a, null));
        tokens.put(Role.PARTNER_LEAD, token("lead", List.of(Role.PARTNER_LEAD), a, agency));
        tokens.put(
                Role.FORUM_ANALYST,
                TestKeycloak.personToken(
                        "analyst", List.of(Role.FORUM_ANALYST), Map.of("regional_forum", "north-west-forum")));
        tokens.put(Role.PLATFORM_OPERATOR, token("operator", List.of(Role.PLATFORM_OPERATOR), null, null));
        JsonNode client = api(tokens.get(Role.TENANT_ADMIN))
                .query(
                        "mutation ($input: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $input)"
                                + " { clientId clientSecret tokenUrl userErrors { message } } }",
                        Map.of("input", Map.of("partnerOrganisationId", agencyId, "name", "Case management system")))
                .data()
                .path("registerPartnerIntegration");
        assertThat(client.path("tokenUrl").asText())
                .isEqualTo(TestKeycloak.server().tokenUrl());
        tokens.put(
                Role.PARTNER_INTEGRATION,
                TestKeycloak.clientToken(
                        client.path("clientId").asText(),
                        client.path("clientSecret").asText()));
        bAdminToken = token("admin", List.of(Role.TENANT_ADMIN), b, null);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_with_a_keycloak_token_sees_what_the_permission_matrix_says(Role role) {
        ApiCaller caller = api(tokens.get(role));
        if (role == Role.PLATFORM_OPERATOR) {
            caller = caller.inTenant(a);
        }

        Reply reply = caller.query(LIST);

        boolean seesAgency = reply.text().contains("Alpha Youth Offending Service");
        boolean seesOther = reply.text().contains("Alpha Community Health");
        switch (role) {
            case PLATFORM_OPERATOR, TENANT_ADMIN, BOARD_MEMBER ->
                assertThat(seesAgency && seesOther).as(reply.text()).isTrue();
            case PARTNER_LEAD, PARTNER_INTEGRATION -> {
                assertThat(seesAgency).as(reply.text()).isTrue();
                assertThat(seesOther).as("another agency's record").isFalse();
            }
            case FORUM_ANALYST -> {
                assertThat(seesAgency || seesOther).isFalse();
                assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            }
        }
    }

    @Test
    void the_integrations_token_carries_its_tenant_agency_and_role_from_keycloak() {
        JsonNode claims = TestKeycloak.claims(tokens.get(Role.PARTNER_INTEGRATION));

        assertThat(claims.path("organization").toString()).isEqualTo("[\"" + a + "\"]");
        assertThat(claims.path("partner_organisation").asText())
                .isEqualTo(GlobalId.decode(agencyId, "PartnerOrganisation")
                        .orElseThrow()
                        .toString());
        assertThat(claims.path("realm_access").path("roles").toString()).contains("partner-integration");
        assertThat(claims.path("aud").toString()).contains("trust-platform-api");
    }

    @Test
    void the_analysts_token_carries_its_forum_from_the_keycloak_user_attribute() {
        JsonNode claims = TestKeycloak.claims(tokens.get(Role.FORUM_ANALYST));

        assertThat(claims.path("regional_forum").asText()).isEqualTo("north-west-forum");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("forum-analyst");
        Reply forums = api(tokens.get(Role.FORUM_ANALYST)).query("{ regionalForums { slug } }");
        assertThat(forums.status()).as(forums.text()).isEqualTo(200);
        assertThat(forums.data().path("regionalForums").isArray())
                .as(forums.text())
                .isTrue();
    }

    @Test
    void an_integration_may_read_but_not_change_its_agencys_record() {
        Reply update = api(tokens.get(Role.PARTNER_INTEGRATION))
                .query(
                        "mutation ($input: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $input) { partnerOrganisation { id } } }",
                        Map.of("input", Map.of("id", agencyId, "version", 0, "name", "Renamed by a machine")));

        assertThat(update.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void tenant_bs_admin_reaches_nothing_of_a_with_as_ids() {
        ApiCaller bAdmin = api(bAdminToken);

        Reply list = bAdmin.query(LIST);
        Reply node = bAdmin.query("query ($id: ID!) { node(id: $id) { id } }", Map.of("id", agencyId));
        Reply named = bAdmin.inTenant(a).query(LIST);

        assertThat(list.text()).doesNotContain("Alpha");
        assertThat(node.data().path("node").isNull()).isTrue();
        assertThat(named.status()).isEqualTo(403);
    }

    @Test
    void a_suspended_tenants_people_and_systems_are_refused_until_it_is_reinstated() {
        String c = onboardAndOpen("charlie");
        String admin = token("admin", List.of(Role.TENANT_ADMIN), c, null);
        String agency = register(admin, "Charlie Early Help");
        JsonNode client = api(admin)
                .query(
                        "mutation ($input: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $input) { clientId clientSecret } }",
                        Map.of("input", Map.of("partnerOrganisationId", agency, "name", "Early help system")))
                .data()
                .path("registerPartnerIntegration");
        String system = TestKeycloak.clientToken(
                client.path("clientId").asText(), client.path("clientSecret").asText());

        setStatus(c, "SUSPENDED");
        Reply person = api(admin).query(LIST);
        Reply machine = api(system).query(LIST);
        setStatus(c, "ACTIVE");
        Reply personAgain = api(admin).query(LIST);

        assertThat(person.status()).isEqualTo(403);
        assertThat(person.firstError().path("message").asText()).contains("is suspended");
        assertThat(machine.status()).isEqualTo(403);
        assertThat(personAgain.status()).isEqualTo(200);
        assertThat(personAgain.text()).contains("Charlie Early Help");
    }

    @Test
    void a_councils_own_identity_provider_is_linked_to_its_organization_for_its_email_domain() {
        Reply linked = api(tokens.get(Role.PLATFORM_OPERATOR))
                .query(
                        "mutation ($input: LinkIdentityProviderInput!) { linkIdentityProvider(input: $input) { alias userErrors { field message } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "tenantSlug", a,
                                        "alias", a + "-entra",
                                        "displayName", "Alpha Council staff",
                                        "issuer",
                                                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
                                        "authorizationUrl",
                                                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/authorize",
                                        "tokenUrl",
                                                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token",
                                        "clientId", "trust-platform",
                                        "clientSecret", "from-entra",
                                        "emailDomain", a + ".example")));

        assertThat(linked.data().path("linkIdentityProvider").path("alias").asText())
                .as(linked.text())
                .isEqualTo(a + "-entra");
        String organisation = TestKeycloak.realm()
                .organizations()
                .searchByAttribute("trust.tenant:" + a)
                .getFirst()
                .getId();
        List<IdentityProviderRepresentation> providers = TestKeycloak.realm()
                .organizations()
                .get(organisation)
                .identityProviders()
                .getIdentityProviders();
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider.getAlias()).isEqualTo(a + "-entra");
            assertThat(provider.getConfig()).containsEntry("kc.org.domain", a + ".example");
        });
    }

    /**
     * A tenant admin may link a provider it controls, which can assert any email address. The
     * provider signs in through the realm's first-broker-login flow, where an account that already
     * has that address is linked only after its owner confirms by the email Keycloak sends to that
     * account or by signing in with its own password: never automatically by a matching email.
     */
    @Test
    void a_linked_provider_cannot_take_over_an_existing_account_by_asserting_its_email() {
        api(tokens.get(Role.PLATFORM_OPERATOR))
                .query(
                        "mutation ($input: LinkIdentityProviderInput!) { linkIdentityProvider(input: $input) { alias } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "tenantSlug", b,
                                        "alias", b + "-claims-anyone",
                                        "displayName", "Bravo Council partners",
                                        "issuer", "https://idp.bravo.example",
                                        "authorizationUrl", "https://idp.bravo.example/authorize",
                                        "tokenUrl", "https://idp.bravo.example/token",
                                        "clientId", "trust-platform",
                                        "clientSecret", "secret",
                                        "emailDomain", b + ".example")));
        IdentityProviderRepresentation provider = TestKeycloak.realm()
                .identityProviders()
                .get(b + "-claims-anyone")
                .toRepresentation();
        String flow = provider.getFirstBrokerLoginFlowAlias() == null
                ? TestKeycloak.realm().toRepresentation().getFirstBrokerLoginFlow()
                : provider.getFirstBrokerLoginFlowAlias();

        List<String> steps = TestKeycloak.realm().flows().getExecutions(flow).stream()
                .map(step -> String.valueOf(step.getProviderId()))
                .toList();

        assertThat(steps)
                .as("the first-broker-login flow %s", flow)
                .doesNotContain("idp-auto-link")
                .contains(
                        "idp-create-user-if-unique",
                        "idp-confirm-link",
                        "idp-email-verification",
                        "idp-username-password-form");
    }

    @Test
    void a_domain_the_tenant_does_not_own_cannot_be_linked() {
        Reply refused = api(tokens.get(Role.PLATFORM_OPERATOR))
                .query(
                        "mutation ($input: LinkIdentityProviderInput!) { linkIdentityProvider(input: $input) { alias userErrors { field code } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "tenantSlug",
                                        a,
                                        "alias",
                                        a + "-other",
                                        "displayName",
                                        "Other",
                                        "issuer",
                                        "https://idp.example",
                                        "authorizationUrl",
                                        "https://idp.example/authorize",
                                        "tokenUrl",
                                        "https://idp.example/token",
                                        "clientId",
                                        "x",
                                        "clientSecret",
                                        "y",
                                        "emailDomain",
                                        "gmail.com")));

        assertThat(refused.data()
                        .path("linkIdentityProvider")
                        .path("userErrors")
                        .path(0)
                        .path("field")
                        .toString())
                .isEqualTo("[\"input\",\"emailDomain\"]");
    }

    private String onboardAndOpen(String prefix) {
        String slug = KeycloakOnboardingIT.slug(prefix);
        Reply onboarded = operator()
                .query(
                        "mutation ($definition: String!) { onboardTenant(input: { definition: $definition }) { tenant { slug } userErrors { message } } }",
                        Map.of(
                                "definition",
                                KeycloakOnboardingIT.definition(slug, "Trust " + slug, "E06000035", "Council")));
        assertThat(onboarded
                        .data()
                        .path("onboardTenant")
                        .path("tenant")
                        .path("slug")
                        .asText())
                .as(onboarded.text())
                .isEqualTo(slug);
        setStatus(slug, "ACTIVE");
        return slug;
    }

    private void setStatus(String slug, String status) {
        Reply changed = operator()
                .query(
                        "mutation ($input: SetTenantStatusInput!) { setTenantStatus(input: $input) { tenant { status } userErrors { message } } }",
                        Map.of("input", Map.of("slug", slug, "status", status)));
        assertThat(changed.data()
                        .path("setTenantStatus")
                        .path("tenant")
                        .path("status")
                        .asText())
                .as(changed.text())
                .isEqualTo(status);
    }

    private ApiCaller operator() {
        return api(tokens.computeIfAbsent(
                Role.PLATFORM_OPERATOR, r -> token("operator", List.of(Role.PLATFORM_OPERATOR), null, null)));
    }

    @Test
    void an_invited_person_signs_in_as_their_agencys_partner_lead_and_one_sign_in_acts_for_one_agency() {
        ApiCaller admin = api(tokens.get(Role.TENANT_ADMIN));
        String person = addPerson(admin, agencyId, "Priya Shah", "priya.shah@alpha-youth.example");
        String invite = "mutation ($input: InvitePartnerLeadInput!) { invitePartnerLead(input: $input)"
                + " { username temporaryPassword invitationSent partnerPerson { invitedToSignIn }"
                + " userErrors { field code message } } }";

        JsonNode invited = admin.query(invite, Map.of("input", Map.of("personId", person)))
                .data()
                .path("invitePartnerLead");
        String token = TestKeycloak.passwordToken(
                invited.path("username").asText(),
                invited.path("temporaryPassword").asText());
        JsonNode viewer = api(token)
                .query("{ viewer { roles tenant { slug } partnerOrganisation { id } } }")
                .data()
                .path("viewer");
        JsonNode again = admin.query(invite, Map.of("input", Map.of("personId", person)))
                .data()
                .path("invitePartnerLead");
        String elsewhere = addPerson(
                admin,
                register(tokens.get(Role.TENANT_ADMIN), "Alpha Libraries"),
                "Priya Shah",
                "priya.shah@alpha-youth.example");
        JsonNode refused = admin.query(invite, Map.of("input", Map.of("personId", elsewhere)))
                .data()
                .path("invitePartnerLead");

        assertThat(invited.path("username").asText()).isEqualTo("priya.shah@alpha-youth.example");
        assertThat(invited.path("partnerPerson").path("invitedToSignIn").asBoolean())
                .isTrue();
        assertThat(viewer.path("roles").toString()).isEqualTo("[\"PARTNER_LEAD\"]");
        assertThat(viewer.path("tenant").path("slug").asText()).isEqualTo(a);
        assertThat(viewer.path("partnerOrganisation").path("id").asText()).isEqualTo(agencyId);
        assertThat(again.path("userErrors")).isEmpty();
        assertThat(again.path("temporaryPassword").isNull())
                .as("an existing sign-in keeps its password")
                .isTrue();
        assertThat(refused.path("userErrors").path(0).path("code").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(refused.path("userErrors").path(0).path("message").asText())
                .contains("another partner organisation");
    }

    private static String addPerson(ApiCaller admin, String organisation, String name, String email) {
        return admin.query(
                        "mutation ($input: SavePartnerPersonInput!) { savePartnerPerson(input: $input) { partnerPerson { id } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "partnerOrganisationId",
                                        organisation,
                                        "name",
                                        name,
                                        "email",
                                        email,
                                        "roles",
                                        List.of("STRATEGIC_LEAD"))))
                .data()
                .path("savePartnerPerson")
                .path("partnerPerson")
                .path("id")
                .asText();
    }

    private String register(String adminToken, String name) {
        Reply reply = api(adminToken)
                .query(
                        "mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input) { partnerOrganisation { id } } }",
                        Map.of("input", Map.of("name", name)));
        return reply.data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();
    }

    private static String token(String who, List<Role> roles, String tenant, UUID partner) {
        return TestKeycloak.personToken(who, roles, tenant, partner);
    }

    private ApiCaller api(String token) {
        return new ApiCaller(server).withToken(token);
    }
}
