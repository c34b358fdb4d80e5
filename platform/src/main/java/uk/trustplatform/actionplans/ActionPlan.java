package uk.trustplatform.actionplans;

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
 * One partner's plan for a period (the tenant id as text: see PartnerOrganisation).
 *
 * @param templateId the published template edition it was made from
 * @param framework that template's standards framework, copied: the edition never changes
 */
@MappedEntity(value = "action_plan", namingStrategy = ColumnNames.class)
record ActionPlan(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        UUID templateId,
        @Nullable String framework,
        int periodStart,
        int periodEnd,
        ActionPlanStatus status,
        @Nullable String returnedReason,
        @Nullable OffsetDateTime submittedAt,
        @Nullable OffsetDateTime decidedAt,
        @Nullable UUID carriedForwardFrom,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.ACTION_PLAN;

    /** The plan moved on in its workflow, with when and (if returned) why. */
    ActionPlan moved(ActionPlanStatus next, @Nullable String reason, OffsetDateTime when) {
        boolean submitted = next == ActionPlanStatus.SUBMITTED;
        return new ActionPlan(
                id,
                tenantId,
                partnerOrganisationId,
                templateId,
                framework,
                periodStart,
                periodEnd,
                next,
                reason,
                submitted ? when : submittedAt,
                submitted ? decidedAt : when,
                carriedForwardFrom,
                version);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
