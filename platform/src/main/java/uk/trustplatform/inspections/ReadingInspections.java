package uk.trustplatform.inspections;

import jakarta.inject.Singleton;
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
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/**
 * Reads inspections: whole-tenant readers (tenant admins, board members) see every partner's, a
 * partner lead or integration those of its organisation and the services below it.
 */
@Singleton
final class ReadingInspections implements NodeResolver {

    /** The list, latest inspection first. */
    static final CursorShape CURSORS = CursorShape.of("inspections", Part.DATE, Part.UUID);

    private final Inspections inspections;
    private final PartnerDirectory partners;

    ReadingInspections(Inspections inspections, PartnerDirectory partners) {
        this.inspections = inspections;
        this.partners = partners;
    }

    Connection<Inspection> page(Caller caller, PageRequest page) {
        return partners.page(caller, page, inspections::page, row -> page.cursor(row.inspectedOn(), row.id()));
    }

    Optional<Inspection> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return inspections.findById(id).filter(inspection -> scope.covers(inspection.partnerOrganisationId()));
    }

    @Override
    public Set<String> types() {
        return Set.of(Inspection.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }
}
