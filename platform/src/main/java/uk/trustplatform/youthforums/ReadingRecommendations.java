package uk.trustplatform.youthforums;

import jakarta.inject.Singleton;
import java.time.LocalDate;
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
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/**
 * Reads youth forums' recommendations: tenant admins and board members read all of them; a
 * partner lead (or its agency's integration) those addressed to its agency or the services below
 * it, and those its agency recorded. Whether one is overdue is judged on a day the caller gives
 * (today when it gives none), against the tenant's reply time.
 */
@Singleton
final class ReadingRecommendations implements NodeResolver {

    /** The list, newest first. */
    static final CursorShape CURSORS = CursorShape.of("youthForumRecommendations", Part.DATE, Part.UUID);

    /** Which recommendations a list holds. */
    enum State {
        ALL,
        OPEN,
        OVERDUE,
        ANSWERED
    }

    /** How many of the caller's recommendations are open, overdue and answered on {@code asOf}. */
    record Counts(LocalDate asOf, long open, long overdue, long answered) {}

    private final Recommendations recommendations;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;

    ReadingRecommendations(
            Recommendations recommendations, PartnerDirectory partners, InForceConfiguration configuration) {
        this.recommendations = recommendations;
        this.partners = partners;
        this.configuration = configuration;
    }

    /** The tenant's reply time, in days. */
    int replyDays(UUID tenantId) {
        return configuration.settings(tenantId).recommendationReplyDays();
    }

    Connection<Recommendation> page(Caller caller, PageRequest page, State state, LocalDate asOf) {
        LocalDate overdueBefore = overdueBefore(caller.requireTenant(), asOf);
        return partners.page(
                caller,
                page,
                (tenantId, everyone, organisations, afterMade, afterId, limit) -> recommendations.page(
                        tenantId, everyone, organisations, state.name(), overdueBefore, afterMade, afterId, limit),
                row -> page.cursor(row.madeOn(), row.id()));
    }

    Counts counts(Caller caller, LocalDate asOf) {
        UUID tenantId = caller.requireTenant();
        PartnerScope scope = partners.scope(caller);
        LocalDate overdueBefore = overdueBefore(tenantId, asOf);
        return new Counts(
                asOf,
                count(tenantId, scope, State.OPEN, overdueBefore),
                count(tenantId, scope, State.OVERDUE, overdueBefore),
                count(tenantId, scope, State.ANSWERED, overdueBefore));
    }

    private long count(UUID tenantId, PartnerScope scope, State state, LocalDate overdueBefore) {
        return recommendations.count(tenantId, scope.wholeTenant(), scope.inList(), state.name(), overdueBefore);
    }

    /** Open recommendations made before this day are overdue on {@code asOf}. */
    private LocalDate overdueBefore(UUID tenantId, LocalDate asOf) {
        return asOf.minusDays(replyDays(tenantId));
    }

    Optional<Recommendation> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return recommendations.findById(id).filter(found -> reads(scope, found));
    }

    private static boolean reads(PartnerScope scope, Recommendation recommendation) {
        return scope.wholeTenant()
                || (recommendation.addressedToId() != null && scope.covers(recommendation.addressedToId()))
                || (recommendation.recordedById() != null && scope.covers(recommendation.recordedById()));
    }

    @Override
    public Set<String> types() {
        return Set.of(Recommendation.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }
}
