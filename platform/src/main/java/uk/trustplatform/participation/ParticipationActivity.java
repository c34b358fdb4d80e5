package uk.trustplatform.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.SchemaTypes;

/**
 * One consultation or engagement activity of a partner, and its feedback loop (the tenant id as
 * text: see {@code PartnerOrganisation}).
 *
 * @param decisionStage the stage of Medway's commissioning cycle the decision it informs is at
 * @param decisionDueOn when that decision is due; the activity's start day or later
 * @param ageBands labels of the tenant's age bands the activity is aimed at
 * @param audienceGroups codes of the tenant's audience groups (looked-after children, young carers …)
 * @param methods codes of the tenant's participation methods
 * @param participants how many took part, once known
 * @param ladderRung the rung of Hart's ladder of participation it reached (1 manipulation … 8
 *     young people initiate, decisions shared with adults)
 * @param youSaid what the participants said, once fed back
 * @param weDid what was done about it
 * @param feedbackGivenOn when the participants were told
 */
@MappedEntity(value = "participation_activity", namingStrategy = ColumnNames.class)
public record ParticipationActivity(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID partnerOrganisationId,
        String title,
        String purpose,
        @Nullable String decisionInformed,
        @Nullable DecisionStage decisionStage,
        @Nullable LocalDate decisionDueOn,
        LocalDate startsOn,
        LocalDate endsOn,
        @TypeDef(type = DataType.STRING_ARRAY) String[] ageBands,
        @TypeDef(type = DataType.STRING_ARRAY) String[] audienceGroups,
        @TypeDef(type = DataType.STRING_ARRAY) String[] methods,
        @Nullable Integer participants,
        @Nullable Integer ladderRung,
        @Nullable HearByRightStage hearByRightStage,
        @Nullable LocalDate feedbackDueOn,
        @Nullable String youSaid,
        @Nullable String weDid,
        @Nullable LocalDate feedbackGivenOn,
        @Nullable String feedbackMethod,
        @Nullable OffsetDateTime recordedAt,
        @Version long version)
        implements NodeType.Typed, Audited {

    public static final String TYPE = SchemaTypes.PARTICIPATION_ACTIVITY;

    /** Medway's commissioning cycle: understand, plan, do, review. */
    public enum DecisionStage {
        UNDERSTAND,
        PLAN,
        DO,
        REVIEW
    }

    /** Hear by Right's stages of an organisation's practice. */
    public enum HearByRightStage {
        EMERGING,
        ESTABLISHED,
        ADVANCED
    }

    /** Where the activity stands on a day: the feedback loop is closed once participants were told. */
    public enum Stage {
        PLANNED,
        UNDER_WAY,
        AWAITING_FEEDBACK,
        FEEDBACK_OVERDUE,
        FEEDBACK_GIVEN
    }

    public Stage stageOn(LocalDate day) {
        if (feedbackGivenOn != null) {
            return Stage.FEEDBACK_GIVEN;
        }
        if (day.isBefore(startsOn)) {
            return Stage.PLANNED;
        }
        if (!day.isAfter(endsOn)) {
            return Stage.UNDER_WAY;
        }
        return feedbackDueOn != null && day.isAfter(feedbackDueOn) ? Stage.FEEDBACK_OVERDUE : Stage.AWAITING_FEEDBACK;
    }

    /** Whether the decision is due before the feedback: the participants would hear back after it is made. */
    boolean feedbackDueAfterDecision() {
        return decisionDueOn != null && feedbackDueOn != null && decisionDueOn.isBefore(feedbackDueOn);
    }

    ParticipationActivity withFeedback(String said, String did, LocalDate givenOn, @Nullable String method) {
        return new ParticipationActivity(
                id,
                tenantId,
                partnerOrganisationId,
                title,
                purpose,
                decisionInformed,
                decisionStage,
                decisionDueOn,
                startsOn,
                endsOn,
                ageBands,
                audienceGroups,
                methods,
                participants,
                ladderRung,
                hearByRightStage,
                feedbackDueOn,
                said,
                did,
                givenOn,
                method,
                recordedAt,
                version);
    }

    /** The age bands and audience groups it is aimed at, as the calendar compares them. */
    List<ParticipationCalendar.Audience> audiences() {
        return Stream.concat(
                        Arrays.stream(ageBands).map(ParticipationCalendar.Audience::ageBand),
                        Arrays.stream(audienceGroups).map(ParticipationCalendar.Audience::group))
                .toList();
    }

    @Override
    public String graphQLType() {
        return TYPE;
    }
}
