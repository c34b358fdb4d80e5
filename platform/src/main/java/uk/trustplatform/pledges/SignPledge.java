package uk.trustplatform.pledges;

import java.time.LocalDate;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * What {@code signPledge} and {@code renewPledge} ask: the pledge's signature block (trimmed) put
 * on the registration at the version read.
 */
record SignPledge(String id, long version, String signatory, String postHeld, String onBehalfOf, LocalDate signedOn) {

    static SignPledge from(InputFields input) {
        return new SignPledge(
                input.string("id"),
                input.version("version"),
                Inputs.trimmed(input.string("signatory")),
                Inputs.trimmed(input.string("postHeld")),
                Inputs.trimmed(input.string("onBehalfOf")),
                input.date("signedOn"));
    }

    /** The step of the register this signing takes, which gives no reason. */
    PledgeTransition step() {
        return new PledgeTransition(id, version, null);
    }
}
