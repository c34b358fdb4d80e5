package uk.trustplatform.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GraphQLExecutor;
import uk.trustplatform.api.GraphQLRequest;
import uk.trustplatform.api.GraphQLResponse;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.exports.Table.Column;

/**
 * The exports' tables, read through the same GraphQL operations and permissions as any client:
 * a caller exports exactly what it may read, page by page.
 */
@Singleton
final class ExportTables {

    private static final String PLEDGE_REGISTER = """
            query PledgeRegisterExport($after: String) {
              pledgeRegistrations(first: 100, after: $after) {
                edges { node { status signatory postHeld onBehalfOf signedOn registeredOn renewalDueOn endedOn
                  partnerOrganisation { name category } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String ACTION_FIELDS = "description lead dueDate timescale resources risks status rag overdue";
    private static final String ACTION_PLANS = """
            query ActionPlansExport($after: String, $periodStart: Int) {
              actionPlans(first: 20, after: $after, periodStart: $periodStart) {
                edges { node { periodStart periodEnd status partnerOrganisation { name }
                  sections { number standard outcomes { number actions { %1$s } } }
                  unplacedActions { %1$s } } }
                pageInfo { hasNextPage endCursor }
              }
            }""".formatted(ACTION_FIELDS);

    private final GraphQLExecutor executor;
    private final ObjectMapper json;

    ExportTables(GraphQLExecutor executor, ObjectMapper json) {
        this.executor = executor;
        this.json = json;
    }

    Table pledgeRegister(RequestContext request) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        everyPage(
                request,
                PLEDGE_REGISTER,
                "pledgeRegistrations",
                Map.of(),
                node -> rows.add(cells(
                        node.path("partnerOrganisation").path("name").asText(null),
                        node.path("partnerOrganisation").path("category").asText(null),
                        node.path("status").asText(),
                        node.path("signatory").asText(null),
                        node.path("postHeld").asText(null),
                        node.path("onBehalfOf").asText(null),
                        date(node.path("signedOn")),
                        date(node.path("registeredOn")),
                        date(node.path("renewalDueOn")),
                        date(node.path("endedOn")))));
        return new Table(
                "Pledge register",
                List.of(
                        Column.text("Organisation"),
                        Column.text("Category"),
                        Column.text("Status"),
                        Column.text("Signed by"),
                        Column.text("Post held"),
                        Column.text("On behalf of"),
                        Column.date("Signed on"),
                        Column.date("Registered on"),
                        Column.date("Renewal due on"),
                        Column.date("Ended on")),
                rows);
    }

    /** Every action of every plan the caller may read, one row each, under its plan's section and outcome. */
    Table actionPlans(RequestContext request, @Nullable Integer periodStart) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        variables.put("periodStart", periodStart);
        everyPage(request, ACTION_PLANS, "actionPlans", variables, plan -> {
            for (JsonNode section : plan.path("sections")) {
                for (JsonNode outcome : section.path("outcomes")) {
                    for (JsonNode action : outcome.path("actions")) {
                        rows.add(actionRow(
                                plan,
                                section.path("number"),
                                section.path("standard"),
                                outcome.path("number"),
                                action));
                    }
                }
            }
            for (JsonNode action : plan.path("unplacedActions")) {
                rows.add(actionRow(plan, null, null, null, action));
            }
        });
        return new Table(
                "Action plans",
                List.of(
                        Column.text("Organisation"),
                        Column.number("Period start"),
                        Column.number("Period end"),
                        Column.text("Plan status"),
                        Column.text("Section"),
                        Column.text("Standard"),
                        Column.text("Outcome"),
                        Column.text("Action"),
                        Column.text("Lead"),
                        Column.date("Due date"),
                        Column.text("Timescale"),
                        Column.text("Resources"),
                        Column.text("Risks"),
                        Column.text("Status"),
                        Column.text("RAG"),
                        Column.text("Overdue")),
                rows);
    }

    private static List<@Nullable Object> actionRow(
            JsonNode plan,
            @Nullable JsonNode section,
            @Nullable JsonNode standard,
            @Nullable JsonNode outcome,
            JsonNode action) {
        return cells(
                plan.path("partnerOrganisation").path("name").asText(null),
                plan.path("periodStart").asInt(),
                plan.path("periodEnd").asInt(),
                plan.path("status").asText(),
                text(section),
                text(standard),
                text(outcome),
                action.path("description").asText(),
                action.path("lead").asText(null),
                date(action.path("dueDate")),
                action.path("timescale").asText(null),
                action.path("resources").asText(null),
                action.path("risks").asText(null),
                action.path("status").asText(),
                action.path("rag").asText(null),
                action.path("overdue").asBoolean() ? "yes" : "no");
    }

    /** Runs a paged query to its last page, handing each node on. */
    private void everyPage(
            RequestContext request,
            String query,
            String field,
            Map<String, Object> variables,
            Consumer<JsonNode> each) {
        String after = null;
        do {
            Map<String, Object> page = new HashMap<>(variables);
            page.put("after", after);
            GraphQLResponse response = executor.execute(new GraphQLRequest(query, null, page), request);
            JsonNode body = json.valueToTree(response.body());
            if (body.has("errors")) {
                JsonNode error = body.path("errors").path(0);
                throw new ApiException(
                        ErrorCode.valueOf(error.path("extensions").path("code").asText("INTERNAL_ERROR")),
                        error.path("message").asText());
            }
            JsonNode connection = body.path("data").path(field);
            connection.path("edges").forEach(edge -> each.accept(edge.path("node")));
            after = connection.path("pageInfo").path("hasNextPage").asBoolean()
                    ? connection.path("pageInfo").path("endCursor").asText()
                    : null;
        } while (after != null);
    }

    private static List<@Nullable Object> cells(@Nullable Object... values) {
        List<@Nullable Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value);
        }
        return cells;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static @Nullable LocalDate date(@Nullable JsonNode node) {
        String text = text(node);
        return text == null ? null : LocalDate.parse(text);
    }
}
