package uk.trustplatform.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.DateRule;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.UserError.Code;

/**
 * A partnership's list of quiet periods as a caller sent it (through the API or in a tenant
 * definition), and the rules it must meet. Periods may overlap: a half term falls inside the exam
 * season, and each is a reason of its own to keep young people free. The same period twice is a
 * slip, and refused.
 */
final class QuietPeriods {

    /** Enough for several years of exams, half terms and holidays. */
    private static final int MOST = 100;

    private static final int NAME_MAX = 200;

    /** By first day, then last day, then name: the calendar's order. */
    private static final Comparator<QuietPeriod> ORDER = Comparator.comparing(QuietPeriod::firstDay)
            .thenComparing(QuietPeriod::lastDay)
            .thenComparing(QuietPeriod::name);

    private QuietPeriods() {}

    /** A quiet period as a caller sent it: its name or either day may be missing, which {@link #check} refuses. */
    record Sent(
            @Nullable String name,
            @Nullable LocalDate firstDay,
            @Nullable LocalDate lastDay) {

        /** The period, once {@link #check} has found nothing wrong with it. */
        QuietPeriod checked() {
            return new QuietPeriod(
                    Objects.requireNonNull(name, "the check refuses a period without its name"),
                    Objects.requireNonNull(firstDay, "the check refuses a period without its first day"),
                    Objects.requireNonNull(lastDay, "the check refuses a period without its last day"));
        }
    }

    /** The periods sent, once {@link #check} has found nothing wrong with the list. */
    static List<QuietPeriod> checked(List<Sent> periods) {
        return periods.stream().map(Sent::checked).toList();
    }

    /** The API's {@code [QuietPeriodInput!]!}, names trimmed; a day left out is null. */
    static List<Sent> fromInput(List<InputFields> input) {
        return input.stream()
                .map(period -> new Sent(
                        Inputs.trimmed(period.string("name")), period.date("firstDay"), period.date("lastDay")))
                .toList();
    }

    /**
     * A definition's {@code quietPeriods}; a day that is no date is a problem at {@code parent}
     * (the path the list is in), and null.
     */
    static List<Sent> fromDefinition(JsonNode input, Problems parent) {
        List<Sent> periods = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode period = input.get(i);
            Problems at = parent.in("quietPeriods", i);
            periods.add(new Sent(
                    Inputs.trimmed(period.path("name").asText(null)),
                    day(period, "firstDay", at),
                    day(period, "lastDay", at)));
        }
        return List.copyOf(periods);
    }

    private static @Nullable LocalDate day(JsonNode period, String field, Problems problems) {
        String text = period.path(field).asText(null);
        if (text == null) {
            return null;
        }
        LocalDate day = DateRule.read(text).orElse(null);
        if (day == null) {
            problems.add(Code.INVALID_FORMAT, field, "must be a real date such as 2027-05-10.");
        }
        return day;
    }

    /** Every rule the list breaks, at {@code parent} (the path the list's field {@code quietPeriods} is in). */
    static void check(List<Sent> periods, Problems parent) {
        if (periods.size() > MOST) {
            parent.add(Code.NOT_ALLOWED, "quietPeriods", "holds at most " + MOST + " periods.");
        }
        Set<Sent> seen = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            Sent period = periods.get(i);
            Problems at = parent.in("quietPeriods", i);
            if (complete(period, at) && !seen.add(period)) {
                at.add(Code.NOT_ALLOWED, "name", "the same period (name, first and last day) is listed twice.");
            }
        }
    }

    /** Whether the period has a name and its days in order; what it lacks is added to {@code at}. */
    private static boolean complete(Sent period, Problems at) {
        int before = at.found().size();
        if (period.name() == null) {
            at.add(Code.REQUIRED, "name", "must not be empty: name the period, such as GCSE and A level exams.");
        } else if (period.name().length() > NAME_MAX) {
            at.add(Code.TOO_LONG, "name", "is longer than " + NAME_MAX + " characters.");
        }
        if (period.firstDay() == null) {
            at.add(Code.REQUIRED, "firstDay", "must be given.");
        }
        if (period.lastDay() == null) {
            at.add(Code.REQUIRED, "lastDay", "must be given.");
        }
        if (period.firstDay() != null
                && period.lastDay() != null
                && period.lastDay().isBefore(period.firstDay())) {
            at.add(
                    Code.NOT_ALLOWED,
                    "lastDay",
                    "must not be before the first day (" + period.lastDay() + " is before " + period.firstDay() + ").");
        }
        return at.found().size() == before;
    }

    static List<QuietPeriod> ordered(List<QuietPeriod> periods) {
        return periods.stream().sorted(ORDER).toList();
    }
}
