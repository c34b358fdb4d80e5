package uk.trustplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;

/**
 * Seed councils of {@code tenants/} onboarded and opened through the API as a platform operator
 * with a real Keycloak token, and people of theirs to sign in as, for the browser tests.
 */
public final class SeedPartnerships {

    private final ApiCaller api;

    public SeedPartnerships(EmbeddedServer server) {
        this.api = new ApiCaller(server);
    }

    /** A person to sign in as: their username and password in the test Keycloak. */
    public record Person(String username, String password) {}

    /** Onboards and opens {@code tenants/<slug>} (again, if another test did: onboarding is idempotent). */
    public void open(String slug) {
        ApiCaller operator =
                api.withToken(TestKeycloak.personToken("operator", List.of(Role.PLATFORM_OPERATOR), null, null));
        String definition;
        try {
            definition = Files.readString(Path.of("../tenants", slug, "tenant.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode onboarded = operator.query(
                        "mutation ($d: String!) { onboardTenant(definition: $d) { tenant { slug } userErrors { message } } }",
                        Map.of("d", definition))
                .data()
                .path("onboardTenant");
        if (!onboarded.path("tenant").path("slug").asText().equals(slug)) {
            throw new IllegalStateException("Could not onboard " + slug + ": " + onboarded);
        }
        operator.query(
                "mutation ($i: SetTenantStatusInput!) { setTenantStatus(input: $i) { tenant { status } } }",
                Map.of("i", Map.of("slug", slug, "status", "ACTIVE")));
    }

    /** A new person in the partnership with these roles (a partner lead bound to {@code partner}). */
    public Person person(String who, String tenant, UUID partner, Role... roles) {
        String username = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Person(username, TestKeycloak.person(username, List.of(roles), tenant, partner));
    }

    /** The partnership's admin, signed in to the API. */
    public ApiCaller admin(String tenant) {
        Person admin = person("admin", tenant, null, Role.TENANT_ADMIN);
        return api.withToken(TestKeycloak.passwordToken(admin.username(), admin.password()));
    }

    /** A new partner agency of the partnership, registered by its admin. */
    public UUID agency(String tenant, String name) {
        JsonNode registered = admin(tenant)
                .query(
                        "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i)"
                                + " { partnerOrganisation { id } userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "name",
                                        name + " "
                                                + UUID.randomUUID().toString().substring(0, 6))))
                .data()
                .path("registerPartnerOrganisation");
        return GlobalId.decode(registered.path("partnerOrganisation").path("id").asText(), "PartnerOrganisation")
                .orElseThrow(() -> new IllegalStateException("Could not register an agency: " + registered));
    }
}
