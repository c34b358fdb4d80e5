package uk.trustplatform.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import uk.trustplatform.api.LondonClock;

/**
 * The test run's calendar. The platforms the tests start read "today" from a London clock that
 * keeps one date for the whole run: the real time, except that a run begun after 20:00 is set back
 * to 20:00 (a run started at 23:55 no longer finds a date it entered as "tomorrow" accepted as
 * today). Set back only then, and only by hours, since the database stamps its own times
 * (audit entries, refresh marks) by the real clock. The tests take their dates from here rather
 * than from the machine's own day.
 */
public final class TestCalendar {

    /** The latest time of day a run's clock starts at: well over a run's length before midnight. */
    private static final LocalTime LATEST_START = LocalTime.of(20, 0);

    private static final Clock CLOCK = setBackIfLate(Clock.system(LondonClock.ZONE));

    private TestCalendar() {}

    /** The run's date, as the platforms under test see it. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    private static Clock setBackIfLate(Clock real) {
        LocalDate day = LocalDate.now(real);
        if (LocalTime.now(real).isBefore(LATEST_START)) {
            return real;
        }
        return Clock.offset(
                real, Duration.between(real.instant(), day.atTime(LATEST_START).atZone(real.getZone())));
    }

    /** The platform's clock in every test environment: the run's calendar. */
    @Singleton
    @Replaces(LondonClock.class)
    @Requires(env = Environment.TEST)
    static final class PinnedLondonClock extends LondonClock {

        PinnedLondonClock() {
            super(CLOCK);
        }
    }
}
