package uk.trustplatform.configuration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * Collects the problems of a document's content, each with its path from where the content sits
 * in the caller's input ({@code input.strategy…} for the API, {@code definition.configuration…}
 * for a tenant definition).
 */
final class Problems {

    static final int TEXT_MAX = 4000;

    /** A month or a season and its year, as documents put it: "January 2012", "autumn 2011". */
    private static final String MONTH_OR_SEASON = "(?i)(spring|summer|autumn|winter|january|february|march|april|may"
            + "|june|july|august|september|october|november|december) (19|20)[0-9]{2}";

    private final List<String> path;
    private final List<UserError> found;

    private Problems(List<String> path, List<UserError> found) {
        this.path = path;
        this.found = found;
    }

    static Problems at(String... path) {
        return new Problems(List.of(path), new ArrayList<>());
    }

    /** The same collection, one level deeper. */
    Problems in(Object... segments) {
        return new Problems(
                Stream.concat(path.stream(), Stream.of(segments).map(String::valueOf))
                        .toList(),
                found);
    }

    List<UserError> found() {
        return List.copyOf(found);
    }

    void add(Code code, String field, String message) {
        List<String> at = Stream.concat(path.stream(), Stream.of(field)).toList();
        found.add(new UserError(at, String.join(".", at.subList(1, at.size())) + ": " + message, code));
    }

    /** Required, non-blank, not too long. */
    void text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(Code.REQUIRED, field, "must not be empty.");
        } else {
            length(field, value);
        }
    }

    /** Optional, but not too long. */
    void optionalText(String field, @Nullable String value) {
        if (value != null) {
            length(field, value);
        }
    }

    private void length(String field, String value) {
        if (value.length() > TEXT_MAX) {
            add(Code.TOO_LONG, field, "is longer than " + TEXT_MAX + " characters.");
        }
    }

    void texts(String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            in(field).text(String.valueOf(i), values.get(i));
        }
    }

    /** A period of whole years, in order. */
    void period(@Nullable Integer start, @Nullable Integer end) {
        if (start == null) {
            add(Code.REQUIRED, "periodStart", "must be given.");
        }
        if (end == null) {
            add(Code.REQUIRED, "periodEnd", "must be given.");
        }
        if (start != null && end != null && end < start) {
            add(Code.NOT_ALLOWED, "periodEnd", end + " is before periodStart " + start + ".");
        }
    }

    /**
     * When a document is reviewed: a day ({@code reviewDate}) or, where that is all the document
     * says, a month or a season ({@code reviewDue}), not both. A definition's day is read by YAML,
     * not the API's Date scalar, so its years are checked here too.
     */
    void review(@Nullable LocalDate reviewDate, @Nullable String reviewDue) {
        if (reviewDue != null && !reviewDue.matches(MONTH_OR_SEASON)) {
            add(
                    Code.INVALID_FORMAT,
                    "reviewDue",
                    "give a month or a season and its year, e.g. January 2012 or autumn 2011.");
        }
        if (reviewDue != null && reviewDate != null) {
            add(Code.NOT_ALLOWED, "reviewDue", "give reviewDate or reviewDue, not both.");
        }
        if (reviewDate != null && (reviewDate.getYear() < 1900 || reviewDate.getYear() > 2999)) {
            add(Code.NOT_ALLOWED, "reviewDate", "must be a day in the years 1900 to 2999.");
        }
    }

    /** Numbers or codes that must not repeat within one list. */
    void unique(String list, Collection<String> values, String what) {
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (String value : values) {
            if (value != null && !seen.add(value)) {
                in(list, i).add(Code.NOT_ALLOWED, what, value + " is used twice.");
            }
            i++;
        }
    }
}
