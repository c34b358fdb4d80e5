package uk.trustplatform.configuration;

import uk.trustplatform.api.InputFields;

/** Putting a draft edition in force, at the version the caller read. */
record PublishDocument(String id, long version) {

    static PublishDocument from(InputFields input) {
        return new PublishDocument(input.requiredString("id"), input.version("version"));
    }
}
