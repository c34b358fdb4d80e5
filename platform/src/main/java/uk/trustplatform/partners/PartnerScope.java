package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The partner organisations a caller reaches: all of the tenant's (whole-tenant readers), one
 * agency and everything below it (its partner lead or integration), or none.
 *
 * <p>An agency's organisations are read from the hierarchy only when a question needs them: that
 * the agency reaches itself needs no query, and most of its requests are about itself.
 */
public final class PartnerScope {

    static final PartnerScope WHOLE_TENANT = new PartnerScope(null, () -> null);
    static final PartnerScope NONE = new PartnerScope(null, Set::of);
    private static final List<UUID> NIL = List.of(new UUID(0, 0));

    private final @Nullable UUID agency;
    private final Supplier<@Nullable Set<UUID>> read;
    private @Nullable Set<UUID> organisations;
    private boolean known;

    private PartnerScope(@Nullable UUID agency, Supplier<@Nullable Set<UUID>> read) {
        this.agency = agency;
        this.read = read;
    }

    /** {@code agency} and everything below it, read by {@code below} (which includes the agency) when first needed. */
    static PartnerScope agency(UUID agency, Supplier<Set<UUID>> below) {
        return new PartnerScope(agency, below::get);
    }

    public boolean covers(UUID organisation) {
        if (organisation.equals(agency)) {
            return true;
        }
        Set<UUID> reached = organisations();
        return reached == null || reached.contains(organisation);
    }

    public boolean wholeTenant() {
        return this == WHOLE_TENANT;
    }

    public boolean none() {
        return this == NONE;
    }

    /**
     * The organisations to put in a query's {@code IN (…)} list, which SQL cannot leave empty: for
     * the whole tenant (the query's own flag then skips the list) or for none, the nil UUID, which
     * no organisation has.
     */
    public Collection<UUID> inList() {
        Set<UUID> reached = organisations();
        return reached == null || reached.isEmpty() ? NIL : reached;
    }

    /**
     * The organisation at the top of those reached, for a query that walks the hierarchy below it
     * itself: null for the whole tenant (the query's own flag then skips the walk), the nil UUID,
     * which no organisation has, for none.
     */
    public @Nullable UUID root() {
        if (wholeTenant()) {
            return null;
        }
        return none() ? NIL.getFirst() : agency;
    }

    /** The organisations reached; null for the whole tenant. */
    synchronized @Nullable Set<UUID> organisations() {
        if (!known) {
            organisations = read.get();
            known = true;
        }
        return organisations;
    }
}
