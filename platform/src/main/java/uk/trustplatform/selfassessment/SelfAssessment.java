package uk.trustplatform.selfassessment;

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

/**
 * A partner's self-assessment for one year against one of the tenant's standards frameworks (the
 * tenant id as text: see PartnerOrganisation).
 *
 * @param framework the key of the framework assessed against
 * @param scale the code of its scale
 * @param scaleName the name of the partnership's own scale as it was at the start; null on the platform's
 * @param scaleLevels the levels of the partnership's own scale as they were at the start (JSON); null on the platform's
 * @param reviewComment the board's comment; required when it returns the assessment
 */
@MappedEntity(value = "self_assessment", namingStrategy = ColumnNames.class)
record SelfAssessment(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        int year,
        String framework,
        String scale,
        @Nullable String scaleName,
        @Nullable @TypeDef(type = DataType.JSON) String scaleLevels,
        Status status,
        @Nullable String reviewComment,
        @Nullable UUID carriedForwardFrom,
        @Nullable OffsetDateTime submittedAt,
        @Nullable OffsetDateTime reviewedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.SELF_ASSESSMENT;

    enum Status {
        DRAFT,
        SUBMITTED,
        AGREED,
        RETURNED;

        /** The partner may still change it. */
        boolean open() {
            return this == DRAFT || this == RETURNED;
        }

        /** The partner has given it to the board, and the board has not sent it back. */
        boolean assessed() {
            return this == SUBMITTED || this == AGREED;
        }
    }

    UUID tenantUuid() {
        return UUID.fromString(tenantId);
    }

    SelfAssessment submitted(OffsetDateTime when) {
        return new SelfAssessment(
                id,
                tenantId,
                partnerOrganisationId,
                year,
                framework,
                scale,
                scaleName,
                scaleLevels,
                Status.SUBMITTED,
                reviewComment,
                carriedForwardFrom,
                when,
                reviewedAt,
                version);
    }

    SelfAssessment reviewed(Status next, @Nullable String comment, OffsetDateTime when) {
        return new SelfAssessment(
                id,
                tenantId,
                partnerOrganisationId,
                year,
                framework,
                scale,
                scaleName,
                scaleLevels,
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
