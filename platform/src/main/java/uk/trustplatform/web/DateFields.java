package uk.trustplatform.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GOV.UK date input's three fields ({@code NAME-day}, {@code NAME-month}, {@code NAME-year}) and
 * the API's {@code Date}: what was typed is sent as it stands, so the API alone decides what a real
 * day is; the page only words its refusal as the Design System does ("Enter …", "… must be a real
 * date").
 */
public final class DateFields {

    private DateFields() {}

    /** What the person typed as the API's Date text (2027-02-31 for "31 2 2027"), or null when all three are empty. */
    public static @Nullable String iso(Form form, String name) {
        String day = form.value(name + "-day").strip();
        String month = form.value(name + "-month").strip();
        String year = form.value(name + "-year").strip();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
    }

    /** The three fields of a saved date (ISO text from the API), for a form being changed. */
    public static Map<String, String> of(String name, @Nullable String isoDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        LocalDate day = isoDate == null || isoDate.isBlank() ? null : LocalDate.parse(isoDate);
        fields.put(name + "-day", day == null ? "" : String.valueOf(day.getDayOfMonth()));
        fields.put(name + "-month", day == null ? "" : String.valueOf(day.getMonthValue()));
        fields.put(name + "-year", day == null ? "" : String.valueOf(day.getYear()));
        return fields;
    }

    /** What was typed, as the person wrote it: "31 2 2027". */
    public static String typed(Form form, String name) {
        return (form.value(name + "-day") + " " + form.value(name + "-month") + " " + form.value(name + "-year"))
                .strip();
    }

    /**
     * The refusals of a form, with the API's refusal of a date argument put in the Design
     * System's words: "Enter the due date" when nothing was typed, else "The due date must be a
     * real date".
     *
     * @param what each date field's name and how a sentence names it ("the due date")
     */
    public static Map<String, String> worded(Map<String, String> errors, Form form, Map<String, String> what) {
        Map<String, String> worded = new LinkedHashMap<>(errors);
        what.forEach((name, words) -> {
            String message = worded.get(name);
            if (message == null || !message.startsWith("Argument ")) {
                return;
            }
            worded.put(
                    name,
                    iso(form, name) == null
                            ? "Enter " + words
                            : Character.toUpperCase(words.charAt(0)) + words.substring(1) + " must be a real date");
        });
        return worded;
    }

    private static String padded(String part, int width) {
        boolean digits = !part.isEmpty() && part.chars().allMatch(Character::isDigit);
        return digits && part.length() < width ? "0".repeat(width - part.length()) + part : part;
    }
}
