package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/**
 * Someone in a partnership role at a partner organisation, with staff contact details only (the
 * tenant id as text: see {@link PartnerOrganisation}).
 *
 * @param roles the names of their {@link PartnerRole}s
 * @param invitedAt when they were invited to sign in as the organisation's partner lead
 */
@MappedEntity(value = "partner_person", namingStrategy = ColumnNames.class)
public record PartnerPerson(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        String name,
        @Nullable String jobTitle,
        @Nullable String email,
        @Nullable String telephone,
        @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
        @Nullable OffsetDateTime invitedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    public static final String TYPE = SchemaTypes.PARTNER_PERSON;

    public List<PartnerRole> partnerRoles() {
        return Arrays.stream(roles).map(PartnerRole::valueOf).sorted().toList();
    }

    public boolean holds(PartnerRole role) {
        return Arrays.asList(roles).contains(role.name());
    }

    PartnerPerson invited(OffsetDateTime when) {
        return new PartnerPerson(
                id, tenantId, partnerOrganisationId, name, jobTitle, email, telephone, roles, when, version);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
