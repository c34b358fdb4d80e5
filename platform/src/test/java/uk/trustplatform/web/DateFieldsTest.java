package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A date input's three fields go to the API as typed; its refusal comes back in the Design System's words. */
class DateFieldsTest {

    private static Form typed(String day, String month, String year) {
        return Form.of(Map.of("dueDate-day", day, "dueDate-month", month, "dueDate-year", year));
    }

    @Test
    void what_was_typed_is_sent_as_it_stands_so_the_api_alone_decides_what_a_real_day_is() {
        assertThat(DateFields.iso(typed("31", "2", "2027"), "dueDate")).isEqualTo("2027-02-31");
        assertThat(DateFields.iso(typed(" 1 ", "12", "2026"), "dueDate")).isEqualTo("2026-12-01");
        assertThat(DateFields.iso(typed("1", "Dec", "26"), "dueDate")).isEqualTo("0026-Dec-01");
        assertThat(DateFields.iso(typed("", "", ""), "dueDate")).isNull();
    }

    @Test
    void a_saved_date_fills_the_three_fields() {
        assertThat(DateFields.of("dueDate", "2027-08-31"))
                .containsEntry("dueDate-day", "31")
                .containsEntry("dueDate-month", "8")
                .containsEntry("dueDate-year", "2027");
        assertThat(DateFields.of("dueDate", null)).containsEntry("dueDate-day", "");
    }

    @Test
    void the_apis_refusal_of_a_date_argument_is_worded_by_what_was_typed_and_other_refusals_stay_as_they_are() {
        Map<String, String> refused = Map.of(
                "dueDate", "Argument 'input.dueDate' of field 'saveAction' must be a real date",
                "description", "Say what the action is.");
        Map<String, String> what = Map.of("dueDate", "the due date");

        assertThat(DateFields.worded(refused, typed("31", "2", "2027"), what))
                .containsEntry("dueDate", "The due date must be a real date")
                .containsEntry("description", "Say what the action is.");
        assertThat(DateFields.worded(refused, typed("", "", ""), what)).containsEntry("dueDate", "Enter the due date");
        assertThat(DateFields.worded(
                        Map.of("dueDate", "Progress is recorded for today or earlier."), typed("1", "1", "2099"), what))
                .containsEntry("dueDate", "Progress is recorded for today or earlier.");
    }
}
