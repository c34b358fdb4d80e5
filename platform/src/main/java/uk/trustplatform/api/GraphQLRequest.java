package uk.trustplatform.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One GraphQL operation as a client sent it. */
public record GraphQLRequest(String query, @Nullable String operationName, Map<String, Object> variables) {

    public GraphQLRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
