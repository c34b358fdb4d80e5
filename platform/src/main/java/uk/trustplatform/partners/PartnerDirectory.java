package uk.trustplatform.partners;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.PageRequest;

/**
 * The partners feature for the features built on it (action plans, pledges): which organisations
 * a caller reaches, and an organisation if the caller may see it. Fields of type
 * PartnerOrganisation load through the DataLoader named {@link #BY_ID}.
 */
@Singleton
public final class PartnerDirectory {

    public static final String BY_ID = ReadingPartnerOrganisations.BY_ID;

    private final ReadingPartnerOrganisations reading;
    private final CountingPartners counting;

    /**
     * A keyset-paged query of rows that belong to partner organisations, sorted on two keys.
     * {@code everyone} is true for whole-tenant readers; otherwise only {@code organisations}' rows
     * count. The {@code after} keys are the last page's, or null for the first page.
     */
    @FunctionalInterface
    public interface ScopedPageQuery<T> {
        List<T> rows(
                UUID tenantId,
                boolean everyone,
                Collection<UUID> organisations,
                @Nullable String afterFirst,
                @Nullable String afterSecond,
                int limit);
    }

    /**
     * A keyset-paged query, as {@link ScopedPageQuery}, that walks the hierarchy itself: unless
     * {@code everyone}, only the rows of {@code root} and the organisations below it count.
     */
    @FunctionalInterface
    public interface SubtreePageQuery<T> {
        List<T> rows(
                UUID tenantId,
                boolean everyone,
                @Nullable UUID root,
                @Nullable String afterFirst,
                @Nullable String afterSecond,
                int limit);
    }

    PartnerDirectory(ReadingPartnerOrganisations reading, CountingPartners counting) {
        this.reading = reading;
        this.counting = counting;
    }

    /** Each top-level partner of the current transaction's tenant with its category and people in roles. */
    public List<PartnerFigures> figures(UUID tenantId) {
        return counting.byTopLevelPartner(tenantId);
    }

    /** One page of partner-owned rows, of the organisations the caller reaches. */
    public <T> Connection<T> page(
            Caller caller, PageRequest page, ScopedPageQuery<T> query, Function<T, String> cursorOf) {
        return paged(
                caller,
                page,
                (tenantId, scope, afterFirst, afterSecond, limit) ->
                        query.rows(tenantId, scope.wholeTenant(), scope.inList(), afterFirst, afterSecond, limit),
                cursorOf);
    }

    /**
     * One page of partner-owned rows, of the organisations the caller reaches, by a query that
     * walks the hierarchy below the caller's agency itself: one statement, where {@link #page} needs
     * the scope read first.
     */
    public <T> Connection<T> pageBelow(
            Caller caller, PageRequest page, SubtreePageQuery<T> query, Function<T, String> cursorOf) {
        return paged(
                caller,
                page,
                (tenantId, scope, afterFirst, afterSecond, limit) ->
                        query.rows(tenantId, scope.wholeTenant(), scope.root(), afterFirst, afterSecond, limit),
                cursorOf);
    }

    /** A page query given the caller's scope, as {@link #page} and {@link #pageBelow} pass it on. */
    private interface PagedRows<T> {
        List<T> rows(
                UUID tenantId,
                PartnerScope scope,
                @Nullable String afterFirst,
                @Nullable String afterSecond,
                int limit);
    }

    private <T> Connection<T> paged(Caller caller, PageRequest page, PagedRows<T> query, Function<T, String> cursorOf) {
        UUID tenantId = caller.requireTenant();
        List<T> rows = query.rows(
                tenantId,
                scope(caller),
                page.continues() ? page.afterKey(0) : null,
                page.continues() ? page.afterKey(1) : null,
                page.fetchSize());
        return Connection.fromRowsPlusOne(rows, page, cursorOf);
    }

    /** Whether the caller keeps the organisation's records: a tenant admin, or the partner lead of it or one above it. */
    public boolean keeps(Caller caller, UUID organisation) {
        return PartnerOrganisationAccess.keeps(caller, scope(caller), organisation);
    }

    /** The organisations the caller reaches: the whole tenant, one agency's subtree, or none. */
    public PartnerScope scope(Caller caller) {
        return reading.scope(caller);
    }

    /** The organisation, if it exists in the caller's tenant and the caller may see it. */
    public Optional<PartnerOrganisation> visible(Caller caller, UUID id) {
        return reading.visible(caller, id);
    }

    /**
     * Organisations by id for what a tenant publishes (its pledge register, its badges): read in
     * the current transaction's tenant, whoever is asking. Only for showing what is public anyway:
     * a partner's name and category.
     */
    public Map<UUID, PartnerOrganisation> published(Collection<UUID> ids) {
        return reading.published(ids);
    }

    /** Those of the organisations the caller may see, by id, in one query. */
    public Map<UUID, PartnerOrganisation> visible(Caller caller, Collection<UUID> ids) {
        return reading.visible(caller, ids);
    }
}
