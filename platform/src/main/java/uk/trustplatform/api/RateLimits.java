package uk.trustplatform.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Fair use: a token bucket for every caller (a person, or a partner system's client), every
 * tenant (all its callers together) and every address that sends requests without signing in.
 * The tenant's limit is the larger, so that one tenant cannot starve the others; the caller's is
 * a fraction of it, so that one partner system's loop cannot starve its tenant's people.
 *
 * <p>The buckets are in memory: each pod counts what it serves, so behind a load balancer that
 * spreads requests over n pods a caller gets up to n times the limit. Memory stays small because
 * a bucket that has refilled is no different from none and is forgotten every minute; what is
 * left is bounded by the callers a pod can serve within one refill.
 */
@Singleton
final class RateLimits {

    /** Which limit refused a request, as {@code extensions.limit} names it. */
    enum Kind {
        CALLER("You have sent more requests than one caller may: %d a minute."),
        TENANT("Your partnership, all its people and systems together, has sent more requests than one"
                + " partnership may: %d a minute."),
        ADDRESS("More requests have come from your address without signing in than one address may send:"
                + " %d a minute.");

        private final String sentence;

        Kind(String sentence) {
            this.sentence = sentence;
        }
    }

    /** A request refused, and when the limit that refused it will take the next one. */
    record Refusal(Kind kind, int perMinute, long retryAfterSeconds) {

        String message() {
            return kind.sentence.formatted(perMinute) + " Try again in " + retryAfterSeconds
                    + (retryAfterSeconds == 1 ? " second." : " seconds.");
        }

        Map<String, Object> details() {
            return Map.of("limit", kind.name().toLowerCase(Locale.ROOT), "retryAfterSeconds", retryAfterSeconds);
        }
    }

    private final Limit callers;
    private final Limit tenants;
    private final Limit addresses;

    RateLimits(
            @Value("${trust.rate-limits.caller.per-minute:600}") int callerPerMinute,
            @Value("${trust.rate-limits.caller.burst:120}") int callerBurst,
            @Value("${trust.rate-limits.tenant.per-minute:3000}") int tenantPerMinute,
            @Value("${trust.rate-limits.tenant.burst:600}") int tenantBurst,
            @Value("${trust.rate-limits.address.per-minute:300}") int addressPerMinute,
            @Value("${trust.rate-limits.address.burst:120}") int addressBurst) {
        this.callers = new Limit(Kind.CALLER, callerPerMinute, callerBurst);
        this.tenants = new Limit(Kind.TENANT, tenantPerMinute, tenantBurst);
        this.addresses = new Limit(Kind.ADDRESS, addressPerMinute, addressBurst);
    }

    /**
     * Counts a request of a validated caller against its own limit and its tenant's; refused by
     * either, it is counted against neither.
     */
    Optional<Refusal> admit(RateKey key) {
        long now = System.nanoTime();
        Optional<Refusal> refused = callers.take(key.caller(), now);
        if (refused.isPresent() || key.tenant() == null) {
            return refused;
        }
        refused = tenants.take(key.tenant(), now);
        refused.ifPresent(tenantRefused -> callers.giveBack(key.caller(), now));
        return refused;
    }

    /** Counts a request with no validated caller against its address's limit. */
    Optional<Refusal> admitAnonymous(@Nullable String address) {
        return addresses.take(address == null ? "unknown" : address, System.nanoTime());
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void forgetRefilled() {
        long now = System.nanoTime();
        callers.forgetFull(now);
        tenants.forgetFull(now);
        addresses.forgetFull(now);
    }

    /** One limit, alike for every key. */
    private static final class Limit {

        private final Kind kind;
        private final int perMinute;
        private final int burst;
        private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

        Limit(Kind kind, int perMinute, int burst) {
            if (perMinute < 1 || burst < 1) {
                throw new IllegalArgumentException("The " + kind.name().toLowerCase(Locale.ROOT)
                        + " rate limit needs at least 1 request a minute and a burst of at least 1; it has "
                        + perMinute + " a minute, bursts of " + burst);
            }
            this.kind = kind;
            this.perMinute = perMinute;
            this.burst = burst;
        }

        Optional<Refusal> take(String key, long now) {
            long wait = buckets.computeIfAbsent(key, unseen -> new TokenBucket(burst, perMinute, now))
                    .take(now);
            if (wait == 0) {
                return Optional.empty();
            }
            return Optional.of(new Refusal(kind, perMinute, Math.ceilDiv(wait, TimeUnit.SECONDS.toNanos(1))));
        }

        void giveBack(String key, long now) {
            TokenBucket bucket = buckets.get(key);
            if (bucket != null) {
                bucket.giveBack(now);
            }
        }

        /**
         * A request that took its bucket just before it was forgotten here loses that one count:
         * only a bucket that had refilled is forgotten, so at most one request in a burst goes
         * uncounted.
         */
        void forgetFull(long now) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
    }
}
