package uk.trustplatform.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses, with 400 and a plain message, a request whose decoded path or query parameters hold
 * {@link UnsafeCharacters} (a {@code %00} in a badge's address), before any route sees them and
 * looks them up. {@code /graphql} is left to the GraphQL layer, which refuses the same characters
 * naming the argument that holds them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class UnsafeAddressFilter implements Ordered {

    private final String graphQLPath;

    UnsafeAddressFilter(@Value("${graphql.path:/graphql}") String graphQLPath) {
        this.graphQLPath = graphQLPath;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseUnsafeAddress(HttpRequest<?> request) {
        if (request.getPath().equals(graphQLPath)) {
            return null;
        }
        return firstUnsafe(request)
                .map(found -> HttpResponse.badRequest("This address contains " + found
                                + ", which no page or file of the platform has" + " in its address.")
                        .contentType(MediaType.TEXT_PLAIN_TYPE))
                .orElse(null);
    }

    private static Optional<String> firstUnsafe(HttpRequest<?> request) {
        Stream<String> parameters = request.getParameters().asMap().entrySet().stream()
                .flatMap(parameter -> Stream.concat(Stream.of(parameter.getKey()), parameter.getValue().stream()));
        // getPath() is the raw path, %00 and all; the URI's path is decoded, as routes see it.
        return Stream.concat(Stream.of(request.getUri().getPath()), parameters)
                .map(UnsafeCharacters::firstIn)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Just after {@link CorrelationIdFilter}, so the refusal carries a correlation id too. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }
}
