package uk.trustplatform.api;

import io.micronaut.http.HttpMethod;

/**
 * What the platform knows about the HTTP request behind a GraphQL execution. It travels in the
 * execution's {@code GraphQLContext} under this class.
 */
public record RequestContext(String correlationId, HttpMethod method) {}
