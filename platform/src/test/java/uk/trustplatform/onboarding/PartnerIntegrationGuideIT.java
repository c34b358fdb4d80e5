package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestKeycloak;

/**
 * docs/partner-integrations.md, run as written: a partner system registered by the tenant admin
 * gets a token from Keycloak with its client credentials, reads its plan, updates an action and
 * records progress; each answer is the one the guide shows (ids aside).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerIntegrationGuideIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIGURATION = """
            configuration:
              standardsFrameworks:
                - key: hear-by-right
                  name: Hear by Right
                  standards: [{ number: "1", title: Shared values }]
              actionPlanTemplate:
                title: Participation action plan 2026-27
                periodStart: 2026
                periodEnd: 2027
                framework: hear-by-right
                columns:
                  - { key: action, label: Supporting actions, type: TEXT }
                  - { key: lead, label: Lead, type: LEAD }
                sections:
                  - number: "1"
                    title: Shared values
                    standard: "1"
                    outcomes: [{ number: "1.1", text: Children and young people are heard }]
            """;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.platformProperties();
    }

    @Test
    void a_partner_system_follows_the_guide_from_token_to_progress() throws Exception {
        String guide = Files.readString(Path.of("../docs/partner-integrations.md"));
        String slug = KeycloakOnboardingIT.slug("luton");
        ApiCaller operator = api(TestKeycloak.personToken("operator", List.of(Role.PLATFORM_OPERATOR), null, null));
        onboardAndOpen(operator, slug);
        ApiCaller admin = api(TestKeycloak.personToken("admin", List.of(Role.TENANT_ADMIN), slug, null));
        String agency = data(
                        admin,
                        "mutation { registerPartnerOrganisation(input: {name: \"Luton Youth Offending Service\"})"
                                + " { partnerOrganisation { id } } }")
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id")
                .asText();
        String action = approvedPlanWithOneAction(admin, agency);
        JsonNode client = data(
                        admin,
                        "mutation ($input: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $input)"
                                + " { clientId clientSecret tokenUrl } }",
                        Map.of("input", Map.of("partnerOrganisationId", agency, "name", "YOS case system")))
                .path("registerPartnerIntegration");

        String tokenAnswer = bash(block(guide, "token")
                .replace(
                        "https://sso.trust.example/realms/trust/protocol/openid-connect/token",
                        client.path("tokenUrl").asText())
                .replace("partner-luton-1a2b3c4d", client.path("clientId").asText())
                .replace("YOUR-CLIENT-SECRET", client.path("clientSecret").asText()));
        String token = JSON.readTree(tokenAnswer).path("access_token").asText();
        String base = server.getURI().toString().replaceAll("/$", "");
        for (String step : List.of("read", "update", "progress")) {
            String answer = bash(block(guide, step)
                    .replace("https://trust.example", base)
                    .replace("YOUR-ACCESS-TOKEN", token)
                    .replace("ACTION-ID", action));

            assertThat(withoutIds(JSON.readTree(answer)))
                    .as(step + ": " + answer)
                    .isEqualTo(withoutIds(JSON.readTree(answerShown(guide, step))));
        }
    }

    private void onboardAndOpen(ApiCaller operator, String slug) {
        String definition =
                KeycloakOnboardingIT.definition(slug, "Luton Safeguarding Children Partnership", "E06000032", "Luton")
                        + CONFIGURATION;
        JsonNode onboarded = data(
                        operator,
                        "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { userErrors { message } } }",
                        Map.of("d", definition))
                .path("onboardTenant");
        assertThat(onboarded.path("userErrors")).as(onboarded.toString()).isEmpty();
        data(
                operator,
                "mutation ($i: SetTenantStatusInput!) { setTenantStatus(input: $i) { tenant { status } } }",
                Map.of("i", Map.of("slug", slug, "status", "ACTIVE")));
    }

    /** The agency's plan from the published template, with the guide's action, approved by the board; the action's id. */
    private static String approvedPlanWithOneAction(ApiCaller admin, String agency) {
        String template = data(admin, "{ actionPlanTemplates { edges { node { id } } } }")
                .path("actionPlanTemplates")
                .findValue("id")
                .asText();
        String plan = data(
                        admin,
                        "mutation ($i: StartActionPlanInput!) { startActionPlan(input: $i) { actionPlan { id } } }",
                        Map.of("i", Map.of("partnerOrganisationId", agency, "templateId", template)))
                .path("startActionPlan")
                .path("actionPlan")
                .path("id")
                .asText();
        String action = data(
                        admin,
                        "mutation ($i: SaveActionInput!) { saveAction(input: $i) { action { id } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "actionPlanId", plan,
                                        "sectionNumber", "1",
                                        "outcomeNumber", "1.1",
                                        "description", "Publish the young people's guide to the service",
                                        "lead", "Participation Worker",
                                        "dueDate", "2027-03-31")))
                .path("saveAction")
                .path("action")
                .path("id")
                .asText();
        for (String decision : List.of("submitActionPlan", "approveActionPlan")) {
            long version = decision.equals("submitActionPlan") ? 0 : 1;
            data(
                    admin,
                    "mutation ($i: ActionPlanDecisionInput!) { " + decision + "(input: $i) { actionPlan { status } } }",
                    Map.of("i", Map.of("id", plan, "version", version)));
        }
        return action;
    }

    /** The bash block after the guide's marker for a step. */
    private static String block(String guide, String step) {
        return fenced(guide, guide.indexOf("<!-- partner-guide: " + step + " -->"), "```bash");
    }

    /** The JSON answer the guide shows after a step's command. */
    private static String answerShown(String guide, String step) {
        return fenced(guide, guide.indexOf(block(guide, step)), "```json");
    }

    private static String fenced(String text, int from, String fence) {
        assertThat(from).as("guide section not found").isGreaterThanOrEqualTo(0);
        int start = text.indexOf(fence, from) + fence.length();
        return text.substring(start, text.indexOf("```", start)).strip();
    }

    /** The answer with every id replaced, since ids differ from run to run. */
    private static JsonNode withoutIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getKey().equals("id")) {
                    field.setValue(JSON.getNodeFactory().textNode("ID"));
                } else {
                    withoutIds(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(PartnerIntegrationGuideIT::withoutIds);
        }
        return node;
    }

    private static String bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return out;
    }

    private static JsonNode data(ApiCaller caller, String query) {
        return data(caller, query, Map.of());
    }

    private static JsonNode data(ApiCaller caller, String query, Map<String, Object> variables) {
        Reply reply = caller.query(query, variables);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        return reply.data();
    }

    private ApiCaller api(String token) {
        return new ApiCaller(server).withToken(token);
    }
}
