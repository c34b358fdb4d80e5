package uk.trustplatform.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Median and quartiles as spreadsheets compute them (QUARTILE.INC), and none from fewer than three values. */
class QuartilesTest {

    @Test
    void four_values_interpolate_between_ranks() {
        Quartiles quartiles = Quartiles.of(List.of(0.75, 0.2, 0.5, 9.0 / 17));

        assertThat(quartiles.median()).isCloseTo((0.5 + 9.0 / 17) / 2, within(1e-12));
        assertThat(quartiles.lower()).isCloseTo(0.2 + 0.75 * (0.5 - 0.2), within(1e-12));
        assertThat(quartiles.upper()).isCloseTo(9.0 / 17 + 0.25 * (0.75 - 9.0 / 17), within(1e-12));
        assertThat(quartiles.authorities()).isEqualTo(4);
    }

    @Test
    void two_values_give_no_median_since_it_would_reveal_one_from_the_other() {
        Quartiles quartiles = Quartiles.of(List.of(0.2, 0.4));

        assertThat(quartiles.median()).isNull();
        assertThat(quartiles.authorities()).isEqualTo(2);
    }
}
