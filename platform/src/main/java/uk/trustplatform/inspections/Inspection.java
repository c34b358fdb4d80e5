package uk.trustplatform.inspections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.NodeType;

/**
 * An inspection of a partner's service by young inspectors, as stored (the tenant id as text: see
 * {@code PartnerOrganisation}). Its lists are JSON (see {@link InspectionLists}) and change only
 * with the inspection, under its one version.
 *
 * @param serviceName the service inspected, as the inspectors knew it; null for the whole organisation
 * @param inspectors JSON list of the young inspectors, each by first or chosen name and age band
 * @param answers JSON list of their answers to the tenant's inspection questions
 * @param recommendations JSON list of their recommendations, each with the service's response once given
 * @param kiteMarkAwarded whether the report awards the kite mark; null until reported
 * @param reportedOn the day the findings and recommendations were made final
 */
@MappedEntity("inspection")
record Inspection(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        @Nullable String serviceName,
        LocalDate inspectedOn,
        Status status,
        @TypeDef(type = DataType.JSON) String inspectors,
        @TypeDef(type = DataType.JSON) String answers,
        @Nullable String findings,
        @TypeDef(type = DataType.JSON) String recommendations,
        @Nullable Boolean kiteMarkAwarded,
        @Nullable LocalDate reportedOn,
        @Nullable OffsetDateTime recordedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = "Inspection";

    /** Being entered, then final; the responses to its recommendations come after the report. */
    enum Status {
        DRAFT,
        REPORTED
    }

    Inspection withDetails(
            String service, LocalDate on, String inspectorsJson, String answersJson, String found, String recommended) {
        return new Inspection(
                id,
                tenantId,
                partnerOrganisationId,
                service,
                on,
                status,
                inspectorsJson,
                answersJson,
                found,
                recommended,
                kiteMarkAwarded,
                reportedOn,
                recordedAt,
                version);
    }

    Inspection reported(boolean kiteMark, LocalDate on) {
        return new Inspection(
                id,
                tenantId,
                partnerOrganisationId,
                serviceName,
                inspectedOn,
                Status.REPORTED,
                inspectors,
                answers,
                findings,
                recommendations,
                kiteMark,
                on,
                recordedAt,
                version);
    }

    Inspection withRecommendations(String recommended) {
        return new Inspection(
                id,
                tenantId,
                partnerOrganisationId,
                serviceName,
                inspectedOn,
                status,
                inspectors,
                answers,
                findings,
                recommended,
                kiteMarkAwarded,
                reportedOn,
                recordedAt,
                version);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
