package uk.trustplatform.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id, returned in {@code X-Correlation-Id} and quoted in masked
 * errors and logs. An id from an upstream gateway is kept when it looks like one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CorrelationIdFilter implements Ordered {

    static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = "trust.correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @RequestFilter
    void assign(HttpRequest<?> request) {
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }

    /** The request's correlation id; every request passes through this filter first. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class)
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
