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
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

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
 * @param kiteMarkExpiresOn the day an awarded kite mark expires, fixed when it is awarded; null
 *     when none was awarded
 */
@MappedEntity(value = "inspection", namingStrategy = ColumnNames.class)
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
        @Nullable LocalDate kiteMarkExpiresOn,
        @Nullable OffsetDateTime recordedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.INSPECTION;

    /** Being entered, then final; the responses to its recommendations come after the report. */
    enum Status {
        DRAFT,
        REPORTED
    }

    Inspection withDetails(
            @Nullable String service,
            LocalDate on,
            String inspectorsJson,
            String answersJson,
            @Nullable String found,
            String recommended) {
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
                kiteMarkExpiresOn,
                recordedAt,
                version);
    }

    /** Reported on {@code on}; an awarded kite mark holds for {@code validMonths} from that day. */
    Inspection reported(boolean kiteMark, LocalDate on, int validMonths) {
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
                kiteMark ? kiteMarkExpiry(on, validMonths) : null,
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
                kiteMarkExpiresOn,
                recordedAt,
                version);
    }

    /**
     * The day a kite mark awarded on {@code awardedOn} expires: the same day of the month
     * {@code validMonths} later, or that month's last day when it is shorter (31 August and six
     * months: 28 February).
     */
    static LocalDate kiteMarkExpiry(LocalDate awardedOn, int validMonths) {
        return awardedOn.plusMonths(validMonths);
    }

    /** Whether an awarded kite mark has expired by {@code day}; null when none was awarded. */
    @Nullable
    Boolean kiteMarkExpiredOn(LocalDate day) {
        return kiteMarkExpiresOn == null ? null : !day.isBefore(kiteMarkExpiresOn);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
