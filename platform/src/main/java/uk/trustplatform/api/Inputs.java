package uk.trustplatform.api;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError.Code;

/**
 * The rules features' inputs share, each problem naming its field under {@code input}: one wording
 * per rule, so the same mistake reads the same in every feature. The state a record is in is
 * refused by {@link UserError#notInState}.
 */
public final class Inputs {

    private Inputs() {}

    /** The text without surrounding spaces, or null when there is none: a blank field is a field left empty. */
    public static @Nullable String trimmed(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The text without surrounding spaces, a blank one kept as empty (for fields the schema already requires). */
    public static @Nullable String stripped(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    /** A text that must be given ({@code missing} says so when it is not), at most {@code max} characters. */
    public static void required(
            List<UserError> problems, String field, @Nullable String value, int max, String missing) {
        required(problems, field, value, max, missing, theField(field));
    }

    /**
     * As {@link #required(List, String, String, int, String)}, the too-long message naming the
     * field as {@code what} does ("The auditor's name") rather than by its input name.
     */
    public static void required(
            List<UserError> problems, String field, @Nullable String value, int max, String missing, String what) {
        if (value == null) {
            problems.add(UserError.of(Code.REQUIRED, missing, "input", field));
            return;
        }
        optional(problems, field, value, max, what);
    }

    /** A text that may be left out, at most {@code max} characters. */
    public static void optional(List<UserError> problems, String field, @Nullable String value, int max) {
        optional(problems, field, value, max, theField(field));
    }

    /** As {@link #optional(List, String, String, int)}, the message naming the field as {@code what} does. */
    public static void optional(List<UserError> problems, String field, @Nullable String value, int max, String what) {
        if (value != null && value.length() > max) {
            problems.add(UserError.of(Code.TOO_LONG, what + " is longer than " + max + " characters.", "input", field));
        }
    }

    private static String theField(String field) {
        return "The " + field;
    }

    /** A whole number from {@code min} to {@code max}; {@code message} says what is allowed. */
    public static void within(List<UserError> problems, String field, int value, int min, int max, String message) {
        if (value < min || value > max) {
            problems.add(UserError.of(Code.NOT_ALLOWED, message, "input", field));
        }
    }

    /** A text given and of the {@code format} {@code message} describes with an example. */
    public static void matches(
            List<UserError> problems, String field, @Nullable String value, Pattern format, String message) {
        if (value == null || !format.matcher(value).matches()) {
            problems.add(UserError.of(Code.INVALID_FORMAT, message, "input", field));
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
            @Nullable LocalDate day,
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
            List<UserError> problems, String field, @Nullable String value, List<String> allowed, String vocabulary) {
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
