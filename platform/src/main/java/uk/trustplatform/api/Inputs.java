package uk.trustplatform.api;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import uk.trustplatform.api.UserError.Code;

/** The rules features' text inputs share, each problem naming its field under {@code input}. */
public final class Inputs {

    private Inputs() {}

    public static String trimmed(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static void required(List<UserError> problems, String field, String value, int max, String missing) {
        if (value == null) {
            problems.add(UserError.of(Code.REQUIRED, missing, "input", field));
            return;
        }
        optional(problems, field, value, max);
    }

    public static void optional(List<UserError> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(UserError.of(
                    Code.TOO_LONG, "The " + field + " is longer than " + max + " characters.", "input", field));
        }
    }

    /**
     * The day something was done (told, answered, made): given, {@code today} or earlier, and not
     * before {@code earliest} where there is one.
     *
     * @param messages what to say when the day is missing, after today, and before {@code earliest}
     */
    public static void dayDone(
            List<UserError> problems,
            String field,
            LocalDate day,
            LocalDate today,
            @Nullable LocalDate earliest,
            DayMessages messages) {
        if (day == null) {
            problems.add(UserError.of(Code.REQUIRED, messages.missing(), "input", field));
        } else if (day.isAfter(today)) {
            problems.add(UserError.of(Code.NOT_ALLOWED, messages.future(), "input", field));
        } else if (earliest != null && day.isBefore(earliest)) {
            problems.add(UserError.of(Code.NOT_ALLOWED, messages.tooEarly() + " (" + earliest + ").", "input", field));
        }
    }

    /** What {@link #dayDone} says: the day missing, after today, before the earliest day allowed. */
    public record DayMessages(
            String missing, String future, @Nullable String tooEarly) {}

    /** A code of one of the tenant's vocabularies, or nothing. */
    public static void code(
            List<UserError> problems, String field, String value, List<String> allowed, String vocabulary) {
        if (value == null || allowed.contains(value)) {
            return;
        }
        problems.add(UserError.of(
                Code.NOT_FOUND,
                allowed.isEmpty()
                        ? "The tenant has defined no " + vocabulary + " yet (vocabularies)."
                        : "'" + value + "' is not one of the tenant's " + vocabulary + ": " + String.join(", ", allowed)
                                + ".",
                "input",
                field));
    }
}
