package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.devstack.embedded.KeycloakAccounts;

/**
 * bench/compare's data, made through the platform's API as people would make it: a platform
 * operator onboards Medway from {@code tenants/medway/tenant.yaml}; its admin registers the partner
 * agencies, starts each one's plan from Medway's published template, adds its actions, sends it to
 * the board and approves it, publishes the starter kit's pledge and takes most of them through it
 * (invited, signed, registered);
 * then registers a partner system for one agency, whose plan holds the most actions (W1 and W4 are
 * that system's requests) and a board member lists the partners (W2).
 */
final class CompareData {

    static final String TENANT = "medway";
    private static final String AGENCY = "Medway Youth Offending Service";

    /** One action of the integration's plan, as saveAction must be given it again on an approved plan. */
    record Action(
            UUID id,
            String globalId,
            String sectionNumber,
            String outcomeNumber,
            String description,
            String lead,
            String dueDate) {}

    /** What the workloads need: the tenant, the callers and the integration's plan. */
    record Made(UUID tenantId, UUID agency, Token integration, Token board, List<Action> actions) {}

    private final KeycloakAccounts accounts;
    private final URI graphql;

    CompareData(KeycloakAccounts accounts, URI service) {
        this.accounts = accounts;
        this.graphql = service.resolve("/graphql");
    }

    Made make(Path definition, int partners, int actions, int otherActions) {
        String operator = accounts.passwordToken(
                "operator", accounts.person("operator", List.of("platform-operator"), null, (UUID) null));
        JsonNode onboarded = payload(
                operator,
                "mutation ($d: String!) { onboardTenant(input: { definition: $d }) { tenant { id status }"
                        + " adminAccount { username temporaryPassword } userErrors { message } } }",
                Map.of("d", read(definition)),
                "onboardTenant");
        String admin = accounts.passwordToken(
                onboarded.path("adminAccount").path("username").asText(),
                onboarded.path("adminAccount").path("temporaryPassword").asText());
        if (!onboarded.path("tenant").path("status").asText().equals("ACTIVE")) {
            payload(
                    operator,
                    "mutation ($i: SetTenantStatusInput!) { setTenantStatus(input: $i) { tenant { status } userErrors { message } } }",
                    Map.of("i", Map.of("slug", TENANT, "status", "ACTIVE")),
                    "setTenantStatus");
        }
        UUID tenantId = uuid(onboarded.path("tenant").path("id").asText());
        String template = call(
                        admin,
                        "query ($s: String!) { publishedConfiguration(tenantSlug: $s) { actionPlanTemplates { id } } }",
                        Map.of("s", TENANT))
                .path("publishedConfiguration")
                .path("actionPlanTemplates")
                .path(0)
                .path("id")
                .asText();
        publishPledge(admin);

        @Nullable String agency = null;
        for (int i = 0; i < partners; i++) {
            boolean integrated = i == 0;
            String name = integrated ? AGENCY : "Medway partner %03d".formatted(i);
            String id = payload(
                            admin,
                            "mutation ($i: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $i)"
                                    + " { partnerOrganisation { id } userErrors { message } } }",
                            Map.of("i", Map.of("name", name)),
                            "registerPartnerOrganisation")
                    .path("partnerOrganisation")
                    .path("id")
                    .asText();
            approvedPlan(admin, id, template, integrated ? actions : otherActions, i);
            if (i % 10 < 6) {
                pledged(admin, id, name);
            }
            if (integrated) {
                agency = id;
            }
        }
        Objects.requireNonNull(agency, "--partners must be at least 1: the first partner is the integration's agency");
        JsonNode client = payload(
                admin,
                "mutation ($i: RegisterPartnerIntegrationInput!) { registerPartnerIntegration(input: $i)"
                        + " { clientId clientSecret userErrors { message } } }",
                Map.of("i", Map.of("partnerOrganisationId", agency, "name", AGENCY + " case system")),
                "registerPartnerIntegration");
        Token integration = new Token(() -> accounts.clientToken(
                client.path("clientId").asText(), client.path("clientSecret").asText()));
        String boardPassword = accounts.person("medway.board", List.of("board-member"), TENANT, (UUID) null);
        Token board = new Token(() -> accounts.passwordToken("medway.board", boardPassword));
        return new Made(tenantId, uuid(agency), integration, board, actionsOf(integration.get()));
    }

    /**
     * Medway's seed has no pledge of its own; its admin publishes the starter kit's (the
     * nine-standard safeguarding pledge, with the standards framework it refers to), which
     * onboarding offered as drafts.
     */
    private void publishPledge(String admin) {
        for (String documents : List.of("standardsFrameworks", "pledges")) {
            for (JsonNode document : call(
                            admin, "{ %s { edges { node { id version status } } } }".formatted(documents), Map.of())
                    .findValues("node")) {
                if (document.path("status").asText().equals("DRAFT")) {
                    payload(
                            admin,
                            "mutation ($i: PublishDocumentInput!) { publishDocument(input: $i) { userErrors { message } } }",
                            Map.of(
                                    "i",
                                    Map.of(
                                            "id",
                                            document.path("id").asText(),
                                            "version",
                                            document.path("version").asInt())),
                            "publishDocument");
                }
            }
        }
    }

