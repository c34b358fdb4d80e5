package uk.trustplatform.selfassessment;

import java.util.List;

/**
 * The scales a self-assessment is rated on, each with its levels from the first to the furthest:
 * Hear by Right's stages of practice (the participation register's own), or red, amber, green.
 */
enum RatingScale {
    HEAR_BY_RIGHT("Hear by Right", List.of("EMERGING", "ESTABLISHED", "ADVANCED")),
    RAG("RAG", List.of("RED", "AMBER", "GREEN"));

    private final String label;
    private final List<String> levels;

    RatingScale(String label, List<String> levels) {
        this.label = label;
        this.levels = levels;
    }

    List<String> levels() {
        return levels;
    }

    boolean has(String level) {
        return level != null && levels.contains(level);
    }

    /** The rule a level breaks, in words: "must be one of EMERGING, ESTABLISHED or ADVANCED (the Hear by Right scale)". */
    String rule() {
        return "must be one of " + String.join(", ", levels.subList(0, levels.size() - 1)) + " or " + levels.getLast()
                + " (the " + label + " scale)";
    }
}
