package uk.trustplatform.actionplans;

import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;

/** What the action-plan mutations return: the plan or action as saved, or why nothing was. */
final class Payloads {

    private Payloads() {}

    record PlanPayload(
            @Nullable ActionPlan actionPlan, @Nullable Integer carriedForward, List<UserError> userErrors) {

        static PlanPayload saved(ActionPlan plan) {
            return new PlanPayload(plan, null, List.of());
        }

        static PlanPayload refused(UserError problem) {
            return new PlanPayload(null, null, List.of(problem));
        }
    }

    record ActionPayload(@Nullable PlanAction action, List<UserError> userErrors) {

        static ActionPayload refused(List<UserError> problems) {
            return new ActionPayload(null, problems);
        }

        static ActionPayload refused(UserError problem) {
            return refused(List.of(problem));
        }
    }

    record RemovePayload(@Nullable String removedId, List<UserError> userErrors) {}
}
