package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.SchemaTypes;

/** A partner organisation's seat on a governance body, optionally held by a named person. */
@MappedEntity(value = "governance_membership", namingStrategy = ColumnNames.class)
record GovernanceMembership(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID governanceBodyId,
        UUID partnerOrganisationId,
        @Nullable UUID partnerPersonId,
        @MappedProperty("member_role") @Nullable String role) {

    static final String TYPE = SchemaTypes.GOVERNANCE_MEMBERSHIP;
}
