package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PerRequestLoader;

/**
 * Reads the people of partner organisations: seen by whole-tenant readers and by the partner lead
 * or integration of their organisation (or of one above it), never by other partners.
 */
@Singleton
final class ReadingPartnerPeople implements NodeResolver {

    static final String BY_ID = "partnerPeopleById";
    static final String OF_ORGANISATION = "partnerPeopleOfOrganisation";

    private final PartnerPeople people;
    private final ReadingPartnerOrganisations organisations;

    ReadingPartnerPeople(PartnerPeople people, ReadingPartnerOrganisations organisations) {
        this.people = people;
        this.organisations = organisations;
    }

    Optional<PartnerPerson> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = organisations.scope(caller);
        return people.findById(id).filter(person -> scope.covers(person.partnerOrganisationId()));
    }

    @Override
    public Set<String> types() {
        return Set.of(PartnerPerson.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    Map<UUID, PartnerPerson> byId(Set<UUID> ids) {
        PartnerScope scope = organisations.currentScope();
        return people.findByIdIn(ids).stream()
                .filter(person -> scope.covers(person.partnerOrganisationId()))
                .collect(Collectors.toMap(PartnerPerson::id, Function.identity()));
    }

    Map<UUID, List<PartnerPerson>> ofOrganisations(Set<UUID> ids) {
        PartnerScope scope = organisations.currentScope();
        return PerRequestLoader.grouped(
                ids,
                people.findByPartnerOrganisationIdInOrderByName(ids).stream()
                        .filter(person -> scope.covers(person.partnerOrganisationId()))
                        .toList(),
                PartnerPerson::partnerOrganisationId);
    }
}
