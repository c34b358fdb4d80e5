package uk.trustplatform.api;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one GraphQL operation for one caller: fresh DataLoaders, the request's context, the parser
 * and introspection settings; then gives every error an {@code extensions.code} and picks the HTTP
 * status. The HTTP endpoint and the web pages both execute through here.
 */
@Singleton
public final class GraphQLExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLExecutor.class);

    private final GraphQL graphQL;
    private final RequestScope scope;
    private final GraphQLLimits limits;
    private final RequestTimeLimit timeLimit;
    private final List<PerRequestLoader<?, ?>> loaders;
    private final boolean introspection;
    private final ParserOptions parserOptions;

    GraphQLExecutor(
            GraphQL graphQL,
            RequestScope scope,
            GraphQLLimits limits,
            RequestTimeLimit timeLimit,
            List<PerRequestLoader<?, ?>> loaders,
            DocumentCache documents,
            @Value("${trust.graphql.introspection:false}") boolean introspection) {
        // The cache is the executor's: the parser options it is keyed under are fixed here.
        this.graphQL = graphQL.transform(engine -> engine.preparsedDocumentProvider(documents));
        this.scope = scope;
        this.limits = limits;
        this.timeLimit = timeLimit;
        this.loaders = loaders;
        this.introspection = introspection;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens()).maxCharacters(limits.maxQueryCharacters()));
    }

    public GraphQLResponse execute(GraphQLRequest request, RequestContext context) {
        if (request.query().length() > limits.maxQueryCharacters()) {
            return refused(ApiError.of(
                    ErrorCode.LIMIT_EXCEEDED,
                    "Query refused: the query text is %d characters, over the limit of %d."
                            .formatted(request.query().length(), limits.maxQueryCharacters())));
        }
        RequestTimeLimit.Deadline deadline = timeLimit.start();
        ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .dataLoaderRegistry(freshDataLoaders())
                .graphQLContext(Map.of(
                        RequestContext.class, context,
                        ParserOptions.class, parserOptions,
                        Introspection.INTROSPECTION_DISABLED, !introspection,
                        RequestTimeLimit.Deadline.class, deadline))
                .build();
        try {
            return respond(ScopedValue.where(RequestContext.CURRENT, context)
                    .where(RequestMemo.CURRENT, new RequestMemo())
                    .call(() -> scope.execute(
                            context, label(request), () -> withinTimeLimit(graphQL.execute(input), deadline))));
        } catch (ApiException refusal) {
            return refused(ApiError.of(refusal.code(), refusal.getMessage()));
        } catch (RuntimeException failure) {
            if (failure instanceof GraphQLError requestError) {
                // graphql-java throws some request errors (an unknown operation name) instead of returning them.
                return refused(requestError);
            }
            if (RequestTimeLimit.exceededBy(failure)) {
                LOG.warn(
                        "Request stopped at its time limit of {} ms (correlation id {}): {}",
                        timeLimit.millis(),
                        context.correlationId(),
                        label(request));
                return refused(ApiError.of(ErrorCode.TIME_LIMIT_EXCEEDED, deadline.message()));
            }
            return failed("GraphQL execution", failure, context.correlationId());
        }
    }

    /**
     * The answer to a failure of {@code step}: the retryable 503 when the database could not be
     * reached, otherwise an internal error, masked.
     */
    static GraphQLResponse failed(String step, RuntimeException failure, String correlationId) {
        if (DatabaseOutage.causedBy(failure)) {
            LOG.warn("Database unreachable in {} (correlation id {}): {}", step, correlationId, failure.toString());
            return refused(ApiError.of(ErrorCode.UNAVAILABLE, DatabaseOutage.MESSAGE));
        }
        LOG.error("{} failed (correlation id {})", step, correlationId, failure);
        return masked(correlationId);
    }

    /**
     * The result, unless some field of it ran into the time limit: then the operation stops here,
     * inside its transaction, so that the transaction is rolled back and none of what it wrote is
     * kept, not even the mutations that finished before the limit came.
     */
    private static ExecutionResult withinTimeLimit(ExecutionResult result, RequestTimeLimit.Deadline deadline) {
        if (result.getErrors().stream().anyMatch(error -> codeOf(error) == ErrorCode.TIME_LIMIT_EXCEEDED)) {
            throw new TimeLimitExceeded(deadline.message());
        }
        return result;
    }

    /** How the operation is named in audit records: its name, or the start of its text. */
    private static String label(GraphQLRequest request) {
        if (request.operationName() != null) {
            return request.operationName();
        }
        String text = request.query().strip().replaceAll("\\s+", " ");
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** The answer to an internal failure: a plain message and the correlation id; the detail is in the log. */
    static GraphQLResponse masked(String correlationId) {
        return refused(ApiError.of(
                ErrorCode.INTERNAL_ERROR,
                "Internal error. Quote correlation id " + correlationId + " if you report it.",
                Map.of("correlationId", correlationId)));
    }

    /** A response for a request refused before it reached graphql-java. */
    public static GraphQLResponse refused(GraphQLError error) {
        return new GraphQLResponse(statusOf(error), Map.of("errors", List.of(specification(error))));
    }

    private DataLoaderRegistry freshDataLoaders() {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        loaders.forEach(loader -> register(registry, loader));
        return registry;
    }

    private static <K, V> void register(DataLoaderRegistry registry, PerRequestLoader<K, V> loader) {
        MappedBatchLoader<K, V> batch = keys -> CompletableFuture.completedFuture(loader.loadAll(keys));
        registry.register(loader.name(), DataLoaderFactory.newMappedDataLoader(batch));
    }

    private static GraphQLResponse respond(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<GraphQLError> errors = result.getErrors();
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream().map(GraphQLExecutor::specification).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        // No data at all (not sent, or null because a non-null root field failed): the first error decides.
        boolean noData = !result.isDataPresent() || result.getData() == null;
        HttpStatus status = noData && !errors.isEmpty() ? statusOf(errors.getFirst()) : HttpStatus.OK;
        return new GraphQLResponse(status, body);
    }

    private static Map<String, Object> specification(GraphQLError error) {
        Map<String, Object> specification = new LinkedHashMap<>(error.toSpecification());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.remove("classification");
        extensions.put("code", codeOf(error).name());
        specification.put("extensions", extensions);
        return specification;
    }

    private static HttpStatus statusOf(GraphQLError error) {
        return codeOf(error).status();
    }

    private static ErrorCode codeOf(GraphQLError error) {
        if (error.getExtensions() != null && error.getExtensions().get("code") instanceof String code) {
            return ErrorCode.valueOf(code);
        }
        if (!(error.getErrorType() instanceof ErrorType type)) {
            return switch (String.valueOf(error.getErrorType())) {
                case "IntrospectionDisabled" -> ErrorCode.INTROSPECTION_DISABLED;
                case "BadFaithIntrospection" -> ErrorCode.LIMIT_EXCEEDED;
                default -> ErrorCode.BAD_REQUEST;
            };
        }
        return switch (type) {
            case InvalidSyntax -> ErrorCode.GRAPHQL_PARSE_FAILED;
            case ValidationError, OperationNotSupported -> ErrorCode.GRAPHQL_VALIDATION_FAILED;
            case ExecutionAborted -> ErrorCode.BAD_REQUEST;
            case DataFetchingException, NullValueInNonNullableField -> ErrorCode.INTERNAL_ERROR;
        };
    }
}
