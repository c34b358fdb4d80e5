package uk.trustplatform.api;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The GraphQL response body and the HTTP status it should be sent with. */
public record GraphQLResponse(HttpStatus status, Map<String, Object> body) {}
