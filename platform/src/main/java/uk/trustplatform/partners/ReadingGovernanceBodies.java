package uk.trustplatform.partners;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.PerRequestLoader;

/**
 * Reads governance bodies: every member of the tenant sees them (the partnership's structure is
 * no secret within it); who sits on them is shown through the organisation and person rules.
 */
@Singleton
final class ReadingGovernanceBodies implements NodeResolver {

    /** The bodies, by name. */
    static final CursorShape CURSORS = CursorShape.of("governanceBodies", Part.TEXT, Part.UUID);

    static final String MEMBERSHIPS = "governanceMemberships";

    private final GovernanceBodies bodies;
    private final GovernanceMemberships memberships;

    ReadingGovernanceBodies(GovernanceBodies bodies, GovernanceMemberships memberships) {
        this.bodies = bodies;
        this.memberships = memberships;
    }

    Connection<GovernanceBody> page(Caller caller, PageRequest page) {
        UUID tenantId = caller.requireTenant();
        List<GovernanceBody> rows = bodies.page(
                tenantId,
                page.continues() ? page.afterKey(0) : null,
                page.continues() ? page.afterKey(1) : null,
                page.fetchSize());
        return Connection.fromRowsPlusOne(rows, page, row -> page.cursor(row.name(), row.id()));
    }

    Optional<GovernanceBody> visible(Caller caller, UUID id) {
        return caller.inTenant() ? bodies.findById(id) : Optional.empty();
    }

    @Override
    public Set<String> types() {
        return Set.of(GovernanceBody.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    Map<UUID, List<GovernanceMembership>> membershipsOf(Set<UUID> ids) {
        return PerRequestLoader.grouped(
                ids, memberships.findByGovernanceBodyIdIn(ids), GovernanceMembership::governanceBodyId);
    }
}
