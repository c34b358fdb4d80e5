package uk.trustplatform.api;

import io.micronaut.http.HttpMethod;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the platform knows about the request behind a GraphQL execution. It travels in the
 * execution's {@code GraphQLContext} under this class.
 *
 * @param clientAddress where the request came from (see {@link ClientAddresses}), for rate limits;
 *     null for work no client asked for directly, such as an export's file
 */
public record RequestContext(
        String correlationId,
        HttpMethod method,
        Caller caller,
        @Nullable String clientAddress) {

    public RequestContext(String correlationId, HttpMethod method, Caller caller) {
        this(correlationId, method, caller, null);
    }

    /** The request being executed, bound by {@link GraphQLExecutor} for the length of the execution. */
    static final ScopedValue<RequestContext> CURRENT = ScopedValue.newInstance();

    /** The request the current thread is executing, if any (none in scheduled jobs). */
    public static Optional<RequestContext> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /**
     * Who the current request is for (anonymous outside one): what a batch loader, which is given
     * only keys, applies the read rules for.
     */
    public static Caller currentCaller() {
        return current().map(RequestContext::caller).orElseGet(Caller::anonymous);
    }
}
