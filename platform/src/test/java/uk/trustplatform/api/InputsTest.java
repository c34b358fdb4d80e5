package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Inputs.DayMessages;
import uk.trustplatform.api.UserError.Code;

/** The input rules every feature shares, each problem naming its field under input; no database. */
class InputsTest {

    private final List<UserError> problems = new ArrayList<>();

    private enum Plan {
        DRAFT,
        SUBMITTED,
        APPROVED
    }

    @Test
    void a_blank_text_is_no_text_and_a_stripped_one_keeps_its_emptiness() {
        assertThat(Inputs.trimmed("  Medway  ")).isEqualTo("Medway");
        assertThat(Inputs.trimmed("   ")).isNull();
        assertThat(Inputs.trimmed(null)).isNull();
        assertThat(Inputs.stripped("   ")).isEmpty();
        assertThat(Inputs.stripped(null)).isNull();
    }

    @Test
    void a_required_text_left_out_says_what_is_missing_and_a_long_one_is_too_long() {
        Inputs.required(problems, "reason", null, 10, "Say why.");
        Inputs.required(problems, "reason", "x".repeat(11), 10, "Say why.");
        Inputs.required(problems, "auditedBy", "x".repeat(11), 10, "Say who.", "The auditor's name");
        Inputs.required(problems, "reason", "x".repeat(10), 10, "Say why.");

        assertThat(problems)
                .containsExactly(
                        UserError.of(Code.REQUIRED, "Say why.", "input", "reason"),
                        UserError.of(Code.TOO_LONG, "The reason is longer than 10 characters.", "input", "reason"),
                        UserError.of(
                                Code.TOO_LONG,
                                "The auditor's name is longer than 10 characters.",
                                "input",
                                "auditedBy"));
    }

    @Test
    void an_optional_text_may_be_left_out_but_not_be_too_long() {
        Inputs.optional(problems, "comment", null, 5);
        Inputs.optional(problems, "comment", "123456", 5);

        assertThat(problems)
                .containsExactly(
                        UserError.of(Code.TOO_LONG, "The comment is longer than 5 characters.", "input", "comment"));
    }

    @Test
    void a_number_outside_its_range_and_a_text_not_in_its_format_are_refused_with_the_rule() {
        Inputs.within(problems, "minimumRecords", 4, 5, 1000, "From 5 to 1000.");
        Inputs.within(problems, "minimumRecords", 5, 5, 1000, "From 5 to 1000.");
        Pattern slug = Pattern.compile("[a-z][a-z0-9-]{1,62}");
        Inputs.matches(problems, "slug", "North West", slug, "Use lower-case letters, e.g. north-west.");
        Inputs.matches(problems, "slug", null, slug, "Use lower-case letters, e.g. north-west.");
        Inputs.matches(problems, "slug", "north-west", slug, "Use lower-case letters, e.g. north-west.");

        assertThat(problems)
                .containsExactly(
                        UserError.of(Code.NOT_ALLOWED, "From 5 to 1000.", "input", "minimumRecords"),
                        UserError.of(Code.INVALID_FORMAT, "Use lower-case letters, e.g. north-west.", "input", "slug"),
                        UserError.of(Code.INVALID_FORMAT, "Use lower-case letters, e.g. north-west.", "input", "slug"));
    }

    @Test
    void a_day_done_is_given_not_in_the_future_and_not_before_the_earliest() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        DayMessages messages = new DayMessages("Give the day.", "Today or earlier.", "Not before it was made");
        Inputs.dayDone(problems, "repliedOn", null, today, null, messages);
        Inputs.dayDone(problems, "repliedOn", today.plusDays(1), today, null, messages);
        Inputs.dayDone(problems, "repliedOn", LocalDate.of(2026, 1, 1), today, LocalDate.of(2026, 2, 1), messages);
        Inputs.dayDone(problems, "repliedOn", today, today, LocalDate.of(2026, 2, 1), messages);

        assertThat(problems)
                .containsExactly(
                        UserError.of(Code.REQUIRED, "Give the day.", "input", "repliedOn"),
                        UserError.of(Code.NOT_ALLOWED, "Today or earlier.", "input", "repliedOn"),
                        UserError.of(Code.NOT_ALLOWED, "Not before it was made (2026-02-01).", "input", "repliedOn"));
    }

    @Test
    void a_code_must_be_one_of_the_tenants_vocabulary() {
        Inputs.code(problems, "method", "POLL", List.of("SURVEY", "WORKSHOP"), "methods");
        Inputs.code(problems, "method", "POLL", List.of(), "methods");
        Inputs.code(problems, "method", "SURVEY", List.of("SURVEY"), "methods");

        assertThat(problems)
                .containsExactly(
                        UserError.of(
                                Code.NOT_FOUND,
                                "'POLL' is not one of the tenant's methods: SURVEY, WORKSHOP.",
                                "input",
                                "method"),
                        UserError.of(
                                Code.NOT_FOUND,
                                "The tenant has defined no methods yet (vocabularies).",
                                "input",
                                "method"));
    }

    @Test
    void a_step_the_state_does_not_allow_names_the_states_that_do_or_says_why() {
        assertThat(UserError.notInState("plan", Plan.DRAFT, List.of(Plan.SUBMITTED, Plan.APPROVED), "returned", ""))
                .isEqualTo(UserError.of(
                        Code.NOT_ALLOWED,
                        "The plan is DRAFT; only a plan that is APPROVED or SUBMITTED can be returned.",
                        "input",
                        "id"));
        assertThat(UserError.notInState("plan", Plan.SUBMITTED, "nothing changes while the board decides."))
                .isEqualTo(UserError.of(
                        Code.NOT_ALLOWED,
                        "The plan is SUBMITTED; nothing changes while the board decides.",
                        "input",
                        "id"));
    }
}
