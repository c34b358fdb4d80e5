package uk.trustplatform.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.LondonClock;

/** Dates as GOV.UK writes them: "1 December 2026". */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
    private static final ZoneId LONDON = LondonClock.ZONE;

    private Dates() {}

    public static String day(@Nullable LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** An instant the API sent as ISO text, in London: "1 December 2026 at 10:42am". */
    public static String dateTime(@Nullable String isoInstant) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "";
        }
        ZonedDateTime local = OffsetDateTime.parse(isoInstant).atZoneSameInstant(LONDON);
        return day(local.toLocalDate()) + " at " + local.format(TIME).toLowerCase(Locale.UK);
    }

    /** A date the API sent as ISO text (2026-12-01), or nothing. */
    public static String day(@Nullable String isoDate) {
        return isoDate == null || isoDate.isBlank() ? "" : day(LocalDate.parse(isoDate.substring(0, 10)));
    }
}
