package uk.trustplatform.actionplans;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.SchemaTypes;

/** The annual audit of an approved plan (Cambridgeshire: by young people), which may award a kite mark. */
@MappedEntity(value = "action_plan_audit", namingStrategy = ColumnNames.class)
record ActionPlanAudit(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID actionPlanId,
        LocalDate auditedOn,
        String auditedBy,
        String findings,
        boolean kiteMarkAwarded) {

    static final String TYPE = SchemaTypes.ACTION_PLAN_AUDIT;
}
