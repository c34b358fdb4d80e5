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
 * The test run's calendar. The platforms the tests start read "today" from a London clock set to
 * noon of the day the run began and moving on from there, so that one date holds for the whole run
 * (a run started at 23:55 no longer finds a date it entered as "tomorrow" accepted as today), and
 * the tests take their dates from here rather than from the machine's own day.
 */
public final class TestCalendar {

    private static final Clock CLOCK = pinnedToNoon(Clock.system(LondonClock.ZONE));

    private TestCalendar() {}

    /** The run's date, as the platforms under test see it. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    private static Clock pinnedToNoon(Clock real) {
        LocalDate day = LocalDate.now(real);
        return Clock.offset(
                real,
                Duration.between(real.instant(), day.atTime(LocalTime.NOON).atZone(real.getZone())));
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
