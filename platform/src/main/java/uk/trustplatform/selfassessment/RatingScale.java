package uk.trustplatform.selfassessment;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A scale a self-assessment is rated on, with its levels from the first to the furthest: the
 * platform's Hear by Right (the participation register's stages of practice) or RAG, whose levels
 * never change, or one of the partnership's own from its vocabularies.
 */
record RatingScale(String code, String name, List<Level> levels) {

    record Level(String code, String label) {}

    static final RatingScale HEAR_BY_RIGHT = new RatingScale(
            "HEAR_BY_RIGHT",
            "Hear by Right",
            List.of(
                    new Level("EMERGING", "Emerging"),
                    new Level("ESTABLISHED", "Established"),
                    new Level("ADVANCED", "Advanced")));

    static final RatingScale RAG = new RatingScale(
            "RAG", "RAG", List.of(new Level("RED", "Red"), new Level("AMBER", "Amber"), new Level("GREEN", "Green")));

    static final List<RatingScale> PLATFORMS = List.of(HEAR_BY_RIGHT, RAG);

    static Optional<RatingScale> platforms(@Nullable String code) {
        return PLATFORMS.stream().filter(scale -> scale.code().equals(code)).findFirst();
    }

    boolean builtIn() {
        return platforms(code).isPresent();
    }

    List<String> codes() {
        return levels.stream().map(Level::code).toList();
    }

    boolean has(@Nullable String level) {
        return level != null && codes().contains(level);
    }

    /** The level's label; null for none or a level the scale does not have. */
    @Nullable
    String label(@Nullable String level) {
        return levels.stream()
                .filter(found -> found.code().equals(level))
                .map(Level::label)
                .findFirst()
                .orElse(null);
    }

    /** The rule a level breaks, in words: "must be one of EMERGING, ESTABLISHED or ADVANCED (the Hear by Right scale)". */
    String rule() {
        List<String> codes = codes();
        return "must be one of " + String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.getLast()
                + " (the " + name + " scale)";
    }
}
