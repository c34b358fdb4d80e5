package uk.trustplatform.pledges;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.audit.AgencyRecords;
import uk.trustplatform.partners.PartnerDirectory;

/**
 * An agency's pledges and Section 11 audits for its part of the audit trail: a rated entry is
 * recorded under its audit, which the entry's state does not tie to the agency.
 */
@Singleton
final class AgencyPledges implements AgencyRecords {

    private final PledgeRegistrations registrations;
    private final Section11Audits audits;
    private final PartnerDirectory partners;

    AgencyPledges(PledgeRegistrations registrations, Section11Audits audits, PartnerDirectory partners) {
        this.registrations = registrations;
        this.audits = audits;
        this.partners = partners;
    }

    @Override
    public Set<UUID> of(Caller caller) {
        Collection<UUID> organisations = partners.scope(caller).inList();
        Set<UUID> records = new HashSet<>();
        registrations
                .ofOrganisations(caller.requireTenant(), organisations)
                .forEach(registration -> records.add(registration.id()));
        audits.findByPartnerOrganisationIdIn(organisations).forEach(audit -> records.add(audit.id()));
        return records;
    }
}
