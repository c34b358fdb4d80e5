package uk.trustplatform.webhooks;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How webhooks are delivered, from configuration (README, "Configuration"): the waits between
 * attempts (so a test can run a day's schedule in seconds), when a failing endpoint is paused, and
 * whether plain-HTTP loopback receivers are allowed (the devstack and tests only). Checked when the
 * platform starts, so a lease too short for one attempt stops it there rather than posting twice.
 *
 * @param retryDelays the wait before each retry: one attempt more than there are delays
 * @param pauseAfterFailures failed attempts in a row, across deliveries, that pause an endpoint
 * @param timeout the longest one attempt takes: resolving the name, connecting, posting, the answer
 * @param lease how long a sender holds the deliveries it claimed
 * @param allowInsecureLocal plain {@code http} and IP literals accepted for loopback receivers
 *     (never in production)
 */
record WebhookSettings(
        boolean enabled,
        List<Duration> retryDelays,
        int pauseAfterFailures,
        int batchSize,
        Duration timeout,
        Duration lease,
        boolean allowInsecureLocal) {

    /** How far each wait may be from the configured one, either way, so failed deliveries spread out. */
    static final double JITTER = 0.1;

    WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
        if (retryDelays.isEmpty() || pauseAfterFailures < 1 || batchSize < 1) {
            throw new IllegalStateException("trust.webhooks: retry-delays must name at least one wait, and"
                    + " pause-after-failures and batch-size must be at least 1");
        }
        // A sender's batch is posted at once, each attempt cut off at the timeout, then its results
        // are recorded: a lease of twice the timeout leaves a timeout's worth for the recording. A
        // shorter one would let a second sender claim and post what the first is still posting.
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalStateException("trust.webhooks.lease (TRUST_WEBHOOKS_LEASE, now " + lease
                    + ") must be at least twice trust.webhooks.timeout (TRUST_WEBHOOKS_TIMEOUT, now " + timeout
                    + "): a sender holds its deliveries for one attempt each and the recording of the results");
        }
    }

    /** Attempts a delivery gets before it is FAILED: the first and one per delay. */
    int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The wait after the {@code attempts}-th failed attempt, within {@link #JITTER} of the configured one. */
    Duration delayAfter(int attempts) {
        long millis = retryDelays.get(attempts - 1).toMillis();
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.round(millis * factor));
    }

    /** The waits as configured ({@code 30s,2m,…}). */
    static List<Duration> delays(String configured, ConversionService conversion) {
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .map(delay -> conversion.convertRequired(delay, Duration.class))
                .toList();
    }

    @Factory
    static final class FromConfiguration {

        // The retry schedule has no default here: application.yml's is the one (WebhookSettingsTest reads it).
        @Context
        WebhookSettings settings(
                @Value("${trust.webhooks.enabled:true}") boolean enabled,
                @Value("${trust.webhooks.retry-delays}") String retryDelays,
                @Value("${trust.webhooks.pause-after-failures:20}") int pauseAfterFailures,
                @Value("${trust.webhooks.batch-size:50}") int batchSize,
                @Value("${trust.webhooks.timeout:10s}") Duration timeout,
                @Value("${trust.webhooks.lease:1m}") Duration lease,
                @Value("${trust.webhooks.allow-insecure-local:false}") boolean allowInsecureLocal,
                ConversionService conversion) {
            return new WebhookSettings(
                    enabled,
                    delays(retryDelays, conversion),
                    pauseAfterFailures,
                    batchSize,
                    timeout,
                    lease,
                    allowInsecureLocal);
        }
    }
}
