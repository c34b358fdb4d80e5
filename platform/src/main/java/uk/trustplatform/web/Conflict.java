package uk.trustplatform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A form saved against a version someone else had already replaced: who did, when (if known), and
 * their version of each question beside what this person typed, which stays in the form.
 */
public record Conflict(String by, @Nullable String at, List<Row> rows) {

    /** One question: its label, the saved answer, and the one this person typed. */
    public record Row(
            String label, @Nullable String theirs, @Nullable String yours) {}

    /** The saved record's {@code lastChange}, as the API gave it. */
    public static Conflict of(com.fasterxml.jackson.databind.JsonNode lastChange, List<Row> rows) {
        String by = lastChange.path("by").asText("");
        return new Conflict(
                by.isBlank() ? "Someone else" : by,
                Dates.dateTime(lastChange.path("at").asText(null)),
                rows);
    }
}
