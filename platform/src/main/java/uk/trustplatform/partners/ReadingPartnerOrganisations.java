package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.RequestContext;

/** Reads partner organisations for a caller, always through {@link PartnerOrganisationAccess}. */
@Singleton
final class ReadingPartnerOrganisations implements NodeResolver, PerRequestLoader<UUID, PartnerOrganisation> {

    static final String BY_ID = "partnerOrganisationsById";
    private final PartnerOrganisations organisations;

    ReadingPartnerOrganisations(PartnerOrganisations organisations) {
        this.organisations = organisations;
    }

    /** One page of what the caller may see, by name. */
    Connection<PartnerOrganisation> page(Caller caller, PageRequest page) {
        UUID tenantId = caller.requireTenant();
        UUID scope = caller.seesWholeTenant() ? null : caller.partnerOrganisationId();
        if (scope == null && !caller.seesWholeTenant()) {
            return Connection.fromRowsPlusOne(List.of(), page, PartnerOrganisation::name);
        }
        var rows = organisations.page(
                tenantId,
                scope,
                page.continues() ? page.afterKey(0) : null,
                page.continues() ? page.afterKey(1) : null,
                page.fetchSize());
        return Connection.fromRowsPlusOne(
                rows, page, row -> PageRequest.cursor(row.name(), row.id().toString()));
    }

    /** The organisation if the caller may see it. */
    Optional<PartnerOrganisation> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        return organisations
                .findById(id)
                .filter(organisation -> PartnerOrganisationAccess.canRead(caller, organisation));
    }

    @Override
    public Set<String> types() {
        return Set.of(PartnerOrganisation.TYPE);
    }

    @Override
    public Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    @Override
    public String name() {
        return BY_ID;
    }

    @Override
    public Map<UUID, PartnerOrganisation> loadAll(Set<UUID> ids) {
        Caller caller = RequestContext.current().map(RequestContext::caller).orElseGet(Caller::anonymous);
        if (!caller.inTenant()) {
            return Map.of();
        }
        return organisations.findByIdIn(ids).stream()
                .filter(organisation -> PartnerOrganisationAccess.canRead(caller, organisation))
                .collect(Collectors.toMap(PartnerOrganisation::id, Function.identity()));
    }
}
