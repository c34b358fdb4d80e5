package uk.trustplatform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * {@code /graphql} over HTTP. POST takes {@code application/json} only; GET takes queries only. A
 * JSON array of operations (batching) is refused unless configured. Every refusal is a GraphQL
 * error body with a code, never an HTML page or a stack trace.
 *
 * <p>Replaces micronaut-graphql's controller, which accepts any content type and mutations by GET.
 */
/*
 * Every media type a client may put first in Accept is named in `produces`: Micronaut settles an
 * address two routes match (/graphql and a partnership's page /{tenant}) by which route names the
 * first accepted type, before it prefers the literal path; the answer's type is chosen below.
 */
@Replaces(GraphQLController.class)
@Controller("${graphql.path:/graphql}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class GraphQLEndpoint {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final MediaType GRAPHQL_RESPONSE_JSON = MediaType.of(GRAPHQL_RESPONSE);

    private final GraphQLExecutor executor;
    private final CallerResolution callers;
    private final ObjectMapper json;
    private final ResultJson results;
    private final ClientAddresses addresses;
    private final boolean batching;
    private final int maxBatchOperations;

    GraphQLEndpoint(
            GraphQLExecutor executor,
            CallerResolution callers,
            ObjectMapper json,
            ClientAddresses addresses,
            @Value("${trust.graphql.batching.enabled:false}") boolean batching,
            @Value("${trust.graphql.batching.max-operations:10}") int maxBatchOperations) {
        this.executor = executor;
        this.callers = callers;
        this.json = json;
        this.results = new ResultJson(json);
        this.addresses = addresses;
        this.batching = batching;
        this.maxBatchOperations = maxBatchOperations;
    }

    @Post(
            consumes = MediaType.ALL,
            produces = {MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE, MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<Object> post(
            HttpRequest<?> http, @Nullable Authentication authentication, @Nullable @Body String body) {
        Optional<MediaType> contentType = http.getContentType();
        if (contentType.isEmpty()
                || !MediaType.APPLICATION_JSON.equals(contentType.get().getName())) {
            return send(
                    http,
                    refusal(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "POST /graphql accepts only Content-Type: application/json; this request sent "
                                    + contentType.map(MediaType::getName).orElse("none") + "."));
        }
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return send(http, refusal(ErrorCode.BAD_REQUEST, "The request body is not valid JSON: " + describe(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            return send(http, refusal(ErrorCode.BAD_REQUEST, "The request body is empty; send {\"query\": \"...\"}."));
        }
        if (tree.isArray()) {
            return batch(http, authentication, tree);
        }
        return send(http, single(http, authentication, tree));
    }

    @Get(produces = {MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE, MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<Object> get(HttpRequest<?> http, @Nullable Authentication authentication) {
        var parameters = http.getParameters();
        String query = parameters.get("query");
        if (query == null || query.isBlank()) {
            return send(http, refusal(ErrorCode.BAD_REQUEST, "GET /graphql needs a \"query\" parameter."));
        }
        Map<String, Object> variables = Map.of();
        String variablesText = parameters.get("variables");
        if (variablesText != null && !variablesText.isBlank()) {
            try {
                JsonNode variablesNode = json.readTree(variablesText);
                if (!variablesNode.isObject()) {
                    return send(
                            http, refusal(ErrorCode.BAD_REQUEST, "The \"variables\" parameter must be a JSON object."));
                }
                variables = asMap(variablesNode);
            } catch (JsonProcessingException e) {
                return send(
                        http,
                        refusal(
                                ErrorCode.BAD_REQUEST,
                                "The \"variables\" parameter is not valid JSON: " + describe(e)));
            }
        }
        return send(
                http, run(http, authentication, new GraphQLRequest(query, parameters.get("operationName"), variables)));
    }

    private HttpResponse<Object> batch(
            HttpRequest<?> http, @Nullable Authentication authentication, JsonNode operations) {
        if (!batching) {
            return send(
                    http,
                    refusal(
                            ErrorCode.BAD_REQUEST,
                            "Batched requests (a JSON array of operations) are not enabled on this server; send one operation per request."));
        }
        if (operations.isEmpty() || operations.size() > maxBatchOperations) {
            return send(
                    http,
                    refusal(
                            ErrorCode.BAD_REQUEST,
                            "A batch must hold between 1 and %d operations; this one holds %d."
                                    .formatted(maxBatchOperations, operations.size())));
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        operations.forEach(
                operation -> bodies.add(single(http, authentication, operation).body()));
        return HttpResponse.status(HttpStatus.OK)
                .body((Object) results.write(bodies))
                .contentType(responseType(http));
    }

    private GraphQLResponse single(HttpRequest<?> http, @Nullable Authentication authentication, JsonNode operation) {
        if (!operation.isObject()) {
            return refusal(ErrorCode.BAD_REQUEST, "Each operation must be a JSON object with a \"query\" string.");
        }
        JsonNode query = operation.path("query");
        if (!query.isTextual() || query.asText().isBlank()) {
            return refusal(ErrorCode.BAD_REQUEST, "The request's \"query\" must be a non-empty string.");
        }
        JsonNode operationName = operation.path("operationName");
        if (!operationName.isMissingNode() && !operationName.isNull() && !operationName.isTextual()) {
            return refusal(ErrorCode.BAD_REQUEST, "The request's \"operationName\" must be a string or null.");
        }
        for (String member : List.of("variables", "extensions")) {
            JsonNode value = operation.path(member);
            if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
                return refusal(
                        ErrorCode.BAD_REQUEST, "The request's \"" + member + "\" must be a JSON object or null.");
            }
        }
        JsonNode variables = operation.path("variables");
        return run(
                http,
                authentication,
                new GraphQLRequest(
                        query.asText(),
                        operationName.isTextual() ? operationName.asText() : null,
                        variables.isObject() ? asMap(variables) : Map.of()));
    }

    private GraphQLResponse run(HttpRequest<?> http, @Nullable Authentication authentication, GraphQLRequest request) {
        String correlationId = CorrelationIdFilter.of(http);
        MDC.put("correlationId", correlationId);
        try {
            Caller caller = callers.resolve(http, authentication);
            return executor.execute(
                    request, new RequestContext(correlationId, http.getMethod(), caller, addresses.of(http)));
        } catch (ApiException refused) {
            return refusal(refused.code(), refused.getMessage());
        } catch (RuntimeException failure) {
            // Deciding who is calling reads the tenant register: with the database away that is the
            // same retryable 503 as the operation's own reads, not an internal error.
            return GraphQLExecutor.failed("Resolving the caller", failure, correlationId);
        } finally {
            MDC.remove("correlationId");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(JsonNode node) {
        return json.convertValue(node, Map.class);
    }

    private static GraphQLResponse refusal(ErrorCode code, String message) {
        return GraphQLExecutor.refused(ApiError.of(code, message));
    }

    private HttpResponse<Object> send(HttpRequest<?> http, GraphQLResponse response) {
        MutableHttpResponse<Object> sent = HttpResponse.status(response.status())
                .body((Object) results.write(response.body()))
                .contentType(responseType(http));
        if (response.status() == HttpStatus.UNAUTHORIZED) {
            sent.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        if (response.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            sent.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return sent;
    }

    /**
     * The GraphQL-over-HTTP media type when the client prefers it to {@code application/json}
     * (by quality, then by order); otherwise {@code application/json}, also when the Accept header
     * names neither, as the specification allows.
     */
    static MediaType responseType(HttpRequest<?> http) {
        MediaType chosen = MediaType.APPLICATION_JSON_TYPE;
        double best = 0;
        for (MediaType accepted : http.accept()) {
            MediaType candidate = GRAPHQL_RESPONSE_JSON.getName().equals(accepted.getName())
                    ? GRAPHQL_RESPONSE_JSON
                    : MediaType.APPLICATION_JSON_TYPE.matches(accepted) ? MediaType.APPLICATION_JSON_TYPE : null;
            double quality = accepted.getQualityAsNumber().doubleValue();
            if (candidate != null && quality > best) {
                chosen = candidate;
                best = quality;
            }
        }
        return chosen;
    }

    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null
                ? e.getOriginalMessage()
                : "%s (line %d, column %d)"
                        .formatted(e.getOriginalMessage(), location.getLineNr(), location.getColumnNr());
    }
}
