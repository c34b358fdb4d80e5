package uk.trustplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** When the identity provider's keys are fetched again, and what is used while it cannot be reached. */
class IdentityProviderKeysTest {

    private static final Duration EXPIRY = Duration.ofSeconds(60);
    private static final Duration UNKNOWN_KEY_INTERVAL = Duration.ofSeconds(30);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    private final MovableClock clock = new MovableClock();
    private final Provider provider = new Provider();
    private final IdentityProviderKeys keys = new IdentityProviderKeys(
            provider::fetch,
            "test provider",
            clock,
            EXPIRY,
            UNKNOWN_KEY_INTERVAL,
            RETRY_INTERVAL,
            new SimpleMeterRegistry());

    @Test
    void keys_are_fetched_once_and_again_after_every_expiry() {
        RSAKey first = provider.publishNew();
        assertThat(keyIds(first.getKeyID())).containsExactly(first.getKeyID());
        clock.pass(EXPIRY.minusSeconds(1));
        keyIds(first.getKeyID());
        assertThat(provider.fetches).hasValue(1);

        for (int expiry = 1; expiry <= 3; expiry++) {
            RSAKey next = provider.publishNew();
            clock.pass(EXPIRY);
            assertThat(keyIds(first.getKeyID())).contains(next.getKeyID());
            assertThat(provider.fetches).hasValue(1 + expiry);
        }
    }

    @Test
    void an_unknown_key_id_fetches_at_once_but_at_most_once_per_interval() {
        RSAKey first = provider.publishNew();
        keyIds(first.getKeyID());
        RSAKey rotated = provider.publishNew();

        assertThat(keyIds(rotated.getKeyID())).contains(rotated.getKeyID());
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(keyIds("made-up-" + attempt)).doesNotContain("made-up-" + attempt);
        }
        assertThat(provider.fetches)
                .as("the rotation fetched; made-up ids waited")
                .hasValue(2);

        clock.pass(UNKNOWN_KEY_INTERVAL);
        keyIds("made-up-again");
        assertThat(provider.fetches).hasValue(3);
    }

    @Test
    void while_the_provider_is_down_the_last_good_keys_are_used_and_it_is_asked_once_per_retry_interval() {
        RSAKey known = provider.publishNew();
        keyIds(known.getKeyID());
        provider.down = true;
        clock.pass(EXPIRY);

        for (int second = 0; second < 12; second++) {
            assertThat(keyIds(known.getKeyID())).as("second %d", second).contains(known.getKeyID());
            assertThat(keyIds("unknown")).doesNotContain("unknown");
            clock.pass(Duration.ofSeconds(1));
        }
        assertThat(provider.fetches).as("once at expiry, then at 5 s and 10 s").hasValue(1 + 3);

        provider.down = false;
        RSAKey afterRestart = provider.publishNew();
        clock.pass(RETRY_INTERVAL);
        assertThat(keyIds(afterRestart.getKeyID())).contains(afterRestart.getKeyID(), known.getKeyID());
    }

    @Test
    void with_no_keys_yet_and_the_provider_down_nothing_verifies_and_it_is_not_hammered() {
        provider.publishNew();
        provider.down = true;

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(keys.forKey("any").blockOptional()).isEmpty();
        }
        assertThat(provider.fetches).hasValue(1);

        clock.pass(RETRY_INTERVAL);
        provider.down = false;
        assertThat(keys.forKey("any").blockOptional()).isPresent();
    }

    @Test
    void concurrent_verifications_share_one_fetch() {
        RSAKey known = provider.publishNew();
        Sinks.One<JWKSet> slowAnswer = Sinks.one();
        provider.next = slowAnswer.asMono();

        Mono<JWKSet> first = keys.forKey(known.getKeyID());
        Mono<JWKSet> second = keys.forKey(known.getKeyID());
        slowAnswer.tryEmitValue(provider.published);

        assertThat(first.block().getKeyByKeyId(known.getKeyID())).isNotNull();
        assertThat(second.block().getKeyByKeyId(known.getKeyID())).isNotNull();
        assertThat(provider.fetches).hasValue(1);
    }

    private List<String> keyIds(String tokenKeyId) {
        Optional<JWKSet> found = keys.forKey(tokenKeyId).blockOptional();
        return found.map(set -> set.getKeys().stream().map(JWK::getKeyID).toList())
                .orElse(List.of());
    }

    /** A key set endpoint that counts its requests, can be down, and can answer late. */
    private static final class Provider {
        final AtomicInteger fetches = new AtomicInteger();
        volatile JWKSet published = new JWKSet();
        volatile boolean down;
        volatile Mono<JWKSet> next;

        Mono<JWKSet> fetch() {
            fetches.incrementAndGet();
            if (down) {
                // As Micronaut's JWKS client answers a refused connection: empty, the error logged.
                return Mono.empty();
            }
            Mono<JWKSet> answer = next == null ? Mono.just(published) : next;
            next = null;
            return answer;
        }

        RSAKey publishNew() {
            try {
                RSAKey key = new RSAKeyGenerator(2048)
                        .keyID("key-" + fetches.get() + "-" + published.size())
                        .generate()
                        .toPublicJWK();
                List<JWK> all = new ArrayList<>(published.getKeys());
                all.add(key);
                published = new JWKSet(all);
                return key;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
