package uk.trustplatform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Verifies token signatures against the identity provider's key set without blocking, and fetches
 * the set again as soon as a token names a key it does not hold (the provider rotated its keys),
 * instead of waiting for the cached set to expire. Such refetches happen at most once per
 * {@code trust.oidc.jwks-refetch-interval}, so tokens with made-up key ids cannot flood the provider.
 */
@EachBean(JwksSignatureConfiguration.class)
@Replaces(ReactiveJwksSignature.class)
final class KeyRotationAwareJwksSignature implements ReactiveSignatureConfiguration<SignedJWT> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotationAwareJwksSignature.class);
    private final JwksSignatureConfiguration configuration;
    private final JwkValidator validator;
    private final JwksClient client;
    private final Duration refetchInterval;
    private final AtomicReference<Instant> lastRefetch = new AtomicReference<>(Instant.EPOCH);
    private volatile Mono<JWKSet> keySet;

    KeyRotationAwareJwksSignature(
            JwksSignatureConfiguration configuration,
            JwkValidator validator,
            JwksClient client,
            @Value("${trust.oidc.jwks-refetch-interval:30s}") Duration refetchInterval) {
        this.configuration = configuration;
        this.validator = validator;
        this.client = client;
        this.refetchInterval = refetchInterval;
        this.keySet = fetch();
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT jwt) {
        return keySet.flatMap(keys -> holdsKeyOf(keys, jwt) || !mayRefetch()
                        ? Mono.just(verified(jwt, keys))
                        : refetched().map(fresh -> verified(jwt, fresh)))
                .defaultIfEmpty(false)
                .onErrorResume(failure -> {
                    LOG.warn(
                            "The identity provider's key set could not be fetched from {}",
                            configuration.getUrl(),
                            failure);
                    return Mono.just(false);
                });
    }

    private Mono<JWKSet> refetched() {
        keySet = fetch();
        return keySet;
    }

    /** One fetch, shared by concurrent verifications, kept for the configured expiry; failures are not kept. */
    private Mono<JWKSet> fetch() {
        Duration expiry = Duration.ofSeconds(configuration.getCacheExpiration());
        return Mono.from(client.load(configuration.getName(), configuration.getUrl()))
                .map(KeyRotationAwareJwksSignature::parse)
                .cache(keys -> expiry, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    private boolean mayRefetch() {
        Instant now = Instant.now();
        Instant previous = lastRefetch.get();
        return !now.isBefore(previous.plus(refetchInterval)) && lastRefetch.compareAndSet(previous, now);
    }

    private static boolean holdsKeyOf(JWKSet keys, SignedJWT jwt) {
        String keyId = jwt.getHeader().getKeyID();
        return keyId == null || keys.getKeyByKeyId(keyId) != null;
    }

    private boolean verified(SignedJWT jwt, JWKSet keys) {
        try {
            return JwksSignatureUtils.verify(jwt, keys, validator);
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
