package uk.trustplatform.actionplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.trustplatform.actionplans.PlanAction.ActionStatus;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.configuration.ActionPlanTemplateContent;
import uk.trustplatform.configuration.ActionPlanTemplateContent.Column;
import uk.trustplatform.configuration.ActionPlanTemplateContent.ColumnType;
import uk.trustplatform.configuration.ActionPlanTemplateContent.Section;
import uk.trustplatform.configuration.ActionPlanTemplateContent.TemplateOutcome;

/** An action's fields against its plan's template, without a database: what is refused, and how it is said. */
class ActionInputTest {

    private static final ActionPlanTemplateContent TEMPLATE = new ActionPlanTemplateContent(
            "Participation action plan",
            2026,
            2027,
            "hear-by-right",
            List.of(new Column("budget", "Budget", ColumnType.TEXT), new Column("lead", "Lead", ColumnType.LEAD)),
            List.of(new Section("1", "Shared values", "S1", List.of(new TemplateOutcome("1.1", "Young people lead")))));

    private static Map<String, Object> placed(String description) {
        Map<String, Object> input = new HashMap<>();
        input.put("sectionNumber", " 1 ");
        input.put("outcomeNumber", "1.1");
        input.put("description", description);
        return input;
    }

    private static List<UserError> problems(Map<String, Object> input) {
        return ActionInput.from(InputFields.of(input)).problems(TEMPLATE, false);
    }

    @Test
    void a_placed_described_action_has_no_problem_and_is_read_trimmed_with_its_defaults() {
        Map<String, Object> input = placed("  Run a youth panel  ");
        input.put("dueDate", LocalDate.of(2026, 9, 1));
        input.put("columnValues", List.of(Map.of("key", "budget", "value", " £200 ")));

        ActionInput action = ActionInput.from(InputFields.of(input));

        assertThat(action.problems(TEMPLATE, false)).isEmpty();
        assertThat(action.description()).isEqualTo("Run a youth panel");
        assertThat(action.sectionNumber()).isEqualTo("1");
        assertThat(action.dueDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(action.status()).isEqualTo(ActionStatus.NOT_STARTED);
        assertThat(action.rag()).isNull();
        assertThat(action.columnValues()).containsExactlyEntriesOf(Map.of("budget", "£200"));
    }

    @Test
    void a_column_sent_blank_has_no_value() {
        Map<String, Object> input = placed("Run a youth panel");
        input.put("columnValues", List.of(Map.of("key", "budget", "value", "  ")));

        ActionInput action = ActionInput.from(InputFields.of(input));

        assertThat(action.problems(TEMPLATE, false)).isEmpty();
        assertThat(action.columnValues()).isEmpty();
    }

    @Test
    void a_blank_description_is_required() {
        assertThat(problems(placed("   ")))
                .containsExactly(UserError.of(Code.REQUIRED, "Say what the action is.", "input", "description"));
    }

    @Test
    void each_text_longer_than_its_limit_is_too_long_and_named() {
        Map<String, Object> input = placed("x".repeat(4001));
        input.put("lead", "y".repeat(201));
        input.put("timescale", "z".repeat(200));

        assertThat(problems(input))
                .containsExactly(
                        UserError.of(
                                Code.TOO_LONG,
                                "The description is longer than 4000 characters.",
                                "input",
                                "description"),
                        UserError.of(Code.TOO_LONG, "The lead is longer than 200 characters.", "input", "lead"));
    }

    @Test
    void an_outcome_the_template_does_not_have_is_not_found_unless_an_unplaced_action_may_stay_so() {
        Map<String, Object> input = placed("Run a youth panel");
        input.put("outcomeNumber", "9.9");
        assertThat(problems(input))
                .containsExactly(UserError.of(
                        Code.NOT_FOUND,
                        "The plan's template has no outcome 9.9 in section 1.",
                        "input",
                        "outcomeNumber"));

        ActionInput unplaced = ActionInput.from(InputFields.of(Map.of("description", "Run a youth panel")));
        assertThat(unplaced.problems(TEMPLATE, true)).isEmpty();
        assertThat(unplaced.problems(TEMPLATE, false))
                .extracting(UserError::code)
                .containsExactly(Code.NOT_FOUND);
    }

    @Test
    void only_the_templates_text_columns_take_values_and_each_is_held_to_the_text_limit() {
        Map<String, Object> input = placed("Run a youth panel");
        input.put(
                "columnValues",
                List.of(Map.of("key", "lead", "value", "Sam"), Map.of("key", "budget", "value", "£".repeat(4001))));

        assertThat(problems(input))
                .containsExactly(
                        UserError.of(
                                Code.NOT_FOUND,
                                "The template has no text column 'lead'; its text columns are budget.",
                                "input",
                                "columnValues"),
                        UserError.of(
                                Code.TOO_LONG,
                                "The columnValues is longer than 4000 characters.",
                                "input",
                                "columnValues"));
    }
}
