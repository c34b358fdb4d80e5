package uk.trustplatform.selfassessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.VocabulariesContent;

/**
 * The scales of the current transaction's partnership: the platform's two, then its own from its
 * published vocabularies; and the scale an assessment keeps, a copy of its own scale's levels as
 * they were when it started (so a later edition of the vocabularies leaves it as it was).
 */
@Singleton
final class RatingScales {

    private static final TypeReference<List<RatingScale.Level>> LEVELS = new TypeReference<>() {};

    private final InForceConfiguration configuration;
    private final ObjectMapper json;

    RatingScales(InForceConfiguration configuration, ObjectMapper json) {
        this.configuration = configuration;
        this.json = json;
    }

    List<RatingScale> inForce() {
        return Stream.concat(
                        RatingScale.PLATFORMS.stream(),
                        configuration.vocabularies().ratingScales().stream().map(RatingScales::of))
                .toList();
    }

    Optional<RatingScale> inForce(@Nullable String code) {
        return RatingScale.platforms(code)
                .or(() -> inForce().stream()
                        .filter(scale -> scale.code().equals(code))
                        .findFirst());
    }

    /** The scale the assessment is rated on: the platform's, or its own copy. */
    RatingScale of(SelfAssessment assessment) {
        return RatingScale.platforms(assessment.scale()).orElseGet(() -> {
            try {
                return new RatingScale(
                        assessment.scale(),
                        // Not the platform's, so the partnership's own, kept with its name (V25's check).
                        Objects.requireNonNull(assessment.scaleName(), "an own scale's name"),
                        json.readValue(assessment.scaleLevels(), LEVELS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A self-assessment's copy of its scale is not JSON", e);
            }
        });
    }

    /** The levels an assessment on this scale keeps; none for the platform's scales, which never change. */
    @Nullable
    String copy(RatingScale scale) {
        if (scale.builtIn()) {
            return null;
        }
        try {
            return json.writeValueAsString(scale.levels());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A scale's levels could not be written as JSON", e);
        }
    }

    /**
     * The levels the board's view counts: the scale's as in force now, then those only the assessments'
     * copies still have (a level since dropped), so that no rating goes uncounted.
     */
    List<RatingScale.Level> counted(@Nullable String code, List<SelfAssessment> assessments) {
        List<RatingScale.Level> levels =
                new ArrayList<>(inForce(code).map(RatingScale::levels).orElse(List.of()));
        assessments.stream()
                .filter(assessment -> assessment.scale().equals(code))
                .flatMap(assessment -> of(assessment).levels().stream())
                .filter(level -> levels.stream().noneMatch(known -> known.code().equals(level.code())))
                .forEach(levels::add);
        return levels;
    }

    private static RatingScale of(VocabulariesContent.RatingScale own) {
        return new RatingScale(
                own.code(),
                own.name(),
                own.levels().stream()
                        .map(level -> new RatingScale.Level(level.code(), level.label()))
                        .toList());
    }
}
