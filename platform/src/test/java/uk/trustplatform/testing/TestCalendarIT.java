package uk.trustplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.LondonClock;

@MicronautTest(transactional = false)
class TestCalendarIT {

    @Inject
    LondonClock clock;

    @Test
    void the_platform_under_test_reads_the_runs_pinned_date_not_the_machines_day() {
        assertThat(clock).isInstanceOf(TestCalendar.PinnedLondonClock.class);
        assertThat(clock.today()).isEqualTo(TestCalendar.today());
        assertThat(clock.now().toLocalTime())
                .as("a time of the run's first day well before its midnight, moving on as real time does")
                .isBefore(LocalTime.of(23, 0));
    }
}
