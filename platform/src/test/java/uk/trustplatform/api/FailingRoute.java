package uk.trustplatform.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * A route that fails the way the badge page once did, with the database's error in the exception;
 * present only when UnhandledExceptionIT asks for it.
 */
@Controller("/test-only/failing")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "test.failing-route", value = "true")
final class FailingRoute {

    static final String DETAIL = "Error executing SQL Query: ERROR: invalid byte sequence for encoding \"UTF8\": 0x00";

    @Get(produces = {"text/html", "application/json"})
    String fail() {
        throw new IllegalStateException(DETAIL);
    }
}
