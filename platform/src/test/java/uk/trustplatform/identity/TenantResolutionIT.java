package uk.trustplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/** The tenant comes from the validated token; a header only chooses among what the token allows. */
@MicronautTest(transactional = false)
class TenantResolutionIT {

    private static final String WHICH_TENANT = "{ viewer { tenant { slug } } }";

    @Inject
    EmbeddedServer server;

    @Test
    void the_organisation_claim_as_a_map_of_alias_to_details_is_understood_too() {
        TestTenant kent = TestTenants.active("kent");
        String token = TestIdentityProvider.token("bob")
                .roles(Role.BOARD_MEMBER)
                .organisationMap(kent.slug())
                .sign();

        Reply reply = api().withToken(token).query(WHICH_TENANT);

        assertThat(reply.data().path("viewer").path("tenant").path("slug").asText())
                .isEqualTo(kent.slug());
    }

    @Test
    void a_member_of_several_tenants_names_one_of_them() {
        TestTenant kent = TestTenants.active("kent");
        TestTenant luton = TestTenants.active("luton");
        String token = TestIdentityProvider.token("carol")
                .roles(Role.BOARD_MEMBER)
                .organisations(kent.slug(), luton.slug())
                .sign();

        Reply unnamed = api().withToken(token).query(WHICH_TENANT);
        Reply named = api().withToken(token).inTenant(luton.slug()).query(WHICH_TENANT);

        assertRefused(unnamed, 403, "choose one with the X-Trust-Tenant header");
        assertThat(named.data().path("viewer").path("tenant").path("slug").asText())
                .isEqualTo(luton.slug());
    }

    @Test
    void naming_a_tenant_the_token_does_not_grant_is_refused_the_same_way_whether_it_exists_or_not() {
        TestTenant kent = TestTenants.active("kent");
        TestTenant luton = TestTenants.active("luton");
        String token = TestIdentityProvider.token("dave")
                .roles(Role.TENANT_ADMIN)
                .organisations(kent.slug())
                .sign();

        Reply existing = api().withToken(token).inTenant(luton.slug()).query(WHICH_TENANT);
        Reply madeUp = api().withToken(token).inTenant("nowhere-at-all").query(WHICH_TENANT);

        assertRefused(existing, 403, "does not make you a member of tenant '" + luton.slug() + "'");
        assertRefused(madeUp, 403, "does not make you a member of tenant 'nowhere-at-all'");
        assertThat(existing.firstError().path("message").asText().replace(luton.slug(), "X"))
                .isEqualTo(madeUp.firstError().path("message").asText().replace("nowhere-at-all", "X"));
    }

    /** Own slug first, another tenant's second: acting in either would be a guess at what the caller meant. */
    @Test
    void a_repeated_or_comma_joined_tenant_header_is_refused_whoever_sends_it() {
        TestTenant kent = TestTenants.active("kent");
        TestTenant luton = TestTenants.active("luton");
        String member = TestIdentityProvider.token("hana")
                .roles(Role.TENANT_ADMIN)
                .organisations(kent.slug())
                .sign();
        String operator = TestIdentityProvider.token("operator-" + UUID.randomUUID())
                .roles(Role.PLATFORM_OPERATOR)
                .sign();

        Reply repeated = api().withToken(member)
                .inTenant(kent.slug())
                .withAnotherHeader("X-Trust-Tenant", luton.slug())
                .query(WHICH_TENANT);
        Reply joined = api().withToken(member)
                .inTenant(kent.slug() + ", " + luton.slug())
                .query(WHICH_TENANT);
        Reply byOperator = api().withToken(operator)
                .inTenant(luton.slug())
                .withAnotherHeader("X-Trust-Tenant", kent.slug())
                .query(WHICH_TENANT);
        Reply anonymous = api().inTenant(kent.slug())
                .withAnotherHeader("X-Trust-Tenant", kent.slug())
                .query(WHICH_TENANT);
        Reply once = api().withToken(member).inTenant(kent.slug()).query(WHICH_TENANT);

        for (Reply refused : List.of(repeated, joined, byOperator, anonymous)) {
            assertRefused(refused, 400, "Send the X-Trust-Tenant header at most once, naming one tenant by its slug.");
            assertThat(refused.errorCode()).isEqualTo("BAD_REQUEST");
        }
        assertThat(once.data().path("viewer").path("tenant").path("slug").asText())
                .isEqualTo(kent.slug());
    }

