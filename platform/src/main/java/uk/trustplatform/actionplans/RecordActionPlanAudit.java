package uk.trustplatform.actionplans;

import java.time.LocalDate;
import uk.trustplatform.api.InputFields;

/** What {@code recordActionPlanAudit} asks: the audit of an approved plan, as it happened. */
record RecordActionPlanAudit(
        String actionPlanId, LocalDate auditedOn, String auditedBy, String findings, boolean kiteMarkAwarded) {

    static RecordActionPlanAudit from(InputFields input) {
        return new RecordActionPlanAudit(
                input.string("actionPlanId"),
                input.date("auditedOn"),
                input.string("auditedBy"),
                input.string("findings"),
                Boolean.TRUE.equals(input.bool("kiteMarkAwarded")));
    }
}
