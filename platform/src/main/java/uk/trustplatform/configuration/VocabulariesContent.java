package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.util.List;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * The tenant's own terms: partner categories (Luton's four), governance body types, age bands
 * (Medway: children up to 11, young people 12–18, up to 24 with a disability), participation
 * methods, audience groups, the rungs of Hart's ladder, the questions its young inspectors
 * work on (Medway's five: "Is the service accessible?" …), and its own scales for self-assessments
 * beside the platform's Hear by Right and RAG; these last two lists have no platform default.
 */
public record VocabulariesContent(
        List<Term> partnerCategories,
        List<Term> governanceBodyTypes,
        List<AgeBand> ageBands,
        List<Term> participationMethods,
        List<Term> audienceGroups,
        List<LadderLevel> hartsLadderLevels,
        List<Term> inspectionQuestions,
        List<RatingScale> ratingScales)
        implements DocumentContent {

    /** A code the partnership gives a term, a scale or a level: lower-case, so never one of the platform's own. */
    private static final String CODE = "[a-z][a-z0-9-]{0,39}";

    public VocabulariesContent {
        partnerCategories = orEmpty(partnerCategories);
        governanceBodyTypes = orEmpty(governanceBodyTypes);
        ageBands = orEmpty(ageBands);
        participationMethods = orEmpty(participationMethods);
        audienceGroups = orEmpty(audienceGroups);
        hartsLadderLevels = orEmpty(hartsLadderLevels);
        inspectionQuestions = orEmpty(inspectionQuestions);
        ratingScales = orEmpty(ratingScales);
    }

    public record Term(String code, String label, String description) {}

    public record AgeBand(String label, Integer fromAge, Integer toAge, String note) {}

    public record LadderLevel(Integer rung, String name, String description) {}

    /** A scale of the partnership's own for self-assessments: its levels from the first to the furthest. */
    public record RatingScale(String code, String name, List<RatingLevel> levels) {

        public RatingScale {
            levels = orEmpty(levels);
        }
    }

    public record RatingLevel(String code, String label) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        terms(at, "partnerCategories", partnerCategories);
        terms(at, "governanceBodyTypes", governanceBodyTypes);
        terms(at, "participationMethods", participationMethods);
        terms(at, "audienceGroups", audienceGroups);
        terms(at, "inspectionQuestions", inspectionQuestions);
        ratingScales(at);
        for (int i = 0; i < ageBands.size(); i++) {
            AgeBand band = ageBands.get(i);
            at.in("ageBands", i).text("label", band.label());
            if (band.fromAge() == null || band.toAge() == null || band.toAge() < band.fromAge()) {
                at.in("ageBands", i)
                        .add(Code.NOT_ALLOWED, "toAge", "give fromAge and toAge, with toAge not below fromAge.");
            }
        }
        at.unique(
                "hartsLadderLevels",
                hartsLadderLevels.stream().map(l -> String.valueOf(l.rung())).toList(),
                "rung");
        for (int i = 0; i < hartsLadderLevels.size(); i++) {
            LadderLevel level = hartsLadderLevels.get(i);
            at.in("hartsLadderLevels", i).text("name", level.name());
            if (level.rung() == null || level.rung() < 1 || level.rung() > 8) {
                at.in("hartsLadderLevels", i).add(Code.NOT_ALLOWED, "rung", "Hart's ladder has rungs 1 to 8.");
            }
        }
        return at.found();
    }

    private static void terms(Problems at, String list, List<Term> terms) {
        at.unique(list, terms.stream().map(Term::code).toList(), "code");
        for (int i = 0; i < terms.size(); i++) {
            Problems here = at.in(list, i);
            here.text("code", terms.get(i).code());
            here.text("label", terms.get(i).label());
            code(here, terms.get(i).code(), "statutory-board-member");
        }
    }

    /** Each scale named, with at least two levels (a scale of one level rates nothing), codes unique. */
    private void ratingScales(Problems at) {
        at.unique("ratingScales", ratingScales.stream().map(RatingScale::code).toList(), "code");
        for (int i = 0; i < ratingScales.size(); i++) {
            RatingScale scale = ratingScales.get(i);
            Problems here = at.in("ratingScales", i);
            here.text("code", scale.code());
            code(here, scale.code(), "youth-voice");
            here.text("name", scale.name());
            if (scale.levels().size() < 2) {
                here.add(Code.REQUIRED, "levels", "give at least two levels, from the first to the furthest.");
            }
            here.unique("levels", scale.levels().stream().map(RatingLevel::code).toList(), "code");
            for (int j = 0; j < scale.levels().size(); j++) {
                Problems level = here.in("levels", j);
                level.text("code", scale.levels().get(j).code());
                code(level, scale.levels().get(j).code(), "getting-started");
                level.text("label", scale.levels().get(j).label());
            }
        }
    }

    private static void code(Problems here, String code, String example) {
        if (code != null && !code.matches(CODE)) {
            here.add(Code.INVALID_FORMAT, "code", "use lower-case letters, digits and hyphens, e.g. " + example + ".");
        }
    }
}
