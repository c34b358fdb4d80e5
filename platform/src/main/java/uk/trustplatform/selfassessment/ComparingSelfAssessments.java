package uk.trustplatform.selfassessment;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerFigures;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * The board's view of a year's self-assessments against one framework: how many partners rate
 * each standard at each level, and which partners have not yet submitted one. Only submitted and
 * agreed assessments count: a draft is unfinished, a returned one is being done again.
 */
@Singleton
final class ComparingSelfAssessments {

    /** The view the schema's SelfAssessmentOverview shows. */
    record Overview(
            int year,
            String framework,
            String scale,
            String scaleName,
            List<RatingScale.Level> levels,
            int assessed,
            List<Distribution> standards,
            List<PartnerOrganisation> waiting) {

        /** The partners not yet assessed; of the statutory ones only when asked. */
        List<PartnerOrganisation> notYetAssessed(boolean statutoryOnly) {
            return waiting.stream()
                    .filter(partner -> !statutoryOnly || partner.statutory())
                    .toList();
        }
    }

    /** One standard (or criterion): how many partners rated it at each level of the scale. */
    record Distribution(
            String standard, String criterion, @Nullable String title, List<LevelCount> counts) {}

    record LevelCount(String level, String label, int partners) {}

    private final SelfAssessments assessments;
    private final SelfAssessmentRatings ratings;
    private final RatingScales scales;
    private final PartnerDirectory partners;

    ComparingSelfAssessments(
            SelfAssessments assessments,
            SelfAssessmentRatings ratings,
            RatingScales scales,
            PartnerDirectory partners) {
        this.assessments = assessments;
        this.ratings = ratings;
        this.scales = scales;
        this.partners = partners;
    }

    Overview of(Caller caller, int year, String framework, String scale) {
        UUID tenantId = caller.requireTenant();
        if (!SelfAssessmentAccess.reviews(caller)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only the board (its members and the tenant admin) compares self-assessments.");
        }
        List<SelfAssessment> assessed = assessments.findByYearAndFramework(year, framework).stream()
                .filter(assessment -> assessment.status().assessed())
                .toList();
        List<SelfAssessment> onScale = assessed.stream()
                .filter(assessment -> assessment.scale().equals(scale))
                .toList();
        List<RatingScale.Level> levels = scales.counted(scale, onScale);
        List<SelfAssessmentRating> rated = onScale.isEmpty()
                ? List.of()
                : ratings.ofAssessments(
                        tenantId, onScale.stream().map(SelfAssessment::id).toList());
        return new Overview(
                year,
                framework,
                scale,
                scaleName(scale, onScale),
                levels,
                onScale.size(),
                distributions(rated, levels),
                notYetAssessed(caller, tenantId, assessed));
    }

    /** Each item in the framework's order, counting its ratings at each level. */
    private static List<Distribution> distributions(List<SelfAssessmentRating> rated, List<RatingScale.Level> levels) {
        Map<String, List<SelfAssessmentRating>> byItem = new LinkedHashMap<>();
        rated.stream()
                .sorted(Comparator.comparingInt(SelfAssessmentRating::position))
                .forEach(rating -> byItem.computeIfAbsent(
                                rating.standard() + "/" + rating.criterion(), key -> new ArrayList<>())
                        .add(rating));
        return byItem.values().stream()
                .map(item -> new Distribution(
                        item.getFirst().standard(),
                        item.getFirst().criterion(),
                        item.getFirst().title(),
                        levels.stream()
                                .map(level -> new LevelCount(level.code(), level.label(), (int) item.stream()
                                        .filter(rating -> level.code().equals(rating.level()))
                                        .count()))
                                .toList()))
                .toList();
    }

    /** The scale's name in force, or as the assessments kept it once the partnership has dropped the scale. */
    private String scaleName(String code, List<SelfAssessment> onScale) {
        return scales.inForce(code)
                .or(() -> onScale.stream().findFirst().map(scales::of))
                .map(RatingScale::name)
                .orElse(code);
    }

    /** The top-level partners (agencies, not their services) with no submitted or agreed assessment, by name. */
    private List<PartnerOrganisation> notYetAssessed(Caller caller, UUID tenantId, List<SelfAssessment> assessed) {
        Set<UUID> done =
                assessed.stream().map(SelfAssessment::partnerOrganisationId).collect(Collectors.toSet());
        List<UUID> waiting = partners.figures(tenantId).stream()
                .map(PartnerFigures::partnerOrganisationId)
                .filter(id -> !done.contains(id))
                .toList();
        return partners.visible(caller, waiting).values().stream()
                .sorted(Comparator.comparing(PartnerOrganisation::name))
                .toList();
    }
}
