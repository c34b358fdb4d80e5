package uk.trustplatform.testing;

import java.time.LocalDate;
import uk.trustplatform.api.LondonClock;

/**
 * The tests' calendar: the date in England, as the platforms under test read it, whatever zone the
 * machine runs in. Not pinned for the run: the database stamps its own times (audit entries,
 * refresh marks) by the real clock, and a platform on a pinned date disagreed with them on every
 * test after midnight. A single test that spans midnight can still see two dates.
 */
public final class TestCalendar {

    private TestCalendar() {}

    /** Today in England. */
    public static LocalDate today() {
        return LocalDate.now(LondonClock.ZONE);
    }
}
