package uk.trustplatform.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.DateRule;

/**
 * Answers a form holds as text that the API takes typed: a date typed into the day, month and year
 * boxes of {@code components/dateInput}, a whole number. What cannot become the API's type is the
 * page's to say, since the API never sees it ("Start date must be a real date"); every other rule
 * is the API's.
 */
public final class TypedValues {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private TypedValues() {}

    /** An answer as the API's type: its value (null when left blank), or why it cannot be one. */
    public record Typed<T>(@Nullable T value, @Nullable String problem) {

        public boolean refused() {
            return problem != null;
        }
    }

    /**
     * The date in the boxes {@code name-day}, {@code name-month} and {@code name-year} as ISO text;
     * null when all three are blank.
     *
     * @param label what the date is, as the error message starts: "Start date"
     */
    public static Typed<String> date(Form form, String name, String label) {
        String day = form.value(name + "-day").strip();
        String month = form.value(name + "-month").strip();
        String year = form.value(name + "-year").strip();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return new Typed<>(null, null);
        }
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return new Typed<>(null, label + " must include a " + String.join(" and ", missing));
        }
        if (!DIGITS.matcher(day).matches() || !DIGITS.matcher(month).matches() || !year.matches("\\d{4}")) {
            return new Typed<>(null, label + " must be a real date");
        }
        String iso = year + "-" + twoDigits(month) + "-" + twoDigits(day);
        return DateRule.read(iso).isPresent()
                ? new Typed<>(iso, null)
                : new Typed<>(null, label + " must be a real date");
    }

    /** A whole number typed into {@code name}; null when blank. */
    public static Typed<Integer> wholeNumber(Form form, String name, String label) {
        String text = form.value(name).strip().replace(",", "");
        if (text.isEmpty()) {
            return new Typed<>(null, null);
        }
        return WHOLE_NUMBER.matcher(text).matches()
                ? new Typed<>(Integer.valueOf(text), null)
                : new Typed<>(null, label + " must be a whole number, like 12");
    }

    /** The day, month and year boxes of a saved ISO date, for a form that changes it. */
    public static void putDate(Map<String, String> values, String name, @Nullable String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return;
        }
        LocalDate day = LocalDate.parse(isoDate.substring(0, 10));
        values.put(name + "-day", String.valueOf(day.getDayOfMonth()));
        values.put(name + "-month", String.valueOf(day.getMonthValue()));
        values.put(name + "-year", String.valueOf(day.getYear()));
    }

    private static String twoDigits(String number) {
        String trimmed = number.replaceFirst("^0+(?=\\d)", "");
        return trimmed.length() == 1 ? "0" + trimmed : trimmed;
    }
}
