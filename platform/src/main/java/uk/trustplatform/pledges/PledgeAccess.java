package uk.trustplatform.pledges;

import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Role;
import uk.trustplatform.partners.PartnerScope;

/**
 * Who may see and act on the pledge register and Section 11 audits: the one place these rules
 * live. A registration or audit belongs to its partner organisation.
 */
final class PledgeAccess {

    private PledgeAccess() {}

    /** Whole-tenant readers see every partner's; a partner lead or integration its own organisation's. */
    static boolean canRead(PartnerScope scope, UUID organisation) {
        return scope.covers(organisation);
    }

    /** Signing, renewing, withdrawing and self-auditing: the tenant admin (recording a returned form) or the organisation's partner lead. */
    static boolean canActFor(Caller caller, PartnerScope scope, UUID organisation) {
        return caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && scope.covers(organisation));
    }

    /** Inviting partners and registering their pledges (issuing the badge): the tenant admin, the board's business manager. */
    static boolean keepsRegister(Caller caller) {
        return caller.administersTenant();
    }

    /** Moderating Section 11 audits: the board. */
    static boolean moderates(Caller caller) {
        return caller.administersTenant() || (caller.inTenant() && caller.has(Role.BOARD_MEMBER));
    }
}
