package uk.trustplatform.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The platform's one clock. A partnership's calendar is England's, so "today" (a due date, a
 * renewal, the year an audit belongs to) is the date in London whatever zone the JVM runs in; every
 * use case and page reads it here. Sign-in and key-set timing keep a UTC clock of their own: they
 * compare with instants Keycloak wrote.
 */
@Singleton
public class LondonClock {

    /** England's zone, for a date or time shown to people. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final Clock clock;

    @Inject
    public LondonClock() {
        this(Clock.systemUTC());
    }

    /** A clock a test sets, read in England's zone whatever zone it was given in. */
    public LondonClock(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    /** Today's date in England. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** This year in England. */
    public int year() {
        return today().getYear();
    }

    /** Now, as an instant, for a time another system (Keycloak) keeps beside its own. */
    public Instant instant() {
        return clock.instant();
    }

    /** Now, with England's offset, for a time a record keeps. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
