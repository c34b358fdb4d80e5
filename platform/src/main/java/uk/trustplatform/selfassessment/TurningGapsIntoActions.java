package uk.trustplatform.selfassessment;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.actionplans.AddingActions;
import uk.trustplatform.actionplans.AddingActions.Added;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.partners.PartnerDirectory;

/**
 * A gap becomes work: from a rated standard of its self-assessment, the partner adds an action to
 * its action plan (Medway: "Using the examples and barriers that have been identified in the
 * self-assessment … develop an action plan"), and the action keeps which standard it answers.
 */
@Singleton
final class TurningGapsIntoActions {

    private final RatedStandards standards;
    private final AddingActions adding;
    private final GapActions links;
    private final PartnerDirectory partners;
    private final AuditTrail audit;

    TurningGapsIntoActions(
            RatedStandards standards,
            AddingActions adding,
            GapActions links,
            PartnerDirectory partners,
            AuditTrail audit) {
        this.standards = standards;
        this.adding = adding;
        this.links = links;
        this.partners = partners;
        this.audit = audit;
    }

    Added addAction(Caller caller, AddActionForSelfAssessmentGap gap) {
        UUID tenantId = caller.requireTenant();
        RatedStandards.Found found = standards.find(caller, gap.standard());
        ReadingSelfAssessments.Located located = found.located();
        if (located == null) {
            return new Added(null, found.problems());
        }
        SelfAssessment assessment = located.assessment();
        SelfAssessmentRating rating = located.rating();
        SelfAssessmentAccess.requireWriter(caller, partners.scope(caller), assessment.partnerOrganisationId());
        if (rating.level() == null) {
            return new Added(
                    null,
                    List.of(UserError.of(
                            Code.NOT_ALLOWED,
                            "Rate " + (rating.criterion().equals(rating.standard()) ? "standard " : "criterion ")
                                    + rating.criterion() + " before adding an action for it.",
                            "input",
                            "standard")));
        }
        Added added = adding.toPlanOf(caller, assessment.partnerOrganisationId(), gap.actionPlanId(), gap.action());
        if (added.action() == null) {
            return added;
        }
        GapAction link = links.save(new GapAction(added.action().id(), assessment.tenantId(), rating.id()));
        audit.record(tenantId, "SelfAssessment.actionAdded", SelfAssessment.TYPE, assessment.id(), null, link);
        return added;
    }
}
