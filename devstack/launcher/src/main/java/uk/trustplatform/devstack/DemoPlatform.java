package uk.trustplatform.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.devstack.embedded.KeycloakAccounts;
import uk.trustplatform.devstack.embedded.KeycloakServer;

/**
 * Fills a fresh devstack the way people would: a platform operator onboards every tenant in
 * {@code tenants/} and opens it through the GraphQL API; Medway's admin registers a partner agency
 * and its integration; one demo person per role is made in Keycloak. A tenant folder's
 * {@code demo-action-plan.yaml} (Cambridgeshire's: the completed plan its strategy prints) becomes
 * that partner's plan, kept by a demo partner lead. Prints what to sign in with.
 */
final class DemoPlatform {

    /** A sign-in for the demo: who, in which role and tenant, with which secret. */
    record Login(String role, String tenant, String username, String secret) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DEMO_TENANT = "medway";
    private static final String DEMO_AGENCY = "Medway Youth Service";
    private static final String DEMO_FORUM = "south-east";

    private final URI platform;
    private final URI graphql;
    private final KeycloakAccounts accounts;
    private final List<Login> logins = new ArrayList<>();

    DemoPlatform(KeycloakServer keycloak, URI platform) {
        this.platform = platform;
        this.graphql = platform.resolve("/graphql");
        this.accounts = new KeycloakAccounts(keycloak);
    }

    List<Login> populate(Path tenants) {
        accounts.allowWebPagesAt(platform.toString());
        String operator = person("operator", "platform-operator", null, null);
        for (Path definition : definitions(tenants)) {
            onboard(operator, definition);
        }
        String medwayAdmin = admin(DEMO_TENANT);
        String agency = agency(medwayAdmin, DEMO_AGENCY);
        person("medway.board", "board-member", DEMO_TENANT, null);
        person("medway.lead", "partner-lead", DEMO_TENANT, agency);
        forum(operator, medwayAdmin);
        String analyst = "analyst";
        logins.add(new Login(
                "forum-analyst",
                DEMO_FORUM,
                analyst,
                accounts.person(analyst, List.of("forum-analyst"), null, Map.of("regional_forum", DEMO_FORUM))));
        JsonNode client = call(
                        medwayAdmin,
                        null,
                        "mutation ($input: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $input) { clientId clientSecret } }",
                        Map.of("input", Map.of("partnerOrganisationId", agency, "name", DEMO_AGENCY + " case system")))
                .path("registerPartnerIntegration");
        logins.add(new Login(
                "partner-integration",
                DEMO_TENANT,
                client.path("clientId").asText(),
                client.path("clientSecret").asText()));
        for (Path definition : definitions(tenants)) {
            Path plan = definition.resolveSibling("demo-action-plan.yaml");
            if (Files.exists(plan)) {
                Path folder = Objects.requireNonNull(
                        definition.getParent(), "a tenant.yaml is read from its tenant's folder under tenants/");
                demoPlan(folder.getFileName().toString(), plan);
            }
        }
        accounts.close();
        return List.copyOf(logins);
    }

