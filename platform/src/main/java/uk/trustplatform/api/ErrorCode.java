package uk.trustplatform.api;

import io.micronaut.http.HttpStatus;

/**
 * The {@code extensions.code} of every error the API returns, and the HTTP status a response gets
 * when the error stopped the whole request (no {@code data}).
 */
public enum ErrorCode {
    /** The HTTP request is not a GraphQL request we accept: bad JSON, wrong shape, batching off. */
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    /** Only application/json is accepted for POST (a CSRF defence: browsers cannot send it cross-site unasked). */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** A mutation sent by GET. */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    GRAPHQL_PARSE_FAILED(HttpStatus.BAD_REQUEST),
    GRAPHQL_VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    /** No valid bearer token where one is needed, or a token the platform did not accept. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    /** The caller is known but may not do this (or act in this tenant). */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** An argument outside what the field accepts, such as a negative page size or a cursor not issued here. */
    BAD_USER_INPUT(HttpStatus.BAD_REQUEST),
    /** The identity provider (Keycloak) refused or could not be reached; nothing was kept. */
    IDENTITY_PROVIDER_FAILED(HttpStatus.BAD_GATEWAY),
    /** Introspection asked for where it is switched off (production by default). */
    INTROSPECTION_DISABLED(HttpStatus.FORBIDDEN),
    /** Depth, complexity, aliases, root fields, page size or query length over the configured limit. */
    LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST),
    /** The database could not be reached just now (restarting, failing over); nothing changed; retry shortly. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** Too many feedback codes refused from the client's address lately: its rate limit. */
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    /**
     * More requests than the caller's, its tenant's or (unauthenticated) its address's rate limit
     * allows ({@link RateLimits}); {@code Retry-After} says when to try again.
     */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    /**
     * The request ran past its time limit ({@link RequestTimeLimit}), waiting on the database or
     * working; nothing it wrote was kept. Retryable, so 503 with {@code Retry-After}: the platform
     * is the server that gave up, not a gateway (504), and the usual cause, a lock held or a busy
     * database, passes.
     */
    TIME_LIMIT_EXCEEDED(HttpStatus.SERVICE_UNAVAILABLE),
    /** Something failed inside the platform; the message is masked and carries a correlation id. */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
