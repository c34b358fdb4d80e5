package uk.trustplatform.benchmarking;

import java.math.BigDecimal;
import java.math.MathContext;
import org.jspecify.annotations.Nullable;

/**
 * One figure of one tenant: an indicator for a period ({@code current} where it has none) and a
 * breakdown, the number of records it is built from and the count (or sum) over them.
 *
 * <p>Breakdowns: {@code ALL}; {@code category:<code>} for pledge coverage by partner category (the
 * total is {@code ALL}); {@code <framework>/<standard>/<RAG>} for RAG by standard (the total is
 * {@code <framework>/ALL/<RAG>}); {@code <framework>/<standard or criterion>/<level>} for
 * self-assessment levels (no total: each item's levels add up to its own records, which are
 * suppressed or shown together). A breakdown's group is what its members add up to.
 */
record IndicatorValue(Indicator indicator, String period, String breakdown, int records, BigDecimal numerator) {

    static final String ALL = "ALL";
    static final String CURRENT = "current";

    /** The value shown: numerator over records, or null when there are no records. */
    @Nullable
    Double value() {
        return records == 0
                ? null
                : numerator
                        .divide(BigDecimal.valueOf(records), MathContext.DECIMAL64)
                        .doubleValue();
    }

    /** True for a total: what the other breakdowns of its group add up to. */
    boolean total() {
        return breakdown.equals(ALL) || breakdown.contains("/" + ALL + "/");
    }

    /** The breakdowns that add up to one total, or empty for a figure on its own. */
    String group() {
        if (breakdown.startsWith("category:")) {
            return "category";
        }
        String[] parts = breakdown.split("/");
        return parts.length == 3 ? parts[0] + "/" + parts[2] : "";
    }

    /** The total of this value's group. */
    String totalOfGroup() {
        String[] parts = breakdown.split("/");
        return parts.length == 3 ? parts[0] + "/" + ALL + "/" + parts[2] : ALL;
    }

    /** Identifies the figure within one tenant's snapshot. */
    String key() {
        return indicator + "|" + period + "|" + breakdown;
    }
}
