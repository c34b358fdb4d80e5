package uk.trustplatform.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.trustplatform.participation.ParticipationCalendarTest.MARCH;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.trustplatform.participation.ParticipationActivity.Stage;

/** Where an activity of 1–11 March stands on a day, with feedback due by 20 March. */
class ActivityStagesTest {

    @ParameterizedTest
    @CsvSource({
        "-1, false, PLANNED",
        "0, false, UNDER_WAY",
        "10, false, UNDER_WAY",
        "11, false, AWAITING_FEEDBACK",
        "19, false, AWAITING_FEEDBACK",
        "20, false, FEEDBACK_OVERDUE",
        "20, true, FEEDBACK_GIVEN",
        "5, true, FEEDBACK_GIVEN"
    })
    void an_activity_moves_from_planned_to_its_feedback(int day, boolean fedBack, Stage expected) {
        ParticipationActivity activity =
                ParticipationCalendarTest.activity("survey", 0, 10, MARCH.plusDays(19), new String[] {"Young people"});
        if (fedBack) {
            activity = activity.withFeedback("Later, please", "Moved it", MARCH.plusDays(5), null);
        }

        assertThat(activity.stageOn(MARCH.plusDays(day))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"11", "400"})
    void without_a_due_date_feedback_is_awaited_never_overdue(int day) {
        ParticipationActivity activity =
                ParticipationCalendarTest.activity("survey", 0, 10, new String[] {"Young people"});

        assertThat(activity.stageOn(MARCH.plusDays(day))).isEqualTo(Stage.AWAITING_FEEDBACK);
    }
}
