package uk.trustplatform.webhooks;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ConversionService;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How webhooks are delivered, from configuration (README, "Configuration"): the waits between
 * attempts (so a test can run a day's schedule in seconds), when a failing endpoint is paused, and
 * whether plain-HTTP loopback receivers are allowed (the devstack and tests only).
 *
 * @param retryDelays the wait before each retry: one attempt more than there are delays
 * @param pauseAfterFailures failed attempts in a row, across deliveries, that pause an endpoint
 * @param allowInsecureLocal plain {@code http} and loopback addresses accepted (never in production)
 */
record WebhookSettings(
        boolean enabled,
        List<Duration> retryDelays,
        int pauseAfterFailures,
        int batchSize,
        Duration timeout,
        Duration lease,
        boolean allowInsecureLocal) {

    WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** Attempts a delivery gets before it is FAILED: the first and one per delay. */
    int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration delayAfter(int attempts) {
        return retryDelays.get(attempts - 1);
    }

    @Factory
    static final class FromConfiguration {

        @Singleton
        WebhookSettings settings(
                @Value("${trust.webhooks.enabled:true}") boolean enabled,
                @Value("${trust.webhooks.retry-delays:30s,2m,10m,30m,1h,2h,4h,8h,8h}") String retryDelays,
                @Value("${trust.webhooks.pause-after-failures:20}") int pauseAfterFailures,
                @Value("${trust.webhooks.batch-size:50}") int batchSize,
                @Value("${trust.webhooks.timeout:10s}") Duration timeout,
                @Value("${trust.webhooks.lease:1m}") Duration lease,
                @Value("${trust.webhooks.allow-insecure-local:false}") boolean allowInsecureLocal,
                ConversionService conversion) {
            List<Duration> delays = Arrays.stream(retryDelays.split(","))
                    .map(String::strip)
                    .map(delay -> conversion.convertRequired(delay, Duration.class))
                    .toList();
            return new WebhookSettings(
                    enabled, delays, pauseAfterFailures, batchSize, timeout, lease, allowInsecureLocal);
        }
    }
}
