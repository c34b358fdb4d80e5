package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/**
 * A board, sub-group, task group, district delivery group or youth forum of the partnership.
 *
 * @param type a code of the tenant's governance body types
 */
@MappedEntity(value = "governance_body", namingStrategy = ColumnNames.class)
record GovernanceBody(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        String name,
        @MappedProperty("body_type") String type,
        @Nullable UUID parentId,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.GOVERNANCE_BODY;

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
