package uk.trustplatform.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Primary and complementary suppression, with no database: the rules alone. */
class DisclosureControlTest {

    private static final int K = 5;

    @Test
    void a_figure_of_k_minus_one_records_is_suppressed_and_one_of_k_is_shown() {
        IndicatorValue four = coverage("category:pvi-community", 4, 1);
        IndicatorValue five = coverage("category:pvi-community", 5, 1);

        assertThat(DisclosureControl.suppressed(List.of(four), K)).containsExactly(four.key());
        assertThat(DisclosureControl.suppressed(List.of(five), K)).isEmpty();
    }

    @Test
    void one_suppressed_breakdown_beside_a_shown_total_takes_the_smallest_other_breakdown_with_it() {
        IndicatorValue statutory = coverage("category:statutory-lscb-member", 6, 3);
        IndicatorValue voluntary = coverage("category:pvi-community", 4, 1);
        IndicatorValue uncategorised = coverage("category:none", 7, 5);
        IndicatorValue all = coverage("ALL", 17, 9);

        Set<String> hidden = DisclosureControl.suppressed(List.of(statutory, voluntary, uncategorised, all), K);

        assertThat(hidden).containsExactlyInAnyOrder(voluntary.key(), statutory.key());
    }

    @Test
    void with_no_other_breakdown_to_hide_the_total_is_hidden_instead() {
        IndicatorValue small = rag("hear-by-right/1/GREEN", 4, 2);
        IndicatorValue total = rag("hear-by-right/ALL/GREEN", 9, 5);

        assertThat(DisclosureControl.suppressed(List.of(small, total), K))
                .containsExactlyInAnyOrder(small.key(), total.key());
    }

    @Test
    void two_suppressed_breakdowns_cannot_be_told_apart_so_nothing_more_is_hidden() {
        IndicatorValue first = rag("hear-by-right/1/RED", 3, 1);
        IndicatorValue second = rag("hear-by-right/2/RED", 4, 0);
        IndicatorValue third = rag("hear-by-right/3/RED", 8, 2);
        IndicatorValue total = rag("hear-by-right/ALL/RED", 15, 3);

        assertThat(DisclosureControl.suppressed(List.of(first, second, third, total), K))
                .containsExactlyInAnyOrder(first.key(), second.key());
    }

    @Test
    void groups_of_different_ratings_and_periods_are_kept_apart() {
        IndicatorValue greenSmall = rag("hear-by-right/1/GREEN", 4, 2);
        IndicatorValue greenBig = rag("hear-by-right/2/GREEN", 6, 3);
        IndicatorValue greenTotal = rag("hear-by-right/ALL/GREEN", 10, 5);
        IndicatorValue amberOther =
                new IndicatorValue(Indicator.RAG_BY_STANDARD, "2030-2031", "hear-by-right/2/AMBER", 6, BigDecimal.ONE);

        assertThat(DisclosureControl.suppressed(List.of(greenSmall, greenBig, greenTotal, amberOther), K))
                .containsExactlyInAnyOrder(greenSmall.key(), greenBig.key());
    }

    private static IndicatorValue coverage(String breakdown, int records, int pledged) {
        return new IndicatorValue(
                Indicator.PLEDGE_COVERAGE, IndicatorValue.CURRENT, breakdown, records, BigDecimal.valueOf(pledged));
    }

    private static IndicatorValue rag(String breakdown, int records, int count) {
        return new IndicatorValue(
                Indicator.RAG_BY_STANDARD, "2026-2027", breakdown, records, BigDecimal.valueOf(count));
    }
}
