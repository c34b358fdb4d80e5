package uk.trustplatform.selfassessment;

import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;
import uk.trustplatform.partners.PartnerScope;

/** Who may see, write and review self-assessments: the one place these rules live. An assessment belongs to its partner. */
final class SelfAssessmentAccess {

    private SelfAssessmentAccess() {}

    /** Whole-tenant readers (board members, the tenant admin) see every partner's; a partner lead or integration its own. */
    static boolean canRead(PartnerScope scope, UUID organisation) {
        return scope.covers(organisation);
    }

    /** Writing and submitting: the organisation's own partner lead, or the tenant admin (recording a returned form). */
    static boolean writes(Caller caller, PartnerScope scope, UUID organisation) {
        return caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && scope.covers(organisation));
    }

    static void requireWriter(Caller caller, PartnerScope scope, UUID organisation) {
        if (!writes(caller, scope, organisation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead writes its self-assessment.");
        }
    }

    /** Reviewing, and the board's views across partners: board members and the tenant admin. */
    static boolean reviews(Caller caller) {
        return caller.administersTenant() || (caller.inTenant() && caller.has(Role.BOARD_MEMBER));
    }
}
