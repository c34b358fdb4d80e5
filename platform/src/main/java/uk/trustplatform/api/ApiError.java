package uk.trustplatform.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds errors that carry an {@link ErrorCode}, and refusals that stop a request before execution. */
public final class ApiError {

    private ApiError() {}

    public static GraphQLError of(ErrorCode code, String message) {
        return of(code, message, Map.of());
    }

    public static GraphQLError of(ErrorCode code, String message, Map<String, Object> details) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(classification(code))
                .extensions(withCode(code, details))
                .build();
    }

    /** An exception graphql-java turns into an error response without executing anything. */
    public static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(of(code, message)));
    }

    private static Map<String, Object> withCode(ErrorCode code, Map<String, Object> details) {
        var extensions = new LinkedHashMap<String, Object>(details);
        extensions.put("code", code.name());
        return extensions;
    }

    private static ErrorClassification classification(ErrorCode code) {
        return ErrorClassification.errorClassification(code.name());
    }
}
