package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
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
 * An agency in a tenant's partner hierarchy.
 *
 * <p>The tenant id is held as text: Micronaut Data 4.14 overwrites every {@code @TenantId} of type
 * UUID with a random UUID on insert (it treats it as an auto-generated UUID), which row-level
 * security then refuses. As text it is bound as a uuid and left as given.
 */
@MappedEntity(value = "partner_organisation", namingStrategy = ColumnNames.class)
public record PartnerOrganisation(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        String name,
        @Nullable String organisationIdentifier,
        @Nullable UUID parentId,
        @Nullable String category,
        @Nullable Sector sector,
        boolean statutory,
        @Version long version)
        implements NodeType.Typed, Audited {

    public static final String TYPE = SchemaTypes.PARTNER_ORGANISATION;

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
