package uk.trustplatform.configuration;

import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;

/**
 * What one edition of a configuration document says: an immutable value, stored as JSON with its
 * edition and read back as the same record.
 */
public sealed interface DocumentContent
        permits StandardsFrameworkContent,
                StrategyContent,
                ActionPlanTemplateContent,
                CharterContent,
                PledgeContent,
                VocabulariesContent,
                GuidanceContent {

    /** Every rule this content breaks; fields are paths below {@code at}. */
    List<UserError> problems(Problems at, Standards standards);

    /** The strategy period or template period, where the kind has one. */
    default @Nullable Integer periodStart() {
        return null;
    }

    default @Nullable Integer periodEnd() {
        return null;
    }
}
