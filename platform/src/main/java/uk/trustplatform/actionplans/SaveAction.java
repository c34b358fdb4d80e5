package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import uk.trustplatform.api.InputFields;

/**
 * What {@code saveAction} asks: with an {@code id}, change that action (at the version read);
 * without one, add the action to the plan {@code actionPlanId} names.
 */
record SaveAction(
        @Nullable String id, long version, @Nullable String actionPlanId, ActionInput action) {

    static SaveAction from(InputFields input) {
        return new SaveAction(
                input.string("id"), input.version("version"), input.string("actionPlanId"), ActionInput.from(input));
    }
}
