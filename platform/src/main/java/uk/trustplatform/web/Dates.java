package uk.trustplatform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK writes them: "1 December 2026". */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {}

    public static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** A date the API sent as ISO text (2026-12-01), or nothing. */
    public static String day(String isoDate) {
        return isoDate == null || isoDate.isBlank() ? "" : day(LocalDate.parse(isoDate.substring(0, 10)));
    }
}
