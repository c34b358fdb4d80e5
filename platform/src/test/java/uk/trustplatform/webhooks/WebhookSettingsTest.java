package uk.trustplatform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The delivery settings as the platform reads them, and the ones it refuses to start with. */
class WebhookSettingsTest {

    @Test
    void the_configured_retry_schedule_ends_more_than_a_day_after_the_first_attempt_even_jittered_short() {
        Environment configuration = new DefaultEnvironment(List::of);
        configuration.start();
        try {
            List<Duration> delays = WebhookSettings.delays(
                    configuration.getRequiredProperty("trust.webhooks.retry-delays", String.class),
                    ConversionService.SHARED);
            Duration schedule = delays.stream().reduce(Duration.ZERO, Duration::plus);

            assertThat(schedule.multipliedBy(9).dividedBy(10)).isGreaterThan(Duration.ofDays(1));
        } finally {
            configuration.stop();
        }
    }

    @Test
    void each_wait_is_within_a_tenth_of_the_configured_one_and_they_differ() {
        WebhookSettings settings = settings(Duration.ofSeconds(10), Duration.ofMinutes(1));
        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            waits.add(settings.delayAfter(2));
        }

        assertThat(waits)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(108), Duration.ofSeconds(132)));
        assertThat(waits).as("spread out, not in lockstep").hasSizeGreaterThan(10);
    }

    @Test
    void a_lease_shorter_than_twice_the_timeout_stops_the_platform_naming_both_settings() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(10), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRUST_WEBHOOKS_LEASE")
                .hasMessageContaining("TRUST_WEBHOOKS_TIMEOUT");
        assertThat(settings(Duration.ofSeconds(10), Duration.ofSeconds(20)).lease())
                .hasSeconds(20);
    }

    private static WebhookSettings settings(Duration timeout, Duration lease) {
        return new WebhookSettings(
                true, List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)), 20, 50, timeout, lease, false);
    }
}