    private String admin(String tenant) {
        return logins.stream()
                .filter(login ->
                        login.role().equals("tenant-admin") && login.tenant().equals(tenant))
                .map(login -> accounts.passwordToken(login.username(), login.secret()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("tenants/" + tenant + " was not onboarded"));
    }

    /**
     * The partner's plan as the demo file gives it, started from the tenant's template for its
     * period and filled on the first run only (the database keeps it); its lead made each start.
     */
    private void demoPlan(String tenant, Path file) {
        JsonNode demo;
        try {
            demo = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String admin = admin(tenant);
        String agency = agency(admin, demo.path("partner").asText());
        String lead = person(tenant + ".lead", "partner-lead", tenant, agency);
        JsonNode plans = call(
                        lead,
                        null,
                        "query ($p: ID!) { node(id: $p) { ... on PartnerOrganisation { actionPlans { id } } } }",
                        Map.of("p", agency))
                .path("node")
                .path("actionPlans");
        if (!plans.isEmpty()) {
            return;
        }
        String template = call(
                        lead,
                        null,
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates { id periodStart periodEnd } } }",
                        Map.of("s", tenant))
                .path("publishedConfiguration")
                .path("actionPlanTemplates")
                .valueStream()
                .filter(t -> t.path("periodStart").asInt()
                                == demo.path("periodStart").asInt()
                        && t.path("periodEnd").asInt() == demo.path("periodEnd").asInt())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": " + tenant + " has no template for its period"))
                .path("id")
                .asText();
        String plan = refusedUnlessDone(
                        call(
                                lead,
                                null,
                                "mutation ($i: StartActionPlanInput!) { startActionPlan(input: $i) { actionPlan { id } userErrors { message } } }",
                                Map.of("i", Map.of("partnerOrganisationId", agency, "templateId", template))),
                        "startActionPlan")
                .path("actionPlan")
                .path("id")
                .asText();
        for (JsonNode action : demo.path("actions")) {
            String outcome = action.path("outcome").asText();
            Map<String, Object> input = new HashMap<>(Map.of(
                    "actionPlanId",
                    plan,
                    "sectionNumber",
                    outcome.substring(0, outcome.indexOf('.')),
                    "outcomeNumber",
                    outcome,
                    "description",
                    action.path("description").asText()));
            for (String field : List.of("lead", "timescale", "risks")) {
                if (action.has(field)) {
                    input.put(field, action.path(field).asText());
                }
            }
            refusedUnlessDone(
                    call(
                            lead,
                            null,
                            "mutation ($i: SaveActionInput!) { saveAction(input: $i) { userErrors { message } } }",
                            Map.of("i", input)),
                    "saveAction");
        }
    }

    /** A mutation's payload, or a stop naming what the platform refused. */
    private static JsonNode refusedUnlessDone(JsonNode data, String mutation) {
        JsonNode payload = data.path(mutation);
        if (!payload.path("userErrors").isEmpty()) {
            throw new IllegalStateException(
                    "The platform refused a demo " + mutation + ": " + payload.path("userErrors"));
        }
        return payload;
    }

    private void onboard(String operator, Path definition) {
        JsonNode outcome = call(
                        operator,
                        null,
                        "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { tenant { slug status }"
                                + " adminAccount { username temporaryPassword } userErrors { message } } }",
                        Map.of("d", read(definition)))
                .path("onboardTenant");
        if (!outcome.path("userErrors").isEmpty()) {
            throw new IllegalStateException(definition + " was refused: " + outcome.path("userErrors"));
        }
        String slug = outcome.path("tenant").path("slug").asText();
        if (!outcome.path("tenant").path("status").asText().equals("ACTIVE")) {
            call(
                    operator,
                    null,
                    "mutation ($i: SetTenantStatusInput!) { setTenantStatus(input: $i) { tenant { status } } }",
                    Map.of("i", Map.of("slug", slug, "status", "ACTIVE")));
        }
        JsonNode account = outcome.path("adminAccount");
        if (account.path("temporaryPassword").isTextual()) {
            logins.add(new Login(
                    "tenant-admin",
                    slug,
                    account.path("username").asText(),
                    account.path("temporaryPassword").asText()));
        }
    }

    /**
     * The demo regional forum (made on the first run; the database keeps it), with the demo tenant
     * sharing every indicator set and its first indicators computed.
     */
    private void forum(String operator, String adminToken) {
        boolean exists = call(operator, null, "{ regionalForums { slug } }", Map.of())
                .path("regionalForums")
                .findValuesAsText("slug")
                .contains(DEMO_FORUM);
        if (!exists) {
            call(
                    operator,
                    null,
                    "mutation ($i: SaveRegionalForumInput!) { saveRegionalForum(input: $i) { regionalForum { slug } } }",
                    Map.of("i", Map.of("slug", DEMO_FORUM, "name", "South East forum", "region", "SOUTH_EAST")));
        }
        call(
                adminToken,
                null,
                "mutation ($i: ForumMembershipInput!) { joinRegionalForum(input: $i) { sharing } }",
                Map.of("i", Map.of("forumSlug", DEMO_FORUM)));
        call(adminToken, null, "mutation { refreshIndicators { values } }", Map.of());
    }

    /** A demo agency's id, registering it on the first run (the database keeps it). */
    private String agency(String adminToken, String name) {
        JsonNode edges = call(
                        adminToken,
                        null,
                        "{ partnerOrganisations(first: 100) { edges { node { id name } } } }",
                        Map.of())
                .path("partnerOrganisations")
                .path("edges");
        for (JsonNode edge : edges) {
            if (edge.path("node").path("name").asText().equals(name)) {
                return edge.path("node").path("id").asText();
            }
        }
        return call(
                        adminToken,
                        null,
                        "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i) { partnerOrganisation { id } } }",
                        Map.of("i", Map.of("name", name)))
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();
    }

    /** A demo person with a fresh password; bound to a partner agency when given its global id. */
    private String person(String username, String role, @Nullable String tenant, @Nullable String agencyId) {
        @Nullable
        UUID agency = agencyId == null
                ? null
                : UUID.fromString(
                        new String(Base64.getUrlDecoder().decode(agencyId), StandardCharsets.UTF_8).split(":")[1]);
        String password = accounts.person(username, List.of(role), tenant, agency);
        logins.add(new Login(role, tenant == null ? "(platform)" : tenant, username, password));
        return accounts.passwordToken(username, password);
    }

    private JsonNode call(String token, @Nullable String tenant, String query, Map<String, Object> variables) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
            if (tenant != null) {
                request.header("X-Trust-Tenant", tenant);
            }
            JsonNode reply = send(request.build());
            if (reply.has("errors")) {
                throw new IllegalStateException("The platform refused a demo step: " + reply.path("errors"));
            }
            return reply.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode send(HttpRequest request) {
        try {
            return JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> definitions(Path tenants) {
        try (Stream<Path> folders = Files.list(tenants)) {
            return folders.map(folder -> folder.resolve("tenant.yaml"))
                    .filter(Files::exists)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + tenants, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
