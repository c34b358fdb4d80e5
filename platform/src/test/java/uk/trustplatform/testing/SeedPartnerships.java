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
import java.util.function.UnaryOperator;
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
        onboard(slug, seed(slug));
    }

    /**
     * A partnership of the test's own made from a seed's definition (its configuration, under a
     * new slug, name, domain and admin), for a test that changes what the partnership publishes,
     * which the seed itself must keep as its definition says. Returns the new slug.
     */
    public String openCopy(String seed) {
        return openCopy(seed, UnaryOperator.identity());
    }

    /** As {@link #openCopy(String)}, the copy's definition first {@code changed} (something the test adds to it). */
    public String openCopy(String seed, UnaryOperator<String> changed) {
        String copy = seed + "-" + UUID.randomUUID().toString().substring(0, 6);
        onboard(copy, changed.apply(copyDefinition(seed, copy)));
        return copy;
    }

    /** A seed's definition (its YAML) under a new slug, with a name, domain and admin of the copy's own. */
    public static String copyDefinition(String seed, String copy) {
        return seed(seed)
                .replaceFirst("(?m)^slug: .*$", "slug: " + copy)
                .replaceFirst("(?m)^name: (.*)$", "name: $1 (" + copy + ")")
                .replaceFirst("(?m)^emailDomains: .*$", "emailDomains: [" + copy + ".example]")
                .replaceFirst("(?m)^  email: .*$", "  email: admin@" + copy + ".example");
    }

    private static String seed(String slug) {
        try {
            return Files.readString(Path.of("../tenants", slug, "tenant.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onboard(String slug, String definition) {
        ApiCaller operator =
                api.withToken(TestKeycloak.personToken("operator", List.of(Role.PLATFORM_OPERATOR), null, null));
        JsonNode onboarded = operator.query(
                        "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { tenant { slug } userErrors { message } } }",
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

    /** Makes the person a member of another partnership too (in Keycloak, as its admin would). */
    public void alsoMemberOf(Person person, String tenant) {
        var realm = TestKeycloak.realm();
        String user = realm.users()
                .searchByUsername(person.username(), true)
                .getFirst()
                .getId();
        String organisation = realm.organizations()
                .searchByAttribute("trust.tenant:" + tenant)
                .getFirst()
                .getId();
        realm.organizations().get(organisation).members().addMember(user).close();
    }

    /** The drafts onboarding copied from a starter kit (its code), in the order they are published: frameworks first. */
    public static final String KIT_DRAFTS = """
            {
              standardsFrameworks { edges { node { id version status basedOn } } }
              actionPlanTemplates { edges { node { id version status basedOn } } }
              charters { edges { node { id version status basedOn } } }
              pledges { edges { node { id version status basedOn } } }
            }""";

    /**
     * The partnership's admin makes a starter kit's drafts the partnership's own and publishes
     * them, as a partnership whose documents lack what the kit gives would.
     */
    public void publishStarterKit(ApiCaller admin, String kit) {
        JsonNode drafts = admin.query(KIT_DRAFTS).data();
        drafts.forEach(connection -> connection.path("edges").forEach(edge -> {
            JsonNode draft = edge.path("node");
            if (draft.path("basedOn").asText().equals("starter-kit:" + kit)
                    && draft.path("status").asText().equals("DRAFT")) {
                admin.mutate(
                        "publishDocument",
                        "PublishDocumentInput",
                        Map.of(
                                "id",
                                draft.path("id").asText(),
                                "version",
                                draft.path("version").asInt()),
                        "document { status }");
            }
        }));
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
