package uk.trustplatform.api;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Who sent a request, for the rate limits; the identity feature provides it. */
public interface RateKeys {

    /**
     * The validated caller behind a request (its bearer token, or its browser session) and the
     * tenant it acts in; empty when there is none, and the request is counted by its address.
     */
    Optional<RateKey> of(HttpRequest<?> request);
}
