package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/** A statutory partner's Section 11 self-audit for one round (the tenant id as text: see PartnerOrganisation). */
@MappedEntity(value = "section11_audit", namingStrategy = ColumnNames.class)
record Section11Audit(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        int round,
        String framework,
        Status status,
        @Nullable String moderationComment,
        @Nullable UUID carriedForwardFrom,
        @Nullable OffsetDateTime submittedAt,
        @Nullable OffsetDateTime moderatedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.SECTION11_AUDIT;

    enum Status {
        DRAFT,
        SUBMITTED,
        MODERATED,
        RETURNED;

        boolean open() {
            return this == DRAFT || this == RETURNED;
        }
    }

    UUID tenantUuid() {
        return UUID.fromString(tenantId);
    }

    Section11Audit submitted(OffsetDateTime when) {
        return new Section11Audit(
                id,
                tenantId,
                partnerOrganisationId,
                round,
                framework,
                Status.SUBMITTED,
                moderationComment,
                carriedForwardFrom,
                when,
                moderatedAt,
                version);
    }

    Section11Audit moderated(Status next, @Nullable String comment, OffsetDateTime when) {
        return new Section11Audit(
                id,
                tenantId,
                partnerOrganisationId,
                round,
                framework,
                next,
                comment,
                carriedForwardFrom,
                submittedAt,
                when,
                version);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
