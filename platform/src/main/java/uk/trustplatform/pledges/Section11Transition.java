package uk.trustplatform.pledges;

import uk.trustplatform.api.InputFields;

/** What {@code submitSection11Audit} asks: the audit moved on from the version read. */
record Section11Transition(String id, long version) {

    static Section11Transition from(InputFields input) {
        return new Section11Transition(input.requiredString("id"), input.version("version"));
    }
}
