package uk.trustplatform.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@link RateLimits} to every request but those of health checks, metrics and static
 * files: after Micronaut Security has validated any bearer token, so a request is counted against
 * the caller its token (or browser session) proves, and before any route does work. Refused,
 * a request gets 429 with {@code Retry-After}: the API's usual error body, or a page for a browser.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {

    /** Probes and scrapes must answer however busy the callers are; files cost next to nothing. */
    private static final List<String> UNLIMITED = List.of("/health", "/prometheus", "/webjars", "/assets");

    private final RateLimits limits;
    private final RateKeys keys;
    private final ClientAddresses addresses;
    private final String graphQLPath;

    RateLimitFilter(
            RateLimits limits,
            RateKeys keys,
            ClientAddresses addresses,
            @Value("${graphql.path:/graphql}") String graphQLPath) {
        this.limits = limits;
        this.keys = keys;
        this.addresses = addresses;
        this.graphQLPath = graphQLPath;
    }

    /** On a blocking thread: a browser session is looked up in the database. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> admit(HttpRequest<?> request) {
        if (unlimited(request.getPath())) {
            return null;
        }
        Optional<RateKey> key = keys.of(request);
        Optional<RateLimits.Refusal> refusal =
                key.isPresent() ? limits.admit(key.get()) : limits.admitAnonymous(addresses.of(request));
        return refusal.map(refused -> refuse(request, refused)).orElse(null);
    }

    private static boolean unlimited(String path) {
        return UNLIMITED.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, RateLimits.Refusal refusal) {
        MutableHttpResponse<?> response =
                ServicePages.wanted(request) && !request.getPath().equals(graphQLPath)
                        ? HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                                .body(ServicePages.page("Sorry, there have been too many requests", refusal.message()))
                                .contentType(MediaType.TEXT_HTML_TYPE)
                        : HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                                .body(GraphQLExecutor.refused(ApiError.of(
                                                ErrorCode.RATE_LIMITED, refusal.message(), refusal.details()))
                                        .body())
                                .contentType(GraphQLEndpoint.responseType(request));
        return response.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
    }

    /** After Micronaut Security's filter, which validates the bearer token. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
