package uk.trustplatform.api;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, before validation, a document with an operation of a type the schema does not define
 * (the schema has no subscriptions): the GraphQL specification's "Operation Type Existence" rule,
 * which graphql-java 22 lacks. Its own subscription rule assumes the type exists and fails with an
 * internal error instead.
 */
final class OperationTypeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        GraphQLSchema schema = parameters.getSchema();
        parameters.getDocument().getDefinitionsOfType(OperationDefinition.class).stream()
                .map(OperationDefinition::getOperation)
                .filter(operation -> !defines(schema, operation))
                .findFirst()
                .ifPresent(operation -> {
                    throw ApiError.refusal(
                            ErrorCode.GRAPHQL_VALIDATION_FAILED,
                            "This API has no " + operation.name().toLowerCase(Locale.ROOT)
                                    + " operations; send a query or a mutation.");
                });
        return null;
    }

    private static boolean defines(GraphQLSchema schema, Operation operation) {
        return switch (operation) {
            case QUERY -> true;
            case MUTATION -> schema.getMutationType() != null;
            case SUBSCRIPTION -> schema.getSubscriptionType() != null;
        };
    }
}
