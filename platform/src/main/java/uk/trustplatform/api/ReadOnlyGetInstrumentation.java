package uk.trustplatform.api;

import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import io.micronaut.http.HttpMethod;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a mutation (or subscription) that arrived by GET, before validation, so a link or an
 * image tag can never change data. Only queries may be sent by GET.
 */
final class ReadOnlyGetInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        refuseUnlessQueries(parameters.getGraphQLContext(), parameters.getOperation(), parameters.getDocument());
        return null;
    }

    /**
     * Refuses the operation named {@code wanted} (or, unnamed, any operation of the document) that
     * is not a query when the request came by GET. Also made for each document taken from the
     * {@link DocumentCache}, which skips validation.
     */
    static void refuseUnlessQueries(GraphQLContext context, String wanted, Document document) {
        RequestContext request = context.get(RequestContext.class);
        if (request == null || request.method() != HttpMethod.GET) {
            return;
        }
        document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> wanted == null || wanted.equals(operation.getName()))
                .filter(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY)
                .findFirst()
                .ifPresent(operation -> {
                    throw ApiError.refusal(
                            ErrorCode.METHOD_NOT_ALLOWED,
                            "A " + operation.getOperation().name().toLowerCase(java.util.Locale.ROOT)
                                    + " cannot be sent with GET; send it with POST and Content-Type: application/json.");
                });
    }
}
