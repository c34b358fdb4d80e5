package uk.trustplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/** Who changed a record last, by the name their sign-in gives: what someone whose edit conflicts is told. */
@MicronautTest(transactional = false)
class LastChangeIT {

    private static final String READ =
            "query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation" + " { version lastChange { by at } } } }";

    @Inject
    EmbeddedServer server;

    @Test
    void the_last_change_names_the_person_who_made_it_and_when() {
        TestTenant tenant = TestTenants.active("changes");
        ApiCaller alice = admin(tenant, "Alice Adams");
        ApiCaller bob = admin(tenant, "Bob Brown");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);

        String id = alice.query(
                        "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i)"
                                + " { partnerOrganisation { id } } }",
                        Map.of("i", Map.of("name", "Kent Youth Service")))
                .data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();
        assertThat(lastChange(alice, id).path("by").asText()).isEqualTo("Alice Adams");

        bob.query(
                "mutation ($i: UpdatePartnerOrganisationInput!) { updatePartnerOrganisation(input: $i)"
                        + " { userErrors { message } } }",
                Map.of("i", Map.of("id", id, "version", 0, "name", "Kent Youth Service (north)")));

        JsonNode change = lastChange(alice, id);
        assertThat(change.path("by").asText()).isEqualTo("Bob Brown");
        assertThat(OffsetDateTime.parse(change.path("at").asText())).isAfter(before);
    }

    @Test
    void another_tenants_admin_learns_nothing_of_the_change() {
        TestTenant tenant = TestTenants.active("changes");
        TestTenant other = TestTenants.active("elsewhere");
        ApiCaller alice = admin(tenant, "Alice Adams");
        String id = alice.query(
                        "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i)"
                                + " { partnerOrganisation { id } } }",
                        Map.of("i", Map.of("name", "Medway Youth Service")))
                .data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();

        JsonNode seen = admin(other, "Mallory").query(READ, Map.of("id", id)).data();

        assertThat(seen.path("node").isNull()).isTrue();
    }

    private JsonNode lastChange(ApiCaller caller, String id) {
        return caller.query(READ, Map.of("id", id)).data().path("node").path("lastChange");
    }

    private ApiCaller admin(TestTenant tenant, String name) {
        return new ApiCaller(server)
                .withToken(TestIdentityProvider.token(name.toLowerCase().replace(' ', '.'))
                        .roles(Role.TENANT_ADMIN)
                        .organisations(tenant.slug())
                        .claim("name", name)
                        .sign());
    }
}
