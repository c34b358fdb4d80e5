package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code moderateSection11Audit} asks: the board accepts the audit or returns it, with its
 * own RAG and comment on entries. Comments are stripped but a blank one is kept as sent.
 */
record ModerateSection11Audit(
        Section11Transition step, boolean accept, @Nullable String comment, List<ModeratedEntry> entries) {

    /** The board's view of one entry. */
    record ModeratedEntry(
            String id,
            @Nullable String moderatedRag,
            @Nullable String comment) {}

    static ModerateSection11Audit from(InputFields input) {
        return new ModerateSection11Audit(
                Section11Transition.from(input),
                "ACCEPT".equals(input.string("decision")),
                Inputs.stripped(input.string("comment")),
                input.objects("entries").stream()
                        .map(entry -> new ModeratedEntry(
                                entry.requiredString("id"),
                                entry.string("moderatedRag"),
                                Inputs.stripped(entry.string("comment"))))
                        .toList());
    }
}
