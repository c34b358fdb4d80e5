package uk.trustplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One of the soak's connections: the requests its callers make and what counts as a good answer.
 * Its partner system saves the even-numbered actions of its own agency's plan and its lead records
 * progress on the odd ones, so no other connection ever writes them: a version conflict here is a
 * fault, and counts as an error.
 */
final class SoakConnection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String READ_PLAN = "query SoakPlan { actionPlans(first: 5) { edges { node { id status version"
            + " progress { total complete overdue } sections { number outcomes { number actions { id version"
            + " sectionNumber outcomeNumber description lead dueDate timescale resources risks status rag } } } } } } }";
    private static final String SAVE_ACTION = "mutation SoakSave($i: SaveActionInput!) { saveAction(input: $i)"
            + " { action { id version status rag } userErrors { code message } } }";
    private static final String ADD_PROGRESS = "mutation SoakProgress($i: AddProgressUpdateInput!)"
            + " { addProgressUpdate(input: $i) { action { id } userErrors { code message } } }";
    private static final String BOARD_PROGRESS =
            "query SoakBoard { actionPlanProgress(periodStart: 2026, periodEnd: 2027)"
                    + " { byStandard { standard progress { total complete red amber green } }"
                    + " byPartner { partnerOrganisation { name } progress { total complete overdue } } } }";
    private static final String PUBLIC_REGISTER =
            "query SoakRegister($s: String!) { publicPledgeRegister(tenantSlug: $s) { entries { name categoryLabel registeredOn } } }";
    private static final List<String> STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETE");
    private static final List<String> RAGS = List.of("RED", "AMBER", "GREEN");

    private final URI service;
    private final SoakCallers.Partner callers;
    /** The actions last read or saved, by id: the version a save must name. */
    private final Map<String, JsonNode> actions = new HashMap<>();

    private final List<String> saving = new ArrayList<>();
    private final List<String> progressing = new ArrayList<>();
    private int turn;

    SoakConnection(URI service, SoakCallers.Partner callers) {
        this.service = service;
        this.callers = callers;
    }

    /** The request for an operation, its token fetched (outside what the soak times). */
    HttpRequest request(SoakOperation operation) {
        turn++;
        return switch (operation) {
            case READ_PLAN -> graphql(callers.system(), READ_PLAN, Map.of());
            case SAVE_ACTION -> graphql(callers.system(), SAVE_ACTION, Map.of("i", nextSave()));
            case ADD_PROGRESS -> graphql(callers.lead(), ADD_PROGRESS, Map.of("i", nextProgress()));
            case BOARD_PROGRESS -> graphql(callers.board(), BOARD_PROGRESS, Map.of());
            case PUBLIC_PAGE ->
                HttpRequest.newBuilder(service.resolve("/" + callers.tenantSlug() + "/pledge-register"))
                        .timeout(TIMEOUT)
                        .build();
            case PUBLIC_API ->
                HttpRequest.newBuilder(publicRegisterQuery()).timeout(TIMEOUT).build();
        };
    }

    /** What was wrong with the answer, if anything; a good plan or save also updates the versions known. */
    Optional<String> problem(SoakOperation operation, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return Optional.of("HTTP " + response.statusCode() + ": " + snippet(response.body()));
        }
        if (operation == SoakOperation.PUBLIC_PAGE) {
            return response.body().contains("<html") ? Optional.empty() : Optional.of("not a page");
        }
        JsonNode answer = read(response.body());
        if (answer.has("errors")) {
            return Optional.of("errors: " + snippet(answer.path("errors").toString()));
        }
        return switch (operation) {
            case READ_PLAN -> remember(answer.path("data"));
            case SAVE_ACTION -> saved(answer.path("data").path("saveAction"));
            case ADD_PROGRESS -> refusal(answer.path("data").path("addProgressUpdate"));
            case BOARD_PROGRESS -> expect(answer.at("/data/actionPlanProgress/byPartner"), "no partners' progress");
            case PUBLIC_API -> expect(answer.at("/data/publicPledgeRegister/entries"), "no register entries");
            case PUBLIC_PAGE -> Optional.empty();
        };
    }

    /** Whether the plan has been read: saves and progress need its actions. */
    boolean knowsItsActions() {
        return !saving.isEmpty() && !progressing.isEmpty();
    }

    private Optional<String> remember(JsonNode data) {
        JsonNode plans = data.path("actionPlans").path("edges");
        if (plans.isEmpty()) {
            return Optional.of("no plan");
        }
        saving.clear();
        progressing.clear();
        int index = 0;
        for (JsonNode action : plans.findValues("actions").stream()
                .flatMap(JsonNode::valueStream)
                .toList()) {
            String id = action.path("id").asText();
            actions.put(id, action);
            (index++ % 2 == 0 ? saving : progressing).add(id);
        }
        return knowsItsActions() ? Optional.empty() : Optional.of("the plan has fewer than two actions");
    }

    private Optional<String> saved(JsonNode payload) {
        Optional<String> refused = refusal(payload);
        if (refused.isEmpty()) {
            JsonNode saved = payload.path("action");
            ObjectNode known = (ObjectNode) Objects.requireNonNull(
                    actions.get(saved.path("id").asText()), "a connection saves only the actions it read");
            known.set("version", saved.path("version"));
        }
        return refused;
    }

    /** The next of this connection's own actions moved on one status and RAG, everything else as read. */
    private Map<String, @Nullable Object> nextSave() {
        JsonNode action = Objects.requireNonNull(
                actions.get(saving.get(turn % saving.size())), "the actions to save were read with the plan");
        // A field the plan read as null is given as null.
        Map<String, @Nullable Object> input = new HashMap<>();
        for (String field : List.of(
                "id",
                "version",
                "sectionNumber",
                "outcomeNumber",
                "description",
                "lead",
                "dueDate",
                "timescale",
                "resources",
                "risks")) {
            input.put(field, action.path(field).isNull() ? null : action.path(field));
        }
        input.put("status", STATUSES.get(turn % STATUSES.size()));
        input.put("rag", RAGS.get(turn % RAGS.size()));
        return input;
    }

    private Map<String, Object> nextProgress() {
        return Map.of(
                "actionId", progressing.get(turn % progressing.size()),
                "date", LocalDate.now().toString(),
                "note", "Soak progress " + turn);
    }

    private URI publicRegisterQuery() {
        String variables = "{\"s\":\"" + callers.tenantSlug() + "\"}";
        return service.resolve("/graphql?query=" + URLEncoder.encode(PUBLIC_REGISTER, StandardCharsets.UTF_8)
                + "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8));
    }

    private HttpRequest graphql(Token token, String query, Map<String, Object> variables) {
        try {
            return HttpRequest.newBuilder(service.resolve("/graphql"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token.get())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> refusal(JsonNode payload) {
        JsonNode errors = payload.path("userErrors");
        if (payload.isMissingNode() || payload.isNull()) {
            return Optional.of("no payload");
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of("userErrors: " + snippet(errors.toString()));
    }

    private static Optional<String> expect(JsonNode list, String otherwise) {
        return list.isEmpty() ? Optional.of(otherwise) : Optional.empty();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("errors", "not JSON: " + snippet(body));
        }
    }

    private static String snippet(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