    @Test
    void a_header_without_a_token_acts_in_no_tenant() {
        TestTenant kent = TestTenants.active("kent");

        Reply reply = api().inTenant(kent.slug()).query(WHICH_TENANT);

        assertRefused(reply, 401, "X-Trust-Tenant header needs a bearer token");
    }

    /** The platform keeps the slug's tenant once found, but reads its status with every request. */
    @Test
    void a_suspended_tenants_tokens_are_refused_from_the_next_request_and_restored_when_it_is_active_again() {
        TestTenant luton = TestTenants.active("luton");
        String token = TestIdentityProvider.token("erin")
                .roles(Role.TENANT_ADMIN)
                .organisations(luton.slug())
                .sign();

        Reply before = api().withToken(token).query(WHICH_TENANT);
        TestTenants.setStatus(luton, "SUSPENDED");
        Reply suspended = api().withToken(token).query(WHICH_TENANT);
        TestTenants.setStatus(luton, "ACTIVE");
        Reply restored = api().withToken(token).query(WHICH_TENANT);

        assertThat(before.status()).isEqualTo(200);
        assertRefused(suspended, 403, "is suspended: its sign-ins and tokens are refused");
        assertThat(restored.status()).isEqualTo(200);
    }

    @Test
    void an_archived_tenants_tokens_are_refused() {
        TestTenant old = TestTenants.create("cumbria", "ARCHIVED");
        String token = TestIdentityProvider.token("fred")
                .roles(Role.BOARD_MEMBER)
                .organisations(old.slug())
                .sign();

        assertRefused(api().withToken(token).query(WHICH_TENANT), 403, "is archived");
    }

    @Test
    void a_partner_role_without_its_organisation_binding_is_refused() {
        TestTenant kent = TestTenants.active("kent");
        String token = TestIdentityProvider.token("gina")
                .roles(Role.PARTNER_LEAD)
                .organisations(kent.slug())
                .sign();

        assertRefused(api().withToken(token).query(WHICH_TENANT), 403, "partner_organisation claim");
    }

    @Test
    void a_forum_analyst_without_its_forum_binding_is_refused() {
        String token =
                TestIdentityProvider.token("farah").roles(Role.FORUM_ANALYST).sign();

        assertRefused(api().withToken(token).query("{ regionalForums { slug } }"), 403, "regional_forum claim");
    }

    @Test
    void an_operator_reaches_a_tenant_only_by_naming_it_and_the_access_is_audited() throws SQLException {
        TestTenant medway = TestTenants.active("medway");
        String token = TestIdentityProvider.token("operator-" + UUID.randomUUID())
                .roles(Role.PLATFORM_OPERATOR)
                .sign();

        Reply unnamed = api().withToken(token).query(WHICH_TENANT);
        Reply named = api().withToken(token).inTenant(medway.slug()).query("query LookAround " + WHICH_TENANT);

        assertThat(unnamed.data().path("viewer").path("tenant").isNull()).isTrue();
        assertThat(named.data().path("viewer").path("tenant").path("slug").asText())
                .isEqualTo(medway.slug());
        String correlationId = named.headers().firstValue("X-Correlation-Id").orElseThrow();
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, medway.id().toString());
                bind.execute();
            }
            try (ResultSet audit = owner.createStatement()
                    .executeQuery("SELECT actor, action, after ->> 'operation', correlation_id FROM audit_event")) {
                assertThat(audit.next()).as("one audit entry").isTrue();
                assertThat(audit.getString(1)).startsWith("operator-");
                assertThat(audit.getString(2)).isEqualTo("PlatformOperator.accessed");
                assertThat(audit.getString(3)).isEqualTo("query LookAround " + WHICH_TENANT);
                assertThat(audit.getString(4)).isEqualTo(correlationId);
                assertThat(audit.next()).as("only one").isFalse();
            }
            owner.rollback();
        }
    }

    private ApiCaller api() {
        return new ApiCaller(server);
    }

    private static void assertRefused(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.firstError().path("message").asText()).contains(messagePart);
        assertThat(reply.body().has("data")).isFalse();
    }
}
