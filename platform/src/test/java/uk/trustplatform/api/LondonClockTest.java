package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A partnership's day is England's: the date turns at midnight in London, not in UTC or the JVM's zone. */
class LondonClockTest {

    @Test
    void half_an_hour_before_midnight_utc_in_summer_is_already_tomorrow_in_england() {
        LondonClock clock = new LondonClock(Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC));

        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(clock.now().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-30T23:30:00Z"));
    }

    @Test
    void in_winter_england_keeps_utc_so_new_year_turns_at_midnight_utc() {
        LondonClock beforeMidnight =
                new LondonClock(Clock.fixed(Instant.parse("2026-12-31T23:59:00Z"), ZoneOffset.ofHours(10)));
        LondonClock afterMidnight = new LondonClock(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(beforeMidnight.year()).isEqualTo(2026);
        assertThat(beforeMidnight.today()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(afterMidnight.year()).isEqualTo(2027);
    }
}
