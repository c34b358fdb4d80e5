package uk.trustplatform.youthforums;

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
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/**
 * A youth forum's recommendation to the board or to one partner, and the reply to it (the tenant
 * id as text: see {@code PartnerOrganisation}).
 *
 * @param forum the name of one of the participation structures of the tenant's published strategies
 * @param addressedToId the partner it is addressed to; null when addressed to the board
 * @param recordedById the agency whose partner lead recorded it; null when a tenant admin did
 * @param reply "we did": what was done, in words for the forum; null until answered
 * @param outcomeReason why it was not accepted as it stood; null when accepted
 */
@MappedEntity(value = "youth_forum_recommendation", namingStrategy = ColumnNames.class)
public record Recommendation(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        String forum,
        LocalDate madeOn,
        String recommendation,
        @Nullable UUID addressedToId,
        @Nullable UUID recordedById,
        @Nullable String reply,
        @Nullable LocalDate repliedOn,
        @Nullable Outcome outcome,
        @Nullable String outcomeReason,
        @Nullable OffsetDateTime recordedAt,
        @Version long version)
        implements NodeType.Typed {

    public static final String TYPE = SchemaTypes.YOUTH_FORUM_RECOMMENDATION;

    public enum Outcome {
        ACCEPTED,
        PARTLY_ACCEPTED,
        NOT_ACCEPTED
    }

    boolean answered() {
        return repliedOn != null;
    }

    boolean addressedToBoard() {
        return addressedToId == null;
    }

    /** The day the reply is due: the reply time (a partnership setting) after the day it was made. */
    LocalDate replyDueOn(int replyDays) {
        return madeOn.plusDays(replyDays);
    }

    /** Open after the day its reply was due. */
    boolean overdueOn(LocalDate day, int replyDays) {
        return !answered() && day.isAfter(replyDueOn(replyDays));
    }

    Recommendation withDetails(String forum, LocalDate madeOn, String recommendation, @Nullable UUID addressedToId) {
        return new Recommendation(
                id,
                tenantId,
                forum,
                madeOn,
                recommendation,
                addressedToId,
                recordedById,
                reply,
                repliedOn,
                outcome,
                outcomeReason,
                recordedAt,
                version);
    }

    Recommendation withReply(
            @Nullable String reply,
            @Nullable LocalDate repliedOn,
            @Nullable Outcome outcome,
            @Nullable String outcomeReason) {
        return new Recommendation(
                id,
                tenantId,
                forum,
                madeOn,
                recommendation,
                addressedToId,
                recordedById,
                reply,
                repliedOn,
                outcome,
                outcomeReason,
                recordedAt,
                version);
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
