package uk.trustplatform.configuration;

import java.time.LocalDate;

/**
 * A time of year the partnership keeps clear of consultation, such as "GCSE and A level exams":
 * Medway asks that "the timing of consultation enables young people to continue to focus on their
 * education at key points in the year".
 *
 * @param firstDay the first day of the period
 * @param lastDay the last day, the first day or later
 */
public record QuietPeriod(String name, LocalDate firstDay, LocalDate lastDay) {

    /** Whether any day from {@code from} to {@code to} falls in the period. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(lastDay) && !to.isBefore(firstDay);
    }
}
