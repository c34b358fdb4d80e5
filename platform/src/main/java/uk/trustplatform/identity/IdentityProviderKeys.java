package uk.trustplatform.identity;

import com.nimbusds.jose.jwk.JWKSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The identity provider's signing keys as last fetched, and when to fetch them again: once they
 * are older than the expiry, at once when a token names a key they lack (the provider rotated its
 * keys; at most once per unknown-key interval, so made-up key ids cannot flood the provider), and
 * while the provider cannot be reached, at most once per retry interval. Until a fetch succeeds the
 * last good set is used, so tokens signed with a key the provider published keep working while it
 * is down. Concurrent verifications share one fetch. Fetches are counted by outcome in the metric
 * {@value #FETCHES}.
 */
final class IdentityProviderKeys {

    /** How long one fetch may take before the last good set is used instead. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    static final String FETCHES = "trust.oidc.key.set.fetches";
    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderKeys.class);

    /** Keys and when they arrived. */
    private record Held(JWKSet keys, Instant fetchedAt) {}

    /**
     * What is known of the provider, for the health endpoint.
     *
     * @param fetchedAt when the keys in use arrived; null when none have yet
     * @param lastAttempt when the provider was last asked; null when never
     * @param lastAttemptFailed whether that last request failed
     */
    record State(
            String source,
            @Nullable Instant fetchedAt,
            @Nullable Instant lastAttempt,
            boolean lastAttemptFailed) {}

    private final Supplier<Mono<JWKSet>> fetch;
    private final String source;
    private final Clock clock;
    private final Duration expiry;
    private final Duration unknownKeyInterval;
    private final Duration retryInterval;
    private final Counter successes;
    private final Counter failures;
    private volatile @Nullable Held held;
    private Instant lastAttempt = Instant.MIN;
    private Instant lastUnknownKeyFetch = Instant.MIN;
    private boolean lastAttemptFailed;
    private @Nullable CompletableFuture<Optional<JWKSet>> pending;

    /**
     * @param fetch a new request for the key set each time it is called; empty or an error when it failed
     * @param source where the keys come from, for the log
     */
    IdentityProviderKeys(
            Supplier<Mono<JWKSet>> fetch,
            String source,
            Clock clock,
            Duration expiry,
            Duration unknownKeyInterval,
            Duration retryInterval,
            MeterRegistry metrics) {
        this.fetch = fetch;
        this.source = source;
        this.clock = clock;
        this.expiry = expiry;
        this.unknownKeyInterval = unknownKeyInterval;
        this.retryInterval = retryInterval;
        this.successes = metrics.counter(FETCHES, "outcome", "fetched");
        this.failures = metrics.counter(FETCHES, "outcome", "failed");
    }

    /** The keys to check a token that names {@code keyId} (null when it names none) against; empty when none are known. */
    Mono<JWKSet> forKey(@Nullable String keyId) {
        Held current = held;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.fetchedAt().plus(expiry))) {
            return Mono.fromFuture(fetchUnlessRecentlyFailed(now)).flatMap(this::orLastGood);
        }
        if (holds(current.keys(), keyId) || !mayFetchForUnknownKey(now)) {
            return Mono.just(current.keys());
        }
        return Mono.fromFuture(fetchOrJoin(now)).flatMap(this::orLastGood);
    }

    private Mono<JWKSet> orLastGood(Optional<JWKSet> fetched) {
        Held lastGood = held;
        return Mono.justOrEmpty(fetched.or(() -> Optional.ofNullable(lastGood).map(Held::keys)));
    }

    private synchronized boolean mayFetchForUnknownKey(Instant now) {
        if (now.isBefore(lastUnknownKeyFetch.plus(unknownKeyInterval))) {
            return false;
        }
        lastUnknownKeyFetch = now;
        return true;
    }

    private synchronized CompletableFuture<Optional<JWKSet>> fetchUnlessRecentlyFailed(Instant now) {
        boolean backingOff = lastAttemptFailed && now.isBefore(lastAttempt.plus(retryInterval));
        if (backingOff && (pending == null || pending.isDone())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return fetchOrJoin(now);
    }

    private synchronized CompletableFuture<Optional<JWKSet>> fetchOrJoin(Instant now) {
        if (pending != null && !pending.isDone()) {
            return pending;
        }
        lastAttempt = now;
        pending = Mono.defer(fetch)
                .timeout(FETCH_TIMEOUT)
                .map(keys -> {
                    held = new Held(keys, clock.instant());
                    attempted(true);
                    successes.increment();
                    return Optional.of(keys);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> fetchFailed(null)))
                .onErrorResume(failure -> Mono.just(fetchFailed(failure)))
                .toFuture();
        return pending;
    }

    private Optional<JWKSet> fetchFailed(@Nullable Throwable failure) {
        attempted(false);
        failures.increment();
        LOG.warn(
                "The identity provider's key set could not be fetched from {} ({}); {}; trying again within {}",
                source,
                failure == null ? "no answer" : failure.toString(),
                held == null ? "no keys are known yet" : "the keys fetched at " + held.fetchedAt() + " are used",
                retryInterval);
        return Optional.empty();
    }

    private synchronized void attempted(boolean succeeded) {
        lastAttemptFailed = !succeeded;
    }

    synchronized State state() {
        Held current = held;
        return new State(
                source,
                current == null ? null : current.fetchedAt(),
                lastAttempt.equals(Instant.MIN) ? null : lastAttempt,
                lastAttemptFailed);
    }

    private static boolean holds(JWKSet keys, @Nullable String keyId) {
        return keyId == null || keys.getKeyByKeyId(keyId) != null;
    }
}
