package uk.trustplatform.partners;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
        return keeps(caller, scope, organisation.id());
    }

    /**
     * Who keeps an organisation's records (its people, its participation register): tenant admins,
     * and a partner lead (a person, not an integration) of it or of one above it.
     */
    static boolean keeps(Caller caller, PartnerScope scope, UUID organisation) {
        return caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && scope.covers(organisation));
    }

    /** Tenant admins register anywhere; a partner lead adds services below its own organisation. */
    static boolean canRegisterUnder(Caller caller, PartnerScope scope, @Nullable PartnerOrganisation parent) {
        return caller.administersTenant()
                || (parent != null && caller.has(Role.PARTNER_LEAD) && scope.covers(parent.id()));
    }

    /** Where an organisation sits, its category and whether it is statutory are the tenant's decisions. */
    static boolean decidesStanding(Caller caller) {
        return caller.administersTenant();
    }
}
