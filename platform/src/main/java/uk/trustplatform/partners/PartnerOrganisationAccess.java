package uk.trustplatform.partners;

import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Role;

/**
 * Who may see and change a partner organisation and its people: the one place these rules live,
 * used by the lists, by {@code node(id:)}, by nested fields and by the mutations alike.
 */
final class PartnerOrganisationAccess {

    private PartnerOrganisationAccess() {}

    /** Tenant-wide readers see all; a partner lead or integration its organisation and everything below it. */
    static boolean canRead(PartnerScope scope, PartnerOrganisation organisation) {
        return scope.covers(organisation.id());
    }

    /** Tenant admins change any; a partner lead (a person, not an integration) its own organisation and what is below it. */
    static boolean canChange(Caller caller, PartnerScope scope, PartnerOrganisation organisation) {
        return caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && scope.covers(organisation.id()));
    }

    /** Tenant admins register anywhere; a partner lead adds services below its own organisation. */
    static boolean canRegisterUnder(Caller caller, PartnerScope scope, PartnerOrganisation parent) {
        return caller.administersTenant()
                || (parent != null && caller.has(Role.PARTNER_LEAD) && scope.covers(parent.id()));
    }

    /** Where an organisation sits, its category and whether it is statutory are the tenant's decisions. */
    static boolean decidesStanding(Caller caller) {
        return caller.administersTenant();
    }
}
