package uk.trustplatform.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/**
 * One partner's pledge in the register (the tenant id as text: see PartnerOrganisation).
 *
 * @param pledgeId the published pledge edition it was invited to sign
 * @param onBehalfOf the organisation as the signatory wrote it in the signature block
 * @param badgeCode the unguessable code in the badge's verification address, once registered
 * @param endedOn when it lapsed or was withdrawn
 */
@MappedEntity(value = "pledge_registration", namingStrategy = ColumnNames.class)
record PledgeRegistration(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        UUID pledgeId,
        PledgeStatus status,
        OffsetDateTime invitedAt,
        @Nullable String signatory,
        @Nullable String postHeld,
        @Nullable String onBehalfOf,
        @Nullable LocalDate signedOn,
        @Nullable LocalDate registeredOn,
        @Nullable LocalDate renewalDueOn,
        @Nullable String badgeCode,
        @Nullable LocalDate endedOn,
        @Nullable String withdrawnReason,
        @Version long version)
        implements NodeType.Typed, Audited {

    static final String TYPE = SchemaTypes.PLEDGE_REGISTRATION;

    /**
     * The status as of {@code today}: a registered pledge past its renewal date has lapsed, and
     * one within the notice period is due for renewal, even before the scheduled job has marked
     * it so.
     */
    PledgeStatus statusOn(LocalDate today, int noticeDays) {
        if (!status.current()) {
            return status;
        }
        LocalDate due = Objects.requireNonNull(renewalDueOn, "a registered pledge has its renewal date");
        if (due.isBefore(today)) {
            return PledgeStatus.LAPSED;
        }
        return due.minusDays(noticeDays).isAfter(today) ? PledgeStatus.REGISTERED : PledgeStatus.RENEWAL_DUE;
    }

    PledgeRegistration signed(String by, String post, String organisation, LocalDate on, PledgeStatus next) {
        return new PledgeRegistration(
                id,
                tenantId,
                partnerOrganisationId,
                pledgeId,
                next,
                invitedAt,
                by,
                post,
                organisation,
                on,
                registeredOn,
                renewalDueOn,
                badgeCode,
                endedOn,
                withdrawnReason,
                version);
    }

    PledgeRegistration registered(LocalDate on, LocalDate due, String code) {
        return new PledgeRegistration(
                id,
                tenantId,
                partnerOrganisationId,
                pledgeId,
                PledgeStatus.REGISTERED,
                invitedAt,
                signatory,
                postHeld,
                onBehalfOf,
                signedOn,
                on,
                due,
                code,
                endedOn,
                withdrawnReason,
                version);
    }

    PledgeRegistration renewedUntil(LocalDate due) {
        return new PledgeRegistration(
                id,
                tenantId,
                partnerOrganisationId,
                pledgeId,
                PledgeStatus.REGISTERED,
                invitedAt,
                signatory,
                postHeld,
                onBehalfOf,
                signedOn,
                registeredOn,
                due,
                badgeCode,
                endedOn,
                withdrawnReason,
                version);
    }

    PledgeRegistration withdrawn(LocalDate on, String reason) {
        return new PledgeRegistration(
                id,
                tenantId,
                partnerOrganisationId,
                pledgeId,
                PledgeStatus.WITHDRAWN,
                invitedAt,
                signatory,
                postHeld,
                onBehalfOf,
                signedOn,
                registeredOn,
                renewalDueOn,
                badgeCode,
                on,
                reason,
                version);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
