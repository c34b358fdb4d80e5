package uk.trustplatform.webhooks;

import uk.trustplatform.api.InputFields;

/** An endpoint to pause, resume or remove, at the version the caller read. */
record WebhookEndpointVersion(String id, long version) {

    static WebhookEndpointVersion from(InputFields input) {
        return new WebhookEndpointVersion(input.requiredString("id"), input.version("version"));
    }
}
