package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The partner organisations a caller reaches: all of the tenant's (whole-tenant readers), one
 * agency and everything below it (its partner lead or integration), or none.
 *
 * @param organisations the organisations reached; null for the whole tenant
 */
public record PartnerScope(@Nullable Set<UUID> organisations) {

    static final PartnerScope WHOLE_TENANT = new PartnerScope(null);
    static final PartnerScope NONE = new PartnerScope(Set.of());
    private static final List<UUID> NIL = List.of(new UUID(0, 0));

    public boolean covers(UUID organisation) {
        return organisations == null || organisations.contains(organisation);
    }

    public boolean wholeTenant() {
        return organisations == null;
    }

    /**
     * The organisations to put in a query's {@code IN (…)} list, which SQL cannot leave empty: for
     * the whole tenant (the query's own flag then skips the list) or for none, the nil UUID, which
     * no organisation has.
     */
    public Collection<UUID> inList() {
        return organisations == null || organisations.isEmpty() ? NIL : organisations;
    }
}
