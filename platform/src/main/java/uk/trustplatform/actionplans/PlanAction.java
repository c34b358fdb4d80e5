package uk.trustplatform.actionplans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/**
 * An action of a plan, under one of its template's outcomes (none while a carried-forward action
 * is unplaced).
 *
 * @param standard the standard of its section, copied from the template edition
 * @param columnValues the template's own text columns, as a JSON object of key to text
 */
@MappedEntity(value = "plan_action", namingStrategy = ColumnNames.class)
record PlanAction(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID actionPlanId,
        @Nullable String sectionNumber,
        @Nullable String outcomeNumber,
        @Nullable String standard,
        String description,
        @Nullable String lead,
        @Nullable LocalDate dueDate,
        @Nullable String timescale,
        @Nullable String resources,
        @Nullable String risks,
        ActionStatus status,
        @Nullable Rag rag,
        @TypeDef(type = DataType.JSON) String columnValues,
        @Nullable UUID carriedForwardFrom,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.ACTION;
    private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {};

    enum ActionStatus {
        NOT_STARTED,
        IN_PROGRESS,
        COMPLETE
    }

    enum Rag {
        RED,
        AMBER,
        GREEN
    }

    boolean overdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && status != ActionStatus.COMPLETE;
    }

    /** Its column values, key to text, in the order they were sent. */
    Map<String, String> columns(ObjectMapper json) {
        try {
            Map<String, String> values = json.readValue(columnValues, COLUMNS);
            // Actions saved before blank values were left out hold them as nulls.
            values.values().removeIf(Objects::isNull);
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored column values are not JSON", e);
        }
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
