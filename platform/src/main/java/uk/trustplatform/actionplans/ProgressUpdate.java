package uk.trustplatform.actionplans;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.SchemaTypes;

/** Dated progress on an action with links to its evidence; kept, never changed. */
@MappedEntity(value = "action_progress_update", namingStrategy = ColumnNames.class)
record ProgressUpdate(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID actionId,
        @MappedProperty("update_date") LocalDate date,
        String note,
        @TypeDef(type = DataType.STRING_ARRAY) String[] evidenceLinks,
        String recordedBy,
        OffsetDateTime recordedAt) {

    static final String TYPE = SchemaTypes.PROGRESS_UPDATE;
}
