package uk.trustplatform.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The {@code Date} scalar's rule, for the web pages that put a date together from a form's day,
 * month and year: a page can tell a person their date is not a real one before sending it, by the
 * same rule the API would refuse it with.
 */
public final class DateRule {

    private DateRule() {}

    /** The day an ISO text (2026-12-01) names, if the API takes it as a {@code Date}. */
    public static Optional<LocalDate> read(String isoDate) {
        return isoDate == null ? Optional.empty() : DateScalar.read(isoDate);
    }
}
