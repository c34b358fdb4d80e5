package uk.trustplatform.pledges;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code signPledge} and {@code renewPledge} ask: the pledge's signature block (trimmed) put
 * on the registration at the version read.
 */
record SignPledge(
        String id,
        long version,
        @Nullable String signatory,
        @Nullable String postHeld,
        @Nullable String onBehalfOf,
        LocalDate signedOn) {

    static SignPledge from(InputFields input) {
        return new SignPledge(
                input.requiredString("id"),
                input.version("version"),
                Inputs.trimmed(input.string("signatory")),
                Inputs.trimmed(input.string("postHeld")),
                Inputs.trimmed(input.string("onBehalfOf")),
                Objects.requireNonNull(input.date("signedOn"), "the schema requires the day it was signed"));
    }

    /** The step of the register this signing takes, which gives no reason. */
    PledgeTransition step() {
        return new PledgeTransition(id, version, null);
    }
}
