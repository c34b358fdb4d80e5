package uk.trustplatform.partners;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** A governance body to create (no id) or to change at the version read; texts trimmed. */
record SaveGovernanceBody(
        @Nullable String id,
        long version,
        @Nullable String name,
        @Nullable String type,
        @Nullable String parentId) {

    static SaveGovernanceBody from(InputFields input) {
        return new SaveGovernanceBody(
                input.string("id"),
                input.version("version"),
                Inputs.trimmed(input.string("name")),
                Inputs.trimmed(input.string("type")),
                Inputs.trimmed(input.string("parentId")));
    }
}
