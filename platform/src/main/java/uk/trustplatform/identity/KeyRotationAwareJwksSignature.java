package uk.trustplatform.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * Tokens whose signature was verified, by digest, with the key set they were verified
     * against: a partner system sends the same token for its five minutes, and checking its RSA
     * signature again each time took 6% of the service's CPU in bench/compare (JFR). A key set
     * fetched again (each minute, or for an unknown key id) is a new object, so a token is
     * verified afresh against every new set: a key the provider withdraws stops its tokens as
     * soon as the set without it is fetched, as before. Entries outlive no token (the realm's
     * last 5 minutes); expiry and the other claims are still checked on every request.
     */
    private final Cache<Verified, Boolean> verifiedTokens = Caffeine.newBuilder()
            .maximumSize(4_096)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

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
        Verified token = new Verified(digest(jwt.getParsedString()), known);
        if (verifiedTokens.getIfPresent(token) != null) {
            return true;
        }
        try {
            boolean valid = JwksSignatureUtils.verify(jwt, known, validator);
            if (valid) {
                verifiedTokens.put(token, Boolean.TRUE);
            }
            return valid;
        } catch (JOSEException e) {
            return false;
        }
    }

    /** A token by its SHA-256 digest, and the key set (by identity: JWKSet has no equals) it was verified with. */
    private record Verified(ByteBuffer digest, JWKSet keys) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Verified that && digest.equals(that.digest) && keys == that.keys;
        }

        @Override
        public int hashCode() {
            return digest.hashCode() * 31 + System.identityHashCode(keys);
        }
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
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
