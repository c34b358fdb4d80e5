package uk.trustplatform.actionplans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * A tenant ready for action plans, arranged through the API as its admin would: Hear by Right's
 * first standards, published, and templates for periods built on them.
 */
public final class PlanFixture {

    private final ApiCaller admin;

    public PlanFixture(ApiCaller admin) {
        this.admin = admin;
    }

    /** Publishes a framework with standards 1 (Shared values) and 2 (Strategy). */
    public void hearByRight() {
        String id = mutate(
                        "saveStandardsFramework",
                        "SaveStandardsFrameworkInput",
                        "standardsFramework { id }",
                        Map.of(
                                "standardsFramework",
                                Map.of(
                                        "key",
                                        "hear-by-right",
                                        "name",
                                        "Hear by Right",
                                        "standards",
                                        List.of(
                                                Map.of("number", "1", "title", "Shared values"),
                                                Map.of("number", "2", "title", "Strategy")))))
                .path("standardsFramework")
                .path("id")
                .asText();
        publish(id);
    }

    /**
     * Publishes a template for a period: section 1 (standard 1) with outcomes 1.1 and 1.2, and
     * section 2 (standard 2) with {@code secondOutcome}; columns as Cambridgeshire's, with a text
     * column for notes. Its global id.
     */
    public String template(int start, int end, String secondOutcome) {
        String id = mutate(
                        "saveActionPlanTemplate",
                        "SaveActionPlanTemplateInput",
                        "actionPlanTemplate { id }",
                        Map.of(
                                "actionPlanTemplate",
                                Map.of(
                                        "title",
                                        "Active involvement action plan " + start,
                                        "periodStart",
                                        start,
                                        "periodEnd",
                                        end,
                                        "framework",
                                        "hear-by-right",
                                        "columns",
                                        List.of(
                                                Map.of("key", "outcomes", "label", "Outcomes", "type", "TEXT"),
                                                Map.of("key", "notes", "label", "Notes", "type", "TEXT"),
                                                Map.of("key", "lead", "label", "Lead responsibilities", "type", "LEAD"),
                                                Map.of("key", "risks", "label", "Risks identified", "type", "RISK")),
                                        "sections",
                                        List.of(
                                                Map.of(
                                                        "number",
                                                        "1",
                                                        "title",
                                                        "Shared Values",
                                                        "standard",
                                                        "1",
                                                        "outcomes",
                                                        List.of(
                                                                Map.of("number", "1.1", "text", "Children are heard"),
                                                                Map.of("number", "1.2", "text", "Values are shared"))),
                                                Map.of(
                                                        "number",
                                                        "2",
                                                        "title",
                                                        "Strategy",
                                                        "standard",
                                                        "2",
                                                        "outcomes",
                                                        List.of(Map.of(
                                                                "number",
                                                                secondOutcome,
                                                                "text",
                                                                "Strategy is agreed")))))))
                .path("actionPlanTemplate")
                .path("id")
                .asText();
        publish(id);
        return id;
    }

    String partner(String name) {
        return mutate(
                        "registerPartnerOrganisation",
                        "RegisterPartnerOrganisationInput",
                        "partnerOrganisation { id }",
                        Map.of("name", name))
                .path("partnerOrganisation")
                .path("id")
                .asText();
    }

    public static UUID uuid(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().uuid();
    }

    /** Starts a plan as {@code caller}; the plan's global id. */
    public static String start(ApiCaller caller, String partner, String template, String carryForwardFrom) {
        Map<String, Object> input = new HashMap<>(Map.of("partnerOrganisationId", partner, "templateId", template));
        if (carryForwardFrom != null) {
            input.put("carryForwardFromId", carryForwardFrom);
        }
        JsonNode plan = ok(caller.query(
                        "mutation ($input: StartActionPlanInput!) { startActionPlan(input: $input)"
                                + " { actionPlan { id } carriedForward userErrors { field message code } } }",
                        Map.of("input", input)))
                .data()
                .path("startActionPlan");
        assertThat(plan.path("userErrors")).as(plan.toString()).isEmpty();
        return plan.path("actionPlan").path("id").asText();
    }

    /** Adds an action to a plan as {@code caller}; the action as saved. */
    public static JsonNode action(ApiCaller caller, String plan, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("actionPlanId", plan);
        JsonNode saved = saveAction(caller, input);
        assertThat(saved.path("userErrors")).as(saved.toString()).isEmpty();
        return saved.path("action");
    }

    static JsonNode saveAction(ApiCaller caller, Map<String, Object> input) {
        return ok(caller.query(
                        "mutation ($input: SaveActionInput!) { saveAction(input: $input) { action { id version"
                                + " description status rag standard sectionNumber outcomeNumber dueDate"
                                + " columnValues { key value } } userErrors { field message code } } }",
                        Map.of("input", input)))
                .data()
                .path("saveAction");
    }

    /** Runs a workflow mutation (submitActionPlan, approveActionPlan, returnActionPlan); its payload. */
    static JsonNode decide(ApiCaller caller, String mutation, String plan, long version, String reason) {
        Map<String, Object> input = new HashMap<>(Map.of("id", plan, "version", version));
        if (reason != null) {
            input.put("reason", reason);
        }
        Reply reply = caller.query(
                "mutation ($input: ActionPlanDecisionInput!) { " + mutation + "(input: $input)"
                        + " { actionPlan { status version returnedReason } userErrors { field message code } } }",
                Map.of("input", input));
        return reply.body().has("errors") ? reply.body() : reply.data().path(mutation);
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        return reply;
    }

    private void publish(String id) {
        mutate("publishDocument", "PublishDocumentInput", "document { id }", Map.of("id", id, "version", 0));
    }

    private JsonNode mutate(String field, String inputType, String selection, Map<String, Object> input) {
        Reply reply = admin.query(
                "mutation ($input: " + inputType + "!) { " + field + "(input: $input) { " + selection
                        + " userErrors { field message } } }",
                Map.of("input", input));
        JsonNode payload = reply.data().path(field);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload;
    }
}
