package uk.trustplatform.selfassessment;

import jakarta.inject.Singleton;
import java.util.Collection;
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
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/** Reads self-assessments for a caller, always through {@link SelfAssessmentAccess}. */
@Singleton
final class ReadingSelfAssessments implements NodeResolver {

    /** Assessments, latest year first. */
    static final CursorShape CURSORS = CursorShape.of("selfAssessments", Part.INTEGER, Part.UUID);

    static final String RATINGS_OF_ASSESSMENT = "selfAssessmentRatingsOfAssessment";
    static final String ASSESSMENT_BY_ID = "selfAssessmentById";
    static final String RATING_ANSWERED_BY_ACTION = "selfAssessmentRatingAnsweredByAction";
    static final String ACTIONS_OF_RATING = "selfAssessmentActionsOfRating";

    /** A rating with the assessment it belongs to. */
    record Located(SelfAssessment assessment, SelfAssessmentRating rating) {}

    private final SelfAssessments assessments;
    private final SelfAssessmentRatings ratings;
    private final GapActions links;
    private final PartnerDirectory partners;

    ReadingSelfAssessments(
            SelfAssessments assessments, SelfAssessmentRatings ratings, GapActions links, PartnerDirectory partners) {
        this.assessments = assessments;
        this.ratings = ratings;
        this.links = links;
        this.partners = partners;
    }

    Connection<SelfAssessment> page(Caller caller, PageRequest page, @Nullable Integer year) {
        return partners.page(
                caller,
                page,
                (tenantId, everyone, organisations, afterYear, afterId, limit) -> assessments.page(
                        tenantId,
                        everyone,
                        organisations,
                        year,
                        afterYear == null ? null : Integer.valueOf(afterYear),
                        afterId,
                        limit),
                row -> page.cursor(row.year(), row.id()));
    }

    Optional<SelfAssessment> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        PartnerScope scope = partners.scope(caller);
        return assessments
                .findById(id)
                .filter(assessment -> SelfAssessmentAccess.canRead(scope, assessment.partnerOrganisationId()));
    }

    /** The ratings of an assessment the caller may see, in the framework's order. */
    List<SelfAssessmentRating> ratingsOf(SelfAssessment assessment) {
        return ratings.ofAssessments(assessment.tenantUuid(), List.of(assessment.id()));
    }

    @Override
    public Set<String> types() {
        return Set.of(SelfAssessment.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }

    /** Loaded only for assessments the caller has already been shown. */
    Map<UUID, List<SelfAssessmentRating>> ratingsOf(Set<UUID> assessmentIds) {
        return PerRequestLoader.grouped(
                assessmentIds,
                ratings.ofAssessments(RequestContext.currentCaller().requireTenant(), assessmentIds),
                SelfAssessmentRating::assessmentId);
    }

    /** Those of the assessments the caller may see, by id. */
    Map<UUID, SelfAssessment> byId(Collection<UUID> ids) {
        PartnerScope scope = partners.scope(RequestContext.currentCaller());
        return assessments.findByIdIn(ids).stream()
                .filter(assessment -> SelfAssessmentAccess.canRead(scope, assessment.partnerOrganisationId()))
                .collect(Collectors.toMap(SelfAssessment::id, Function.identity()));
    }

    /** The rated standard each action answers, of the actions that answer one, where the caller may see its assessment. */
    Map<UUID, Located> answeredBy(Set<UUID> actionIds) {
        Map<UUID, UUID> ratingOfAction = links.findByActionIdIn(actionIds).stream()
                .collect(Collectors.toMap(GapAction::actionId, GapAction::ratingId));
        if (ratingOfAction.isEmpty()) {
            return Map.of();
        }
        Map<UUID, SelfAssessmentRating> rated = ratings.findByIdIn(ratingOfAction.values()).stream()
                .collect(Collectors.toMap(SelfAssessmentRating::id, Function.identity()));
        Map<UUID, SelfAssessment> owners = byId(
                rated.values().stream().map(SelfAssessmentRating::assessmentId).collect(Collectors.toSet()));
        return ratingOfAction.entrySet().stream()
                .filter(link -> rated.containsKey(link.getValue())
                        && owners.containsKey(rated.get(link.getValue()).assessmentId()))
                .collect(Collectors.toMap(Map.Entry::getKey, link -> {
                    SelfAssessmentRating rating = Objects.requireNonNull(
                            rated.get(link.getValue()), "the filter keeps links to a rating found");
                    return new Located(
                            Objects.requireNonNull(
                                    owners.get(rating.assessmentId()),
                                    "the filter keeps ratings whose assessment the caller sees"),
                            rating);
                }));
    }

    /** The ids of the actions added for each rating's gap; the action plans' loader decides which the caller sees. */
    Map<UUID, List<UUID>> actionsOf(Set<UUID> ratingIds) {
        return PerRequestLoader.grouped(ratingIds, links.findByRatingIdIn(ratingIds), GapAction::ratingId)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> entry.getValue().stream()
                                .map(GapAction::actionId)
                                .toList()));
    }
}
