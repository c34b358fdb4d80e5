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
import uk.trustplatform.api.NodeType;

/**
 * A partner's self-assessment for one year against one of the tenant's standards frameworks (the
 * tenant id as text: see PartnerOrganisation).
 *
 * @param framework the key of the framework assessed against
 * @param reviewComment the board's comment; required when it returns the assessment
 */
@MappedEntity("self_assessment")
record SelfAssessment(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        int year,
        String framework,
        RatingScale scale,
        Status status,
        @Nullable String reviewComment,
        @Nullable UUID carriedForwardFrom,
        @Nullable OffsetDateTime submittedAt,
        @Nullable OffsetDateTime reviewedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = "SelfAssessment";

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
