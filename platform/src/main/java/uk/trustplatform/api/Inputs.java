package uk.trustplatform.api;

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
