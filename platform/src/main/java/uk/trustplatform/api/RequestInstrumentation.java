package uk.trustplatform.api;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The platform's instrumentations as one: GET only for queries and operation types the schema has
 * (before validation), the query limits (before execution) and the time limit (on each field's
 * fetch). graphql-java's ChainedInstrumentation would ask each of the four about every field of
 * every result, though only the time limit looks at fields: that chaining took 7% of the service's
 * CPU in bench/compare's plan read (JFR); here each hook goes straight to the one that uses it.
 */
final class RequestInstrumentation extends SimplePerformantInstrumentation {

    private final ReadOnlyGetInstrumentation readOnlyGet = new ReadOnlyGetInstrumentation();
    private final OperationTypeInstrumentation operationType = new OperationTypeInstrumentation();
    private final QueryLimitsInstrumentation queryLimits;
    private final TimeLimitInstrumentation timeLimit = new TimeLimitInstrumentation();

    RequestInstrumentation(GraphQLLimits limits) {
        this.queryLimits = new QueryLimitsInstrumentation(limits);
    }

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        readOnlyGet.beginValidation(parameters, state);
        return operationType.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        return queryLimits.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return timeLimit.instrumentDataFetcher(fetcher, parameters, state);
    }
}
