package uk.trustplatform.actionplans;

import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Role;
import uk.trustplatform.partners.PartnerScope;

/**
 * Who may see and change action plans: the one place these rules live, for lists, node(id:),
 * nested fields and mutations alike. A plan belongs to its partner organisation.
 */
final class ActionPlanAccess {

    private ActionPlanAccess() {}

    /** Whole-tenant readers see every plan; a partner lead or integration its organisation's. */
    static boolean canRead(PartnerScope scope, ActionPlan plan) {
        return scope.covers(plan.partnerOrganisationId());
    }

    /** Writing actions and progress: tenant admins, and the organisation's partner lead or integration. */
    static boolean canWork(Caller caller, PartnerScope scope, ActionPlan plan) {
        boolean partner = caller.has(Role.PARTNER_LEAD) || caller.has(Role.PARTNER_INTEGRATION);
        return caller.administersTenant() || (partner && scope.covers(plan.partnerOrganisationId()));
    }

    /** Starting, submitting and removing actions: tenant admins and the organisation's partner lead, a person. */
    static boolean canKeep(Caller caller, PartnerScope scope, UUID organisation) {
        return caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && scope.covers(organisation));
    }

    /** Approving, returning and auditing: the board (its members and the tenant admin). */
    static boolean canDecide(Caller caller) {
        return caller.administersTenant() || (caller.inTenant() && caller.has(Role.BOARD_MEMBER));
    }
}
