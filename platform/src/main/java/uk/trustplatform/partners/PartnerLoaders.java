package uk.trustplatform.partners;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.PerRequestLoader;

/** The partners feature's batch loaders, so a list of organisations costs one query per field, not one per row. */
@Factory
final class PartnerLoaders {

    @Singleton
    PerRequestLoader<UUID, PartnerOrganisation> organisationsById(ReadingPartnerOrganisations reading) {
        return PerRequestLoader.of(ReadingPartnerOrganisations.BY_ID, reading::byId);
    }

    @Singleton
    PerRequestLoader<UUID, List<PartnerOrganisation>> services(ReadingPartnerOrganisations reading) {
        return PerRequestLoader.of(ReadingPartnerOrganisations.SERVICES, reading::servicesOf);
    }

    @Singleton
    PerRequestLoader<UUID, List<PartnerOrganisation>> descendants(ReadingPartnerOrganisations reading) {
        return PerRequestLoader.of(ReadingPartnerOrganisations.DESCENDANTS, reading::descendantsOf);
    }

    @Singleton
    PerRequestLoader<UUID, PartnerPerson> peopleById(ReadingPartnerPeople reading) {
        return PerRequestLoader.of(ReadingPartnerPeople.BY_ID, reading::byId);
    }

    @Singleton
    PerRequestLoader<UUID, List<PartnerPerson>> peopleOf(ReadingPartnerPeople reading) {
        return PerRequestLoader.of(ReadingPartnerPeople.OF_ORGANISATION, reading::ofOrganisations);
    }

    @Singleton
    PerRequestLoader<UUID, FindingPartnerGaps.OfOrganisation> gapsOf(FindingPartnerGaps gaps) {
        return PerRequestLoader.of(FindingPartnerGaps.OF_ORGANISATION, gaps::ofOrganisations);
    }

    @Singleton
    PerRequestLoader<UUID, List<GovernanceMembership>> memberships(ReadingGovernanceBodies reading) {
        return PerRequestLoader.of(ReadingGovernanceBodies.MEMBERSHIPS, reading::membershipsOf);
    }
}
