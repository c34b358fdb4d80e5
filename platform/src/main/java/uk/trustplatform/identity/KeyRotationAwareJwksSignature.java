package uk.trustplatform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignature;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verifies tokens against the identity provider's key set, and fetches the set again when a token
 * names a key it does not hold (the provider has rotated its keys). Refetches are at most one per
 * {@code trust.oidc.jwks-refetch-interval}, so tokens with made-up key ids cannot flood the provider.
 */
@EachBean(JwksSignatureConfiguration.class)
@Replaces(JwksSignature.class)
final class KeyRotationAwareJwksSignature extends JwksSignature {

    private final Duration minimumInterval;
    private final AtomicReference<Instant> lastRefetch = new AtomicReference<>(Instant.EPOCH);

    KeyRotationAwareJwksSignature(
            JwksSignatureConfiguration configuration,
            JwkValidator validator,
            JwkSetFetcher<JWKSet> fetcher,
            @Value("${trust.oidc.jwks-refetch-interval:30s}") Duration minimumInterval) {
        super(configuration, validator, fetcher);
        this.minimumInterval = minimumInterval;
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        String keyId = jwt.getHeader().getKeyID();
        if (keyId != null && !getKeyIds().orElse(List.of()).contains(keyId) && mayRefetch()) {
            clear();
        }
        return super.verify(jwt);
    }

    private boolean mayRefetch() {
        Instant now = Instant.now();
        Instant previous = lastRefetch.get();
        return now.isAfter(previous.plus(minimumInterval)) && lastRefetch.compareAndSet(previous, now);
    }
}
