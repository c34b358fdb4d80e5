package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.configuration.InForceConfiguration;

/**
 * The partners a board should follow up: no strategic lead, or fewer participation champions
 * than the tenant asks for. A top-level partner counts the people of its whole hierarchy (Medway
 * asks for champions "across their organisation"). One query for the whole tenant.
 */
@Singleton
final class FindingPartnerGaps {

    /** What the schema's PartnerGaps shows; the organisations are loaded by id. */
    record Gaps(int minimumParticipationChampions, List<UUID> withoutStrategicLead, List<Shortfall> tooFewChampions) {}

    record Shortfall(UUID partnerOrganisationId, int champions) {}

    /** One top-level partner's side of the same rule, for the partner itself to see (OrganisationGaps). */
    record OfOrganisation(boolean hasStrategicLead, int participationChampions, int minimumParticipationChampions) {}

    static final String OF_ORGANISATION = "gapsOfOrganisation";

    private final CountingPartners counting;
    private final InForceConfiguration configuration;

    FindingPartnerGaps(CountingPartners counting, InForceConfiguration configuration) {
        this.counting = counting;
        this.configuration = configuration;
    }

    /** Every top-level partner's gaps among {@code organisations}, counted in one query; services have none. */
    Map<UUID, OfOrganisation> ofOrganisations(Set<UUID> organisations) {
        UUID tenantId = RequestContext.current().orElseThrow().caller().requireTenant();
        int minimum = configuration.settings(tenantId).minimumParticipationChampions();
        return counting.byTopLevelPartner(tenantId).stream()
                .filter(counts -> organisations.contains(counts.partnerOrganisationId()))
                .collect(Collectors.toMap(
                        PartnerFigures::partnerOrganisationId,
                        counts -> new OfOrganisation(counts.strategicLeads() > 0, counts.champions(), minimum)));
    }

    Gaps find(Caller caller) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only tenant admins and board members see partners' gaps.");
        }
        int minimum = configuration.settings(tenantId).minimumParticipationChampions();
        List<PartnerFigures> counts = counting.byTopLevelPartner(tenantId);
        return new Gaps(
                minimum,
                counts.stream()
                        .filter(c -> c.strategicLeads() == 0)
                        .map(PartnerFigures::partnerOrganisationId)
                        .toList(),
                counts.stream()
                        .filter(c -> c.champions() < minimum)
                        .sorted(Comparator.comparingInt(PartnerFigures::champions))
                        .map(c -> new Shortfall(c.partnerOrganisationId(), c.champions()))
                        .toList());
    }
}
