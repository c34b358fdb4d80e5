package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.RequestMemo;
import uk.trustplatform.api.Role;

/** Reads partner organisations for a caller, always through {@link PartnerOrganisationAccess}. */
@Singleton
final class ReadingPartnerOrganisations implements NodeResolver {

    /** The directory's list, by name. */
    static final CursorShape CURSORS = CursorShape.of("partnerOrganisations", Part.TEXT, Part.UUID);

    static final String BY_ID = "partnerOrganisationsById";
    static final String SERVICES = "partnerOrganisationServices";
    static final String DESCENDANTS = "partnerOrganisationDescendants";
    private final PartnerOrganisations organisations;

    ReadingPartnerOrganisations(PartnerOrganisations organisations) {
        this.organisations = organisations;
    }

    /** The key of a caller's scope in its request's memo. */
    private record ScopeOf(Caller caller) {}

    /** The organisations the caller reaches, worked out once per request. */
    PartnerScope scope(Caller caller) {
        return RequestMemo.of(new ScopeOf(caller), () -> freshScope(caller));
    }

    /** After a change to the hierarchy, so that the rest of the request sees it. */
    static void hierarchyChanged() {
        RequestMemo.forget(ScopeOf.class);
    }

    private PartnerScope freshScope(Caller caller) {
        if (!caller.inTenant()) {
            return PartnerScope.NONE;
        }
        if (caller.seesWholeTenant()) {
            return PartnerScope.WHOLE_TENANT;
        }
        boolean partnerRole = caller.has(Role.PARTNER_LEAD) || caller.has(Role.PARTNER_INTEGRATION);
        UUID agency = caller.partnerOrganisationId();
        if (!partnerRole || agency == null) {
            return PartnerScope.NONE;
        }
        UUID tenantId = caller.requireTenant();
        return PartnerScope.agency(agency, () -> subtree(tenantId, agency));
    }

    /** {@code root} and everything below it. */
    Set<UUID> subtree(UUID tenantId, UUID root) {
        return Set.copyOf(organisations.subtree(tenantId, root));
    }

    /** The scope of the request being executed, for batch loads. */
    PartnerScope currentScope() {
        return scope(RequestContext.currentCaller());
    }

    /** One page of what the caller may see, by name. */
    Connection<PartnerOrganisation> page(Caller caller, PageRequest page) {
        UUID tenantId = caller.requireTenant();
        PartnerScope scope = scope(caller);
        if (scope.none()) {
            return Connection.fromRowsPlusOne(List.of(), page, PartnerOrganisation::name);
        }
        var rows = organisations.page(
                tenantId,
                scope.wholeTenant() ? null : caller.partnerOrganisationId(),
                page.continues() ? page.afterKey(0) : null,
                page.continues() ? page.afterKey(1) : null,
                page.fetchSize());
        return Connection.fromRowsPlusOne(rows, page, row -> page.cursor(row.name(), row.id()));
    }

    /** The organisation if the caller may see it. */
    Optional<PartnerOrganisation> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = scope(caller);
        return organisations
                .findById(id)
                .filter(organisation -> PartnerOrganisationAccess.canRead(scope, organisation));
    }

    @Override
    public Set<String> types() {
        return Set.of(PartnerOrganisation.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    /** The organisations with these ids that the current caller may see. */
    Map<UUID, PartnerOrganisation> byId(Set<UUID> ids) {
        return visible(RequestContext.currentCaller(), ids);
    }

    /** The organisations with these ids that the caller may see. */
    Map<UUID, PartnerOrganisation> visible(Caller caller, Collection<UUID> ids) {
        PartnerScope scope = scope(caller);
        if (scope.none() || ids.isEmpty()) {
            return Map.of();
        }
        return organisations.findByIdIn(ids).stream()
                .filter(organisation -> PartnerOrganisationAccess.canRead(scope, organisation))
                .collect(Collectors.toMap(PartnerOrganisation::id, Function.identity()));
    }

    /** Organisations by id, in the current transaction's tenant, with no caller's scope: see PartnerDirectory#published. */
    Map<UUID, PartnerOrganisation> published(Collection<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : organisations.findByIdIn(ids).stream()
                        .collect(Collectors.toMap(PartnerOrganisation::id, Function.identity()));
    }

    /** Each organisation's services, directly below it, by name. */
    Map<UUID, List<PartnerOrganisation>> servicesOf(Set<UUID> parents) {
        PartnerScope scope = currentScope();
        return PerRequestLoader.grouped(
                parents,
                organisations.findByParentIdInOrderByName(parents).stream()
                        .filter(organisation -> PartnerOrganisationAccess.canRead(scope, organisation))
                        .toList(),
                ReadingPartnerOrganisations::parentOf);
    }

    /** Everything below each root, nearest first and then by name, from one query for all roots. */
    Map<UUID, List<PartnerOrganisation>> descendantsOf(Set<UUID> roots) {
        PartnerScope scope = currentScope();
        List<PartnerOrganisation> below = scope.none()
                ? List.of()
                : organisations
                        .below(RequestContext.current().orElseThrow().caller().requireTenant(), roots)
                        .stream()
                        .filter(organisation -> PartnerOrganisationAccess.canRead(scope, organisation))
                        .toList();
        Map<UUID, List<PartnerOrganisation>> children =
                PerRequestLoader.grouped(List.of(), below, ReadingPartnerOrganisations::parentOf);
        Map<UUID, List<PartnerOrganisation>> descendants = new HashMap<>();
        roots.forEach(root -> descendants.put(root, levelByLevel(root, children)));
        return descendants;
    }

    private static UUID parentOf(PartnerOrganisation below) {
        return Objects.requireNonNull(below.parentId(), "an organisation below another has a parent");
    }

    private static List<PartnerOrganisation> levelByLevel(UUID root, Map<UUID, List<PartnerOrganisation>> children) {
        List<PartnerOrganisation> found = new ArrayList<>();
        Set<UUID> seen = new HashSet<>(Set.of(root));
        List<PartnerOrganisation> level = children.getOrDefault(root, List.of()).stream()
                .filter(organisation -> seen.add(organisation.id()))
                .toList();
        while (!level.isEmpty()) {
            found.addAll(level);
            level = level.stream()
                    .flatMap(organisation -> children.getOrDefault(organisation.id(), List.of()).stream())
                    .filter(organisation -> seen.add(organisation.id()))
                    .sorted(Comparator.comparing(PartnerOrganisation::name))
                    .toList();
        }
        return found;
    }
}
