package uk.trustplatform.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.api.SchemaTypes;

/**
 * One standard of a self-assessment (or one criterion, where the standard has them) as the
 * partner rated it.
 *
 * @param criterion the criterion's number, or the standard's where it has none
 * @param title what the criterion asks, or the standard's title, when the assessment was started
 * @param level a level of the assessment's scale; null until rated
 * @param whatYoungPeopleSay what children and young people say about it (Hear by Right asks for it as evidence)
 */
@MappedEntity(value = "self_assessment_rating", namingStrategy = ColumnNames.class)
record SelfAssessmentRating(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID assessmentId,
        int position,
        String standard,
        String criterion,
        @Nullable String title,
        @Nullable String level,
        @Nullable String evidence,
        @Nullable String whatYoungPeopleSay,
        @Version long version) {

    static final String TYPE = SchemaTypes.SELF_ASSESSMENT_RATING;

    SelfAssessmentRating rated(@Nullable String newLevel, @Nullable String newEvidence, @Nullable String newSay) {
        return new SelfAssessmentRating(
                id,
                tenantId,
                assessmentId,
                position,
                standard,
                criterion,
                title,
                newLevel,
                newEvidence,
                newSay,
                version);
    }
}
