package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.Version;
import java.util.UUID;
import uk.trustplatform.api.NodeType;

/** An agency in a tenant's partner hierarchy. */
@MappedEntity("partner_organisation")
public record PartnerOrganisation(
        @Id UUID id,
        @TenantId UUID tenantId,
        String name,
        @Nullable String organisationIdentifier,
        @Nullable UUID parentId,
        @Version long version)
        implements NodeType.Typed {

    public static final String TYPE = "PartnerOrganisation";

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
