package uk.trustplatform.pledges;

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
 * One criterion of a Section 11 audit as the partner rated it, and as the board moderated it.
 *
 * @param criterionText what the criterion asked when the audit was started
 * @param rag RED, AMBER or GREEN; null until rated
 */
@MappedEntity(value = "section11_entry", namingStrategy = ColumnNames.class)
record Section11Entry(
        @Id UUID id,
        @TenantId @TypeDef(type = DataType.UUID) String tenantId,
        UUID auditId,
        int position,
        String standard,
        String criterion,
        @Nullable String criterionText,
        @Nullable String rag,
        @Nullable String narrative,
        @Nullable String evidence,
        @Nullable String moderatedRag,
        @Nullable String moderatorComment,
        @Version long version) {

    static final String TYPE = SchemaTypes.SECTION11_ENTRY;

    Section11Entry rated(@Nullable String newRag, @Nullable String newNarrative, @Nullable String newEvidence) {
        return new Section11Entry(
                id,
                tenantId,
                auditId,
                position,
                standard,
                criterion,
                criterionText,
                newRag,
                newNarrative,
                newEvidence,
                moderatedRag,
                moderatorComment,
                version);
    }

    Section11Entry moderated(@Nullable String newRag, @Nullable String comment) {
        return new Section11Entry(
                id,
                tenantId,
                auditId,
                position,
                standard,
                criterion,
                criterionText,
                rag,
                narrative,
                evidence,
                newRag,
                comment,
                version);
    }
}
