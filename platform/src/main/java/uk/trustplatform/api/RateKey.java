package uk.trustplatform.api;

import io.micronaut.core.annotation.Nullable;

/**
 * Whom a request is counted against for the rate limits: the validated token's holder, and the
 * tenant it acts in.
 *
 * @param caller the token's subject: a person, or a partner system's client
 * @param tenant the slug of the tenant the request acts in; null when it acts in none
 */
public record RateKey(String caller, @Nullable String tenant) {}
