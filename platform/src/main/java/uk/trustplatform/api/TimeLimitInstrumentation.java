package uk.trustplatform.api;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * Refuses to start a field's work once the operation is past its {@link RequestTimeLimit}: the
 * database's statement timeout stops a slow statement, this stops an operation made slow by many
 * quick ones. Fields that only read a value already fetched are left alone; they cost nothing.
 */
final class TimeLimitInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        return env -> {
            RequestTimeLimit.Deadline deadline = env.getGraphQlContext().get(RequestTimeLimit.Deadline.class);
            if (deadline != null && deadline.passed()) {
                throw new ApiException(ErrorCode.TIME_LIMIT_EXCEEDED, deadline.message());
            }
            return fetcher.get(env);
        };
    }
}
