package uk.trustplatform.actionplans;

import java.time.LocalDate;
import java.util.Objects;
import uk.trustplatform.api.InputFields;

/** What {@code recordActionPlanAudit} asks: the audit of an approved plan, as it happened. */
record RecordActionPlanAudit(
        String actionPlanId, LocalDate auditedOn, String auditedBy, String findings, boolean kiteMarkAwarded) {

    static RecordActionPlanAudit from(InputFields input) {
        return new RecordActionPlanAudit(
                input.requiredString("actionPlanId"),
                Objects.requireNonNull(input.date("auditedOn"), "the schema requires an audit's day"),
                input.requiredString("auditedBy"),
                input.requiredString("findings"),
                Boolean.TRUE.equals(input.bool("kiteMarkAwarded")));
    }
}
