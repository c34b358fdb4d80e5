package uk.trustplatform.benchmarking;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The median and quartiles of a forum's values, by linear interpolation between ranks (the method
 * spreadsheets use for QUARTILE.INC). Fewer than {@link #MINIMUM_AUTHORITIES} values give none: a
 * median of two would be their mean, and so a way to work one out from the other.
 */
record Quartiles(
        @Nullable Double lower,
        @Nullable Double median,
        @Nullable Double upper,
        int authorities) {

    static final int MINIMUM_AUTHORITIES = 3;

    static Quartiles of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.size() < MINIMUM_AUTHORITIES) {
            return new Quartiles(null, null, null, sorted.size());
        }
        return new Quartiles(at(sorted, 0.25), at(sorted, 0.5), at(sorted, 0.75), sorted.size());
    }

    private static double at(List<Double> sorted, double fraction) {
        double rank = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }
}
