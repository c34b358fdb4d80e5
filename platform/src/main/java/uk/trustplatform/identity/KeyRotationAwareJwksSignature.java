package uk.trustplatform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksClient;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureUtils;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Verifies token signatures against the identity provider's keys without blocking. When and how
 * the keys are fetched again (on expiry, on an unknown key id, while the provider is down) is
 * {@link IdentityProviderKeys}'s policy.
 */
@EachBean(JwksSignatureConfiguration.class)
@Replaces(ReactiveJwksSignature.class)
final class KeyRotationAwareJwksSignature implements ReactiveSignatureConfiguration<SignedJWT> {

    private final JwkValidator validator;
    private final IdentityProviderKeys keys;

    KeyRotationAwareJwksSignature(
            JwksSignatureConfiguration configuration,
            JwkValidator validator,
            JwksClient client,
            @Value("${trust.oidc.jwks-cache-expiry:60s}") Duration expiry,
            @Value("${trust.oidc.jwks-refetch-interval:30s}") Duration unknownKeyInterval,
            @Value("${trust.oidc.jwks-retry-interval:5s}") Duration retryInterval,
            MeterRegistry metrics) {
        this.validator = validator;
        // A new request on every fetch: the client's publisher is one HTTP exchange and cannot be
        // subscribed to again (after the first, it only replays an AssertionError of the cancelled flow).
        this.keys = new IdentityProviderKeys(
                () -> Mono.from(client.load(configuration.getName(), configuration.getUrl()))
                        .map(KeyRotationAwareJwksSignature::parse),
                configuration.getUrl(),
                Clock.systemUTC(),
                expiry,
                unknownKeyInterval,
                retryInterval,
                metrics);
    }

    IdentityProviderKeys.State keySet() {
        return keys.state();
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT jwt) {
        return keys.forKey(jwt.getHeader().getKeyID())
                .map(known -> verified(jwt, known))
                .defaultIfEmpty(false);
    }

    private boolean verified(SignedJWT jwt, JWKSet known) {
        try {
            return JwksSignatureUtils.verify(jwt, known, validator);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The identity provider's key set is not a JWK set", e);
        }
    }
}
