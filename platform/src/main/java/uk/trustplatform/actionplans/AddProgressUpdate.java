package uk.trustplatform.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uk.trustplatform.api.InputFields;

/** What {@code addProgressUpdate} asks: a note of progress on an action on a day, with links to evidence. */
record AddProgressUpdate(String actionId, LocalDate date, String note, List<String> evidenceLinks) {

    static AddProgressUpdate from(InputFields input) {
        return new AddProgressUpdate(
                input.requiredString("actionId"),
                Objects.requireNonNull(input.date("date"), "the schema requires a progress update's day"),
                input.requiredString("note"),
                input.strings("evidenceLinks"));
    }
}
