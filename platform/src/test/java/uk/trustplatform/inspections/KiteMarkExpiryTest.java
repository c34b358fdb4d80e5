package uk.trustplatform.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a kite mark expires, on fixed dates: no database, no today. */
class KiteMarkExpiryTest {

    @Test
    void a_kite_mark_expires_on_the_same_day_of_the_month_or_the_last_day_of_a_shorter_month() {
        assertThat(Inspection.kiteMarkExpiry(LocalDate.of(2025, 3, 10), 12)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(Inspection.kiteMarkExpiry(LocalDate.of(2024, 8, 31), 6)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Inspection.kiteMarkExpiry(LocalDate.of(2023, 8, 31), 6))
                .as("2024 is a leap year")
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void a_kite_mark_holds_until_the_day_before_it_expires_and_one_never_awarded_neither_holds_nor_expires() {
        Inspection awarded = reported(true);
        Inspection withheld = reported(false);

        assertThat(awarded.kiteMarkExpiresOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(awarded.kiteMarkExpiredOn(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(awarded.kiteMarkExpiredOn(LocalDate.of(2026, 3, 10))).isTrue();
        assertThat(withheld.kiteMarkExpiresOn()).isNull();
        assertThat(withheld.kiteMarkExpiredOn(LocalDate.of(2030, 1, 1))).isNull();
    }

    private static Inspection reported(boolean kiteMark) {
        Inspection draft = new Inspection(
                null,
                null,
                null,
                null,
                LocalDate.of(2025, 3, 1),
                Inspection.Status.DRAFT,
                "[]",
                "[]",
                "Found.",
                "[]",
                null,
                null,
                null,
                null,
                0);
        return draft.reported(kiteMark, LocalDate.of(2025, 3, 10), 12);
    }
}
