package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code saveSection11Entry} asks: an audit criterion rated, with its narrative and evidence (trimmed). */
record SaveSection11Entry(
        String id,
        long version,
        @Nullable String rag,
        @Nullable String narrative,
        @Nullable String evidence) {

    static SaveSection11Entry from(InputFields input) {
        return new SaveSection11Entry(
                input.requiredString("id"),
                input.version("version"),
                input.string("rag"),
                Inputs.trimmed(input.string("narrative")),
                Inputs.trimmed(input.string("evidence")));
    }
}
