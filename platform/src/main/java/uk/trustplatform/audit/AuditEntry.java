package uk.trustplatform.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the trail as the API reads it.
 *
 * @param id the entry's own id: with {@code at}, its place in the trail's order
 * @param actionCode what happened as recorded, for example {@code ActionPlan.submitted}
 * @param object what it was about; null for an entry about no one record
 */
record AuditEntry(
        UUID id,
        OffsetDateTime at,
        @Nullable String by,
        boolean byPartnerSystem,
        String actionCode,
        @Nullable AuditedObject object,
        List<FieldChange> changes) {

    public String action() {
        return Words.ofAction(actionCode);
    }
}
