package uk.trustplatform.actionplans;

import uk.trustplatform.api.InputFields;

/** What {@code removeAction} asks: the action taken out of its plan, at the version read. */
record RemoveAction(String id, long version) {

    static RemoveAction from(InputFields input) {
        return new RemoveAction(input.requiredString("id"), input.version("version"));
    }
}
