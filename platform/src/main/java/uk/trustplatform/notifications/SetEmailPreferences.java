package uk.trustplatform.notifications;

import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;

/**
 * A link holder's new choices; {@code tenantSlug}, when given, is the partnership whose page the
 * link was opened on.
 */
record SetEmailPreferences(@Nullable String link, @Nullable String tenantSlug, List<Choice> choices) {

    /** One kind's new choice, at the version read. */
    record Choice(EventKind kind, EmailChoice choice, long version) {

        static Choice from(InputFields input) {
            return new Choice(
                    EventKind.valueOf(input.requiredString("kind")),
                    EmailChoice.valueOf(input.requiredString("choice")),
                    input.version("version"));
        }
    }

    static SetEmailPreferences from(InputFields input) {
        return new SetEmailPreferences(
                Inputs.trimmed(input.string("link")),
                Inputs.trimmed(input.string("tenantSlug")),
                input.objects("choices").stream().map(Choice::from).toList());
    }
}