    /** The agency's plan, started, filled with {@code count} actions, sent to the board and approved. */
    private void approvedPlan(String admin, String agency, String template, int count, int seed) {
        JsonNode plan = payload(
                        admin,
                        "mutation ($i: StartActionPlanInput!) { startActionPlan(input: $i) { actionPlan { id version"
                                + " sections { number outcomes { number } } } userErrors { message } } }",
                        Map.of("i", Map.of("partnerOrganisationId", agency, "templateId", template)),
                        "startActionPlan")
                .path("actionPlan");
        List<String[]> outcomes = new ArrayList<>();
        for (JsonNode section : plan.path("sections")) {
            for (JsonNode outcome : section.path("outcomes")) {
                outcomes.add(new String[] {
                    section.path("number").asText(), outcome.path("number").asText()
                });
            }
        }
        String[] statuses = {"NOT_STARTED", "IN_PROGRESS", "COMPLETE"};
        String[] rags = {"RED", "AMBER", "GREEN"};
        for (int n = 0; n < count; n++) {
            String[] outcome = outcomes.get((n + seed) % outcomes.size());
            Map<String, Object> input = new HashMap<>(Map.of(
                    "actionPlanId",
                    plan.path("id").asText(),
                    "sectionNumber",
                    outcome[0],
                    "outcomeNumber",
                    outcome[1],
                    "description",
                    "Action %d of partner %d".formatted(n + 1, seed),
                    "lead",
                    "Participation lead",
                    "dueDate",
                    LocalDate.of(2012, 4, 1).plusDays((n * 13L + seed) % 900).toString(),
                    "status",
                    statuses[(n + seed) % 3],
                    "rag",
                    rags[(n * 7 + seed) % 3]));
            payload(
                    admin,
                    "mutation ($i: SaveActionInput!) { saveAction(input: $i) { userErrors { message } } }",
                    Map.of("i", input),
                    "saveAction");
        }
        int version = payload(
                        admin,
                        "mutation ($i: ActionPlanDecisionInput!) { submitActionPlan(input: $i)"
                                + " { actionPlan { version } userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "id",
                                        plan.path("id").asText(),
                                        "version",
                                        plan.path("version").asInt())),
                        "submitActionPlan")
                .path("actionPlan")
                .path("version")
                .asInt();
        payload(
                admin,
                "mutation ($i: ActionPlanDecisionInput!) { approveActionPlan(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("id", plan.path("id").asText(), "version", version)),
                "approveActionPlan");
    }

    /** The agency invited to the pledge, its signed form recorded by the admin, and registered. */
    private void pledged(String admin, String agency, String name) {
        JsonNode invited = payload(
                        admin,
                        "mutation ($i: InvitePartnerToPledgeInput!) { invitePartnerToPledge(input: $i)"
                                + " { pledgeRegistration { id version } userErrors { message } } }",
                        Map.of("i", Map.of("partnerOrganisationId", agency)),
                        "invitePartnerToPledge")
                .path("pledgeRegistration");
        JsonNode signed = payload(
                        admin,
                        "mutation ($i: SignPledgeInput!) { signPledge(input: $i)"
                                + " { pledgeRegistration { id version } userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "id",
                                        invited.path("id").asText(),
                                        "version",
                                        invited.path("version").asInt(),
                                        "signatory",
                                        "A Signatory",
                                        "postHeld",
                                        "Director",
                                        "onBehalfOf",
                                        name,
                                        "signedOn",
                                        LocalDate.now().minusDays(30).toString())),
                        "signPledge")
                .path("pledgeRegistration");
        payload(
                admin,
                "mutation ($i: PledgeTransitionInput!) { registerPledge(input: $i) { userErrors { message } } }",
                Map.of(
                        "i",
                        Map.of(
                                "id",
                                signed.path("id").asText(),
                                "version",
                                signed.path("version").asInt())),
                "registerPledge");
    }

    /** The integration's plan's actions, as W1 reads them. */
    private List<Action> actionsOf(String integration) {
        List<Action> found = new ArrayList<>();
        for (JsonNode section : call(integration, Compare.PARTNER_PLAN, Map.of())
                .findValues("sections")
                .getFirst()) {
            for (JsonNode outcome : section.path("outcomes")) {
                for (JsonNode action : outcome.path("actions")) {
                    found.add(new Action(
                            uuid(action.path("id").asText()),
                            action.path("id").asText(),
                            section.path("number").asText(),
                            outcome.path("number").asText(),
                            action.path("description").asText(),
                            action.path("lead").asText(),
                            action.path("dueDate").asText()));
                }
            }
        }
        return List.copyOf(found);
    }

    /** A mutation's payload; Compare.post stops at any error or userError, naming it. */
    private JsonNode payload(String token, String query, Map<String, Object> variables, String mutation) {
        return call(token, query, variables).path(mutation);
    }

    private JsonNode call(String token, String query, Map<String, Object> variables) {
        return Compare.post(graphql, token, Map.of("query", query, "variables", variables));
    }

    /** The row id inside a global id ({@code Type:uuid}, base64url). */
    static UUID uuid(String globalId) {
        String decoded = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
        return UUID.fromString(decoded.substring(decoded.indexOf(':') + 1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
