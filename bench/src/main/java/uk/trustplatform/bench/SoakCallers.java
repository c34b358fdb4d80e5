package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import uk.trustplatform.devstack.embedded.KeycloakAccounts;

/**
 * The soak's callers, made the way production makes them: each generated tenant gets its Keycloak
 * organization (as onboarding makes it), a tenant admin and a board member; each connection gets a
 * partner agency of its own, with a partner lead in Keycloak and a partner system registered
 * through the platform's own {@code registerPartnerIntegration}, so its tokens are client
 * credentials.
 */
final class SoakCallers {

    /** The tenant attribute the platform finds a tenant's organization by (identity.KeycloakRealm). */
    private static final String TENANT_ATTRIBUTE = "trust.tenant";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One connection's callers: its agency's system and lead, and its tenant's board. */
    record Partner(String tenantSlug, String partnerName, Token system, Token lead, Token board) {}

    /** A generated tenant: its slug, its id and its partners' ids by name. */
    record Tenant(String slug, UUID id, List<UUID> partners) {}

    private final KeycloakAccounts accounts;
    private final URI graphql;

    SoakCallers(KeycloakAccounts accounts, URI service) {
        this.accounts = accounts;
        this.graphql = service.resolve("/graphql");
    }

    /** Connection {@code i} acts for the i-th agency of tenant {@code i % tenants}, so no two share actions. */
    List<Partner> partners(List<Tenant> tenants, int connections) throws Exception {
        Map<String, String> admins = new HashMap<>();
        Map<String, Token> boards = new HashMap<>();
        for (Tenant tenant : tenants) {
            organization(tenant.slug());
            admins.put(tenant.slug(), signIn(tenant.slug() + ".admin", "tenant-admin", tenant.slug(), null));
            String board = tenant.slug() + ".board";
            String password = accounts.person(board, List.of("board-member"), tenant.slug(), (UUID) null);
            boards.put(tenant.slug(), new Token(() -> accounts.passwordToken(board, password)));
        }
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Tenant tenant = tenants.get(i % tenants.size());
            int index = i / tenants.size();
            if (index >= tenant.partners().size()) {
                throw new IllegalArgumentException(
                        "Not enough partners for " + connections + " connections: give more");
            }
            UUID agency = tenant.partners().get(index);
            String lead = tenant.slug() + ".lead" + index;
            String password = accounts.person(lead, List.of("partner-lead"), tenant.slug(), agency);
            JsonNode client = registerSystem(
                    Objects.requireNonNull(admins.get(tenant.slug()), "each tenant's admin signed in above"), agency);
            partners.add(new Partner(
                    tenant.slug(),
                    "agency " + index,
                    new Token(() -> accounts.clientToken(
                            client.path("clientId").asText(),
                            client.path("clientSecret").asText())),
                    new Token(() -> accounts.passwordToken(lead, password)),
                    Objects.requireNonNull(boards.get(tenant.slug()), "each tenant's board was made above")));
        }
        return partners;
    }

    private void organization(String slug) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName("Soak " + slug);
        organization.setAlias(slug);
        organization.setEnabled(true);
        organization.singleAttribute(TENANT_ATTRIBUTE, slug);
        organization.addDomain(new OrganizationDomainRepresentation(slug + ".soak.example"));
        CreatedResponseUtil.getCreatedId(accounts.realm().organizations().create(organization));
    }

    private String signIn(String username, String role, @Nullable String tenant, @Nullable UUID partner) {
        return accounts.passwordToken(username, accounts.person(username, List.of(role), tenant, partner));
    }

    private JsonNode registerSystem(String adminToken, UUID agency) throws IOException, InterruptedException {
        String id = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("PartnerOrganisation:" + agency).getBytes(StandardCharsets.UTF_8));
        String body = JSON.writeValueAsString(Map.of(
                "query",
                "mutation ($i: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $i)"
                        + " { clientId clientSecret userErrors { message } } }",
                "variables",
                Map.of("i", Map.of("partnerOrganisationId", id, "name", "Soak case system"))));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(graphql)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + adminToken)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode payload = JSON.readTree(response.body()).path("data").path("registerPartnerIntegration");
        if (!payload.path("clientSecret").isTextual()) {
            throw new IllegalStateException("The platform registered no partner system: " + response.body());
        }
        return payload;
    }
}
