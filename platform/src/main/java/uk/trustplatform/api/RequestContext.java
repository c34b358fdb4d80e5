package uk.trustplatform.api;

import io.micronaut.http.HttpMethod;
import java.util.Optional;

/**
 * What the platform knows about the request behind a GraphQL execution. It travels in the
 * execution's {@code GraphQLContext} under this class.
 */
public record RequestContext(String correlationId, HttpMethod method, Caller caller) {

    /** The request being executed, bound by {@link GraphQLExecutor} for the length of the execution. */
    static final ScopedValue<RequestContext> CURRENT = ScopedValue.newInstance();

    /** The request the current thread is executing, if any (none in scheduled jobs). */
    public static Optional<RequestContext> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }
}
