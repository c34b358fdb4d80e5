package uk.trustplatform.selfassessment;

import uk.trustplatform.actionplans.ActionInput;
import uk.trustplatform.api.InputFields;

/** What {@code addActionForSelfAssessmentGap} asks: the action, for the partner's plan, that answers a rated standard. */
record AddActionForSelfAssessmentGap(NamedStandard standard, String actionPlanId, ActionInput action) {

    static AddActionForSelfAssessmentGap from(InputFields input) {
        return new AddActionForSelfAssessmentGap(
                NamedStandard.from(input), input.requiredString("actionPlanId"), ActionInput.from(input));
    }
}
