package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/** What {@code registerPledge} and {@code withdrawPledge} ask: the registration moved on from the version read. */
record PledgeTransition(String id, long version, @Nullable String reason) {

    static PledgeTransition from(InputFields input) {
        return new PledgeTransition(
                input.requiredString("id"), input.version("version"), Inputs.trimmed(input.string("reason")));
    }
}
