package uk.trustplatform.selfassessment;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;

/** An action of a partner's plan that answers a rated standard of its self-assessment. */
@MappedEntity(value = "self_assessment_gap_action", namingStrategy = ColumnNames.class)
record GapAction(
        @Id UUID actionId,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID ratingId) {}
