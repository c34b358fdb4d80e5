package uk.trustplatform.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/** A council's children's partnership using the platform. */
@MappedEntity(value = "tenant", namingStrategy = ColumnNames.class)
public record Tenant(
        @Id UUID id,
        String slug,
        String name,
        TenantKind kind,
        Region region,
        TenantStatus status,
        @Version long version)
        implements NodeType.Typed {

    public static final String TYPE = SchemaTypes.TENANT;

    @Override
    public String graphQLType() {
        return TYPE;
    }

    /** Whether its members may sign in and its tokens be used: not while suspended or archived. */
    public boolean admitsMembers() {
        return status.admitsMembers();
    }
}
