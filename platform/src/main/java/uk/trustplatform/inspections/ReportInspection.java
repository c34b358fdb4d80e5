package uk.trustplatform.inspections;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;

/** What {@code reportInspection} asks: the draft made final with the kite mark decision (null when none was given). */
record ReportInspection(String id, long version, @Nullable Boolean kiteMarkAwarded) {

    static ReportInspection from(InputFields input) {
        return new ReportInspection(
                input.requiredString("id"), input.version("version"), input.bool("kiteMarkAwarded"));
    }
}
