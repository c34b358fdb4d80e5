package uk.trustplatform.configuration;

import java.util.List;
import uk.trustplatform.api.InputFields;

/** The partnership's whole list of quiet periods, replacing the one at the version read. */
record SetQuietPeriods(long version, List<QuietPeriods.Sent> quietPeriods) {

    static SetQuietPeriods from(InputFields input) {
        return new SetQuietPeriods(input.version("version"), QuietPeriods.fromInput(input.objects("quietPeriods")));
    }
}
