package uk.trustplatform.partners;

import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Role;

/**
 * Who may see and change a partner organisation: the one place these rules live, used by the
 * list, by {@code node(id:)}, by nested fields and by the mutations alike.
 */
final class PartnerOrganisationAccess {

    private PartnerOrganisationAccess() {}

    /** Tenant-wide readers see all; a partner lead or integration sees its organisation and the services below it. */
    static boolean canRead(Caller caller, PartnerOrganisation organisation) {
        return caller.seesWholeTenant()
                || caller.speaksFor(organisation.id())
                || (organisation.parentId() != null && caller.speaksFor(organisation.parentId()));
    }

    /** Tenant admins change any; a partner lead (a person, not an integration) only its own organisation. */
    static boolean canChange(Caller caller, PartnerOrganisation organisation) {
        return caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && caller.speaksFor(organisation.id()));
    }

    static boolean canRegister(Caller caller) {
        return caller.administersTenant();
    }

    /** Where an organisation sits in the hierarchy is the tenant's decision, not the partner's. */
    static boolean canMove(Caller caller) {
        return caller.administersTenant();
    }
}
