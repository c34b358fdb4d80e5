package uk.trustplatform.configuration;

import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Role;

/**
 * Who may see and change configuration documents: the one place these rules live, for lists,
 * node(id:), editions, publishing and saving alike.
 */
final class DocumentAccess {

    private DocumentAccess() {}

    /**
     * Tenant-wide readers see every edition; other members see what is in force (the tenant's
     * shared configuration) and strategy drafts, which partners are asked to endorse; a partner's
     * personalised charter is seen by that partner too.
     */
    static boolean canRead(Caller caller, DocumentRecord document) {
        if (!caller.inTenant()) {
            return false;
        }
        if (caller.seesWholeTenant()) {
            return true;
        }
        if (document.partnerOrganisationId() != null) {
            return caller.speaksFor(document.partnerOrganisationId());
        }
        return document.status() == DocumentStatus.PUBLISHED
                || (document.kind() == DocumentKind.STRATEGY
                        && document.status().editable());
    }

    /**
     * What anyone may read of a tenant, whoever and wherever they are: its published shared
     * configuration (a partner's personalised charter stays the partner's).
     */
    static boolean publishedToAnyone(DocumentRecord document) {
        return document.status() == DocumentStatus.PUBLISHED && document.partnerOrganisationId() == null;
    }

    /** Tenant admins change the tenant's documents; a partner lead changes its own personalised charter. */
    static boolean canChange(Caller caller, DocumentRecord document) {
        if (caller.administersTenant()) {
            return true;
        }
        return document.partnerOrganisationId() != null
                && caller.has(Role.PARTNER_LEAD)
                && caller.speaksFor(document.partnerOrganisationId());
    }

    static boolean canCreate(Caller caller) {
        return caller.administersTenant();
    }
}
