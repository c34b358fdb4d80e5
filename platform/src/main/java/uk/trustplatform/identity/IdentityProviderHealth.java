package uk.trustplatform.identity;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * What the platform knows of the identity provider's signing keys, in the health details that
 * operators see. Always UP: while Keycloak is down, tokens already issued are still checked
 * against the keys last fetched, and taking the pods out of service would not bring Keycloak
 * back. The details say what is wrong. It asks Keycloak nothing itself; it reports the key set's
 * last fetch.
 */
@Singleton
@Readiness
final class IdentityProviderHealth implements HealthIndicator {

    private final List<KeyRotationAwareJwksSignature> signatures;

    IdentityProviderHealth(List<KeyRotationAwareJwksSignature> signatures) {
        this.signatures = signatures;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (KeyRotationAwareJwksSignature signature : signatures) {
            IdentityProviderKeys.State state = signature.keySet();
            Map<String, Object> keySet = new LinkedHashMap<>();
            keySet.put(
                    "keysFetchedAt",
                    state.fetchedAt() == null ? "none yet" : state.fetchedAt().toString());
            keySet.put(
                    "lastAttempt",
                    state.lastAttempt() == null
                            ? "none yet"
                            : state.lastAttempt().toString());
            keySet.put("lastAttemptFailed", state.lastAttemptFailed());
            keySet.put("meaning", meaning(state));
            details.put(state.source(), keySet);
        }
        return Mono.just(HealthResult.builder("identityProvider", HealthStatus.UP)
                .details(details)
                .build());
    }

    private static String meaning(IdentityProviderKeys.State state) {
        if (!state.lastAttemptFailed()) {
            return state.fetchedAt() == null
                    ? "No token has been checked yet, so the keys have not been fetched."
                    : "The identity provider answered the last request for its keys.";
        }
        return state.fetchedAt() == null
                ? "The identity provider cannot be reached and no keys are known: no token can be checked until it answers."
                : "The identity provider cannot be reached: tokens already issued are checked against the keys fetched"
                        + " at " + state.fetchedAt() + "; new sign-ins wait for it.";
    }
}
