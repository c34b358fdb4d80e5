package uk.trustplatform.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.notifications.EventKind;

/**
 * An endpoint to post events to, as the caller sent it, texts trimmed; no organisation: a
 * partner lead's own agency, or for a tenant admin the partnership.
 */
record RegisterWebhookEndpoint(
        @Nullable String partnerOrganisationId,
        @Nullable String url,
        List<EventKind> eventKinds,
        @Nullable String contactEmail,
        @Nullable String description) {

    static RegisterWebhookEndpoint from(InputFields input) {
        return new RegisterWebhookEndpoint(
                Inputs.trimmed(input.string("partnerOrganisationId")),
                Inputs.trimmed(input.string("url")),
                input.strings("eventKinds").stream().map(EventKind::valueOf).toList(),
                Inputs.trimmed(input.string("contactEmail")),
                Inputs.trimmed(input.string("description")));
    }
}
